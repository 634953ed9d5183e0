/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flow.h — the flow model: immutable data loaded from a YAML file.
 * Everything a flow author can say lives here; the C code knows no platform.
 * The YAML form is documented in doc/flow-format.md. Strings are the English
 * source; front ends translate them with flow_tr() (gettext, domain "ipwiz"). */
#ifndef IPWIZ_FLOW_H
#define IPWIZ_FLOW_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/base.h"

struct expr;

enum field_type {
	FIELD_TEXT,
	FIELD_TEXTAREA,
	FIELD_CHOICE,
	FIELD_MULTICHOICE,
	FIELD_YESNO,
	FIELD_DATE,
	FIELD_EMAIL,
	FIELD_URL,
	FIELD_PHONE,
	FIELD_NUMBER,
	FIELD_LIST,
	FIELD_EVIDENCE,
	FIELD_DECLARATION,
	FIELD_INFO
};

/* Where a thing came from in the YAML file, for messages. */
struct flow_pos {
	int line, column;
};

struct flow_choice {
	char *value; /* stored answer, e.g. "trademark" */
	char *label; /* shown, translatable */
	char *help;  /* optional one-line explanation */
	/* Choosing it means ipwiz cannot write this case's documents: why, and
	 * what to do instead (translatable). The case never exports. */
	char *stop;
};

/* What to do when a structure check (PDF trailer, JPEG EOI, ...) fails. */
enum evidence_policy { EVIDENCE_POLICY_WARN, EVIDENCE_POLICY_REJECT };

/* What a document must show, read from its text (an evidence field's
 * `reads:`): each entry cross-checks one answer against the text of every
 * file attached to the field (evidence/evidence_look.h judges it). */
enum flow_read_kind {
	FLOW_READ_MENTION,     /* the document shows a text answer (a name, a brand, a number) */
	FLOW_READ_DATE,	       /* a date on the document equals a date answer */
	FLOW_READ_QUANTITY,    /* a quantity on the document equals a number answer */
	FLOW_READ_VALID_UNTIL, /* the document's validity covers a date (an authorisation) */
	FLOW_READ_LANGUAGE     /* the document is in a language the reviewers read */
};

/* A mention: what the answer is on the document. It picks the sentences
 * the seller reads and the label shown beside the file; numbers and models
 * are compared with OCR's digit-letter confusions (O/0, l/1) forgiven. */
enum flow_read_as {
	FLOW_AS_NAME,
	FLOW_AS_BUYER,
	FLOW_AS_SELLER,
	FLOW_AS_HOLDER,
	FLOW_AS_LICENSEE,
	FLOW_AS_BRAND,
	FLOW_AS_NUMBER,
	FLOW_AS_MODEL
};

struct flow_read {
	enum flow_read_kind kind;
	char *field;	      /* the answer compared (every kind but language) */
	enum flow_read_as as; /* mention */
	char *before;	      /* date: `within_months_before` a date field, or NULL */
	unsigned months;      /* date: with `before`, how many months back */
	char *on;	      /* valid_until: the date field the validity must cover */
	bool has_at_least;    /* quantity: `at_least` */
	double at_least;
	char **languages; /* language: codes the reviewers read (en, zh_CN, id …) */
	size_t nlanguages;
	struct flow_pos pos;			       /* the entry */
	struct flow_pos field_pos, before_pos, on_pos; /* the values naming fields */
};

/* The name of a kind as written in a flow ("mention", "valid_until") and of
 * a mention's `as` ("buyer"). */
const char *flow_read_kind_name(enum flow_read_kind k);
const char *flow_read_as_name(enum flow_read_as a);
/* True when code is a language a document can be recognised in (`language:`). */
bool flow_read_language_known(const char *code);

/* `legible:` of an evidence field: what its pages must look like for a
 * reviewer. Judged by the evidence module (evidence_legible_judge); every
 * shortfall is a warning, never a rejection (a measure can be wrong). */
struct evidence_legibility {
	bool set;	   /* the field has `legible:`: blank, blurred, faint and turned pages */
	unsigned min_dpi;  /* `min_dpi`: readable resolution; 0 = not checked */
	bool colour;	   /* `colour: true`: colour copies of the originals */
	struct expr *seal; /* `seal`: when a red company seal must be on it; NULL = never */
};

struct evidence_req {
	char **accept; /* MIME types, e.g. "application/pdf" */
	size_t naccept;
	uint64_t max_size;	       /* bytes; 0 = no limit */
	uint64_t warn_size;	       /* bytes; 0 = no warning */
	unsigned min_files, max_files; /* min at least 1 (the loader's default); max 0 = no limit */
	unsigned min_pixels;	       /* shortest side of an image; 0 = no check */
	enum evidence_policy structure; /* truncated / corrupt files */
	char *proves;			/* what this evidence proves, translatable */
	char **grounds;			/* values of the grounds field that need it */
	size_t ngrounds;
	char *date_field; /* optional sub-answer: the date on the document */
	char *file_name;  /* optional: the exported copy's name after NN- (a-z, 0-9, -) */
	/* The id of the flow's package the file goes in (`package:`), or
	 * NULL when the flow declares none: one package then holds all. */
	char *package;
	struct flow_read *reads; /* what the document's text is read for */
	size_t nreads;
	struct evidence_legibility legible;
};

/* An answer the field refuses (`refuse:`): when `when` holds with the
 * answer being given in place of the field's own, it is refused with
 * `message` (translatable), as a form the field does not take is. */
struct flow_refusal {
	struct expr *when;
	char *message;
};

struct flow_field {
	char *id;    /* unique within its parent (step or list) */
	char *path;  /* "products" or "products.url" for a list's sub-field template */
	size_t step; /* index of its step (a list's sub-field: its list's step) */
	enum field_type type;
	char *label;
	char *help;
	char *placeholder;
	struct expr *when; /* NULL = always shown */
	struct expr
	    *required; /* NULL = optional; an expression (constant true for `required: true`) */
	char *default_value;

	/* validation */
	char *pattern_src;
	regex_t pattern;
	bool has_pattern;
	bool has_min, has_max; /* number: value; date: see min_expr/max_expr */
	double min, max;
	struct expr *min_expr, *max_expr; /* dates: e.g. `today`, `complaint_date - 180` */
	size_t min_length, max_length;	  /* characters (code points); max 0 = no limit */
	char *message;			  /* custom message when invalid, translatable */
	struct flow_refusal *refusals;	  /* answers refused for what they say with others */
	size_t nrefusals;

	/* choice, multichoice */
	struct flow_choice *choices;
	size_t nchoices;

	/* list: a repeating group */
	struct flow_field *items;
	size_t nitems;
	unsigned min_items, max_items; /* max 0 = no limit */

	/* evidence */
	struct evidence_req evidence;

	/* declaration: a statement the user affirms, plus a typed-name signature */
	char *statement;
	bool signature;
	char **covers; /* field ids the affirmation covers; NULL/0 = every answer */
	/* The typed signature must be this field's answer (case and spaces
	 * aside), or NULL: e.g. the full name the document prints. */
	char *signature_matches;
	size_t ncovers;

	/* info: read-only text is in help */

	struct flow_pos pos;
};

struct flow_step {
	char *id;
	char *title;
	char *intro;
	char *help;
	struct expr *when;
	struct flow_field *fields;
	size_t nfields;
	struct flow_pos pos;
};

/* A document rendered from the answers, pasted into one platform form field
 * (or uploaded/printed). Templates per language; "en" always present. */
struct flow_template {
	char *lang; /* "en", "zh_CN", "id" */
	char *text;
	struct flow_pos pos;
};

struct flow_document {
	char *id;
	char *title;
	char *form_field; /* the platform's name of the field this text goes into */
	char *purpose;	  /* "paste", "upload", "keep" */
	struct expr *when;
	struct flow_template *templates;
	size_t ntemplates;
	struct flow_pos pos;
};

/* A part of the evidence that goes to one place on the platform
 * (`packages:`): registration documents uploaded once with an account,
 * a complaint's attachments, the files of a later reply. Its files are
 * numbered and listed apart, and its limits hold for all of them. */
struct flow_package {
	char *id;	    /* "complaint": templates' {{#each evidence.complaint}} */
	char *label;	    /* heading, translatable */
	char *where;	    /* where on the platform it goes, and when; translatable */
	unsigned max_files; /* the platform takes at most this many in it; 0 = no limit */
	uint64_t max_size;  /* the platform's limit per file; 0 = none */
	struct flow_pos pos;
};

/* "respond within N working days of FIELD (calendar C)" */
struct flow_deadline {
	char *id;
	char *label;
	char *from;	/* id of a date field */
	int days;	/* how many days after `from` */
	bool working;	/* working days (calendar) or calendar days */
	char *calendar; /* "cn", "us"; NULL with working=false */
	struct expr *when;
	char *note; /* e.g. "the platform's own countdown wins" */
	struct flow_pos pos;
};

/* What the platform can answer after the user submitted (`ipwiz reply`):
 * an outcome, the case status it leads to, and what to do next — written
 * for this flow's user, so a rights holder and a seller each read their own. */
struct flow_outcome {
	char *id;	  /* "accepted", "rejected", "counter-notice" … */
	char *label;	  /* one line, translatable */
	char *text;	  /* what it means and what to do now, translatable */
	char *status;	  /* the case afterwards: "draft", "submitted" or "closed" */
	bool uses_chance; /* a rejection: the chance answered is used up */
	struct flow_pos pos;
};

/* The case after export: who the user is, how many chances the platform
 * gives, and its answers. chance_field is a choice field whose choices, in
 * order, are the 1st, 2nd … chance; chance_deadlines[i] names the deadline
 * holding the last day of chance i+1. */
struct flow_lifecycle {
	bool present;
	char *role;		 /* "seller" or "rights_holder" */
	char *chance_field;	 /* NULL: the platform gives no further chance */
	char **chance_deadlines; /* one per choice of chance_field, or none */
	size_t nchance_deadlines;
	char *no_chance_left; /* what to do when the last chance failed, translatable */
	struct flow_outcome *outcomes;
	size_t noutcomes;
	struct flow_pos pos;
};

struct flow {
	char *id;
	char *version;
	char *title;
	char *description;
	char *platform;
	char *checked; /* "2026-11": when the facts were checked */
	char **languages;
	size_t nlanguages;
	/* The languages the platform's reviewers read, most wanted first
	 * (`review_languages: [en, zh_CN]`; `review_language: en` is one).
	 * The export always holds a copy in one of them. */
	char **review_languages;
	size_t nreview_languages;

	struct flow_step *steps;
	size_t nsteps;
	struct flow_document *documents;
	size_t ndocuments;
	struct flow_deadline *deadlines;
	size_t ndeadlines;
	struct flow_package *packages; /* none: all evidence is one package */
	size_t npackages;
	/* The platform's clock ("Asia/Shanghai"), or NULL: deadlines count its
	 * days, so "today" for a deadline is the later of its date and the
	 * user's local date. */
	char *timezone;
	struct flow_lifecycle lifecycle;

	/* Top-level fields sorted by id (then flow order), for lookups. */
	const struct flow_field **index;
	size_t nindex;

	char *file;    /* path it was loaded from */
	char hash[65]; /* sha256 of the file's bytes, lowercase hex */
};

/* Limits that keep hostile files harmless. */
#define FLOW_MAX_BYTES (1024 * 1024)
#define FLOW_MAX_DEPTH 64
/* An evidence copy's name after its number (file_name:, or what it proves). */
#define FLOW_FILE_NAME_MAX 40

/* Load and check a flow file. On failure returns NULL and every error found
 * (several per run) is in diags with file:line:column; warnings may be added
 * on success too. */
struct flow *flow_load_file(const char *path, struct ipw_diags *diags);
struct flow *flow_load_buffer(const char *name, const char *buf, size_t len,
			      struct ipw_diags *diags);
void flow_free(struct flow *f);

/* Extra checks of `ipwiz lint`: unreachable steps, fields no document uses,
 * evidence required by no ground, fields without help. Adds warnings. */
void flow_lint(const struct flow *f, struct ipw_diags *diags);

/* Lookups. A path is "field" or "list.N.sub" (N 1-based); a list sub-field's
 * model is found by "list.sub" or "list.N.sub". */
const struct flow_field *flow_find_field(const struct flow *f, const char *path);
/* Whether ref, in a `refuse:` condition of the field at path ("reason",
 * "urls.url"), names that field (by its path or its id): the answer being
 * given. */
bool flow_refusal_names_owner(const char *path, const char *ref);
const struct flow_step *flow_find_step(const struct flow *f, const char *id);
int flow_step_index(const struct flow *f, const char *id); /* -1 when unknown */
const struct flow_step *flow_field_step(const struct flow *f, const struct flow_field *field);
const struct flow_deadline *flow_find_deadline(const struct flow *f, const char *id);
const struct flow_outcome *flow_find_outcome(const struct flow *f, const char *id);
/* How many chances the platform gives (the choices of the chance field), 0
 * when the flow names none. */
size_t flow_chances(const struct flow *f);
const struct flow_document *flow_find_document(const struct flow *f, const char *id);
const struct flow_package *flow_find_package(const struct flow *f, const char *id);
/* The package evidence field fl goes in: NULL when the flow declares none. */
const struct flow_package *flow_field_package(const struct flow *f, const struct flow_field *fl);
/* The template for lang, falling back to "en". */
const struct flow_template *flow_document_template(const struct flow_document *d, const char *lang);

const char *flow_field_type_name(enum field_type t);

/* The choice of f whose value is value[0..len), or NULL. */
const struct flow_choice *flow_find_choice(const struct flow_field *f, const char *value,
					   size_t len);
/* An answer as people read it (flow_answer.c): choices by their labels,
 * yes/no as words — "yes" inside a document's sentence, "Yes" on a screen.
 * Labels follow the language in effect. NULL for NULL; the caller frees. */
enum answer_words { ANSWER_IN_SENTENCE, ANSWER_ON_SCREEN };
char *flow_answer_text(const struct flow_field *f, const char *value, enum answer_words words);
/* How an expression reads an answer of type t (VALUE_STRING for plain text). */
enum value_type flow_field_value_type(enum field_type t);

/* How a field of a type is asked, kept and shown: every front end and the
 * session decide by the shape, so a new type of an existing shape (an
 * `iban` is a FIELD_SHAPE_LINE) is one row of the type table and its
 * check in validate.c — no other switch names it (HACKING.md). */
enum field_shape {
	FIELD_SHAPE_LINE,	 /* one line of text: text, email, url, phone, number */
	FIELD_SHAPE_DATE,	 /* one line, a date (its own hint) */
	FIELD_SHAPE_TEXTAREA,	 /* lines of text, kept as typed */
	FIELD_SHAPE_CHOICE,	 /* one of the choices */
	FIELD_SHAPE_MULTICHOICE, /* some of the choices, a value a line */
	FIELD_SHAPE_YESNO,
	FIELD_SHAPE_DECLARATION, /* a statement affirmed, maybe signed */
	FIELD_SHAPE_LIST,	 /* items of sub-fields */
	FIELD_SHAPE_EVIDENCE,	 /* files */
	FIELD_SHAPE_INFO	 /* text to read, no answer */
};
enum field_shape flow_field_shape(enum field_type t);

/* Every translatable string of the flow with the line it was written on
 * and what it is ("flow ID, field X: help"), for translators' comments in
 * `ipwiz lint --pot`: titles, labels, help, choices, statements … */
void flow_strings(const struct flow *f,
		  void (*fn)(const char *s, int line, const char *where, void *ctx), void *ctx);

/* Translate a flow string (gettext), NULL-safe. */
const char *flow_tr(const char *s);

/* The rest of the public flow: answers files, installed flows, validation. */
#include "answers_file.h"
#include "catalog.h"
#include "validate.h"

#endif
