# core: shared utilities, the session, the catalog and the command dispatch
libipwiz_a_SOURCES += \
	src/error.c src/error.h \
	src/xalloc.c src/xalloc.h \
	src/strbuf.c src/strbuf.h \
	src/number.c src/number.h \
	src/utf8.c src/utf8.h \
	src/i18n.c src/i18n.h \
	src/catalog.c src/catalog.h \
	src/answers.c src/answers.h \
	src/validate.c src/validate.h \
	src/session.c src/session_edit.c src/session_state.c src/session_affirm.c \
	src/presence.c src/presence.h src/cli_watch.c \
	src/session.h src/session_internal.h \
	src/answers_file.c src/answers_file.h \
	src/cli.c src/cli.h \
	src/case_walk.c src/case_walk.h \
	src/cli_case.c src/cli_show.c src/cli_answers.c src/cli_coach.c

noinst_HEADERS = src/flow.h src/expr.h src/store.h src/evidence.h src/template.h ui/plain.h

# The program finds its catalogs in the build tree too, so ./run.sh --lang
# zh_CN works without `make install`.
all-local: build-locale
.PHONY: build-locale
build-locale:
	@for po in $(srcdir)/po/*.po; do \
	  [ -f "$$po" ] || continue; \
	  lang=$$(basename $$po .po); \
	  $(MKDIR_P) locale/$$lang/LC_MESSAGES; \
	  $(MSGFMT) -o locale/$$lang/LC_MESSAGES/$(PACKAGE).mo $$po || exit 1; \
	done
clean-local:
	rm -rf locale

# Refresh the message template from the C sources and the shipped flows,
# and merge it into every catalogue (translators then fill the gaps).
.PHONY: update-po
update-po: ipwiz
	$(srcdir)/tests/i18n/pot.sh $(abs_srcdir) $(abs_builddir)/ipwiz $(srcdir)/po/$(PACKAGE).pot
	for lang in $$(grep -v '^#' $(srcdir)/po/LINGUAS); do \
	  msgmerge --quiet --update --backup=none --no-location --sort-output \
	    $(srcdir)/po/$$lang.po $(srcdir)/po/$(PACKAGE).pot || exit 1; \
	done

check_PROGRAMS += tests/unit/test_presence
tests_unit_test_presence_SOURCES = tests/unit/test_presence.c tests/unit/store_fixture.h
tests_unit_test_presence_CFLAGS = $(unit_cflags)
tests_unit_test_presence_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_presence
