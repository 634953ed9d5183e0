/* SPDX-License-Identifier: GPL-3.0-or-later */
/* store.c — opening the case database: where it lives, who may read it, who
 * is acting, and the connection settings every write relies on. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "store_internal.h"
#include "store_read.h"

char *store_default_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/ipwiz/cases.db", xdg);
	const char *home = getenv("HOME");
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
	}
	return home ? xasprintf("%s/.local/share/ipwiz/cases.db", home) : NULL;
}

/* mkdir that leaves exactly 0700 whatever the umask; an existing
 * directory (perhaps a team's 2770 one) is left as it is. */
/* What to do when the database's place cannot be made: the default place
 * comes from the environment, a --db path from the user. */
static int place_error(const char *what, const char *dir, bool deflt, struct ipw_error *err)
{
	if (deflt)
		return ipw_error_set(
		    err, IPW_EENV,
		    _("%s To keep cases elsewhere, set XDG_DATA_HOME (or HOME) to a "
		      "folder you can write, or use --db PATH."),
		    what);
	char *parent = xstrdup(dir);
	char *slash = strrchr(parent, '/');
	if (slash && slash != parent)
		*slash = '\0';
	int r = ipw_error_set(err, IPW_EENV,
			      _("%s Create %s first, or pick another place with --db PATH."), what,
			      parent);
	free(parent);
	return r;
}

static int make_dir(const char *dir, bool deflt, struct ipw_error *err)
{
	if (mkdir(dir, 0700) == 0) {
		if (chmod(dir, 0700) == 0)
			return IPW_OK;
	} else if (errno == EEXIST) {
		struct stat sb;
		if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
			return IPW_OK;
		errno = ENOTDIR;
	}
	char *what = xasprintf(_("Cannot create the directory %s for the case database: %s."), dir,
			       strerror(errno));
	int r = place_error(what, dir, deflt, err);
	free(what);
	return r;
}

/* The default place gets its whole chain of directories; a path given with
 * --db only its last one, so a mistyped path does not grow a tree. */
static int make_parent(const char *path, bool deep, struct ipw_error *err)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int r = IPW_OK;
	if (slash && slash != dir) {
		*slash = '\0';
		struct stat sb;
		if (stat(dir, &sb) != 0) {
			for (char *p = dir + 1; deep && r == IPW_OK && (p = strchr(p, '/')); p++) {
				*p = '\0';
				if (stat(dir, &sb) != 0)
					r = make_dir(dir, deep, err);
				*p = '/';
			}
			if (r == IPW_OK)
				r = make_dir(dir, deep, err);
		}
	}
	free(dir);
	return r;
}

static int create_file(const char *path, struct ipw_error *err)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST)
		return IPW_OK; /* another ipwiz made it a moment ago */
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		return ipw_error_set(
		    err, IPW_EENV,
		    _("Cannot create the case database %s: %s. Pick a folder you may "
		      "write in with --db PATH."),
		    path, strerror(e));
	}
	close(fd);
	return IPW_OK;
}

/* A file every user may read holds other people's legal papers; a team's
 * group (0660) is fine. */
static int check_file(const char *path, const struct stat *sb, struct ipw_error *err)
{
	if (!S_ISREG(sb->st_mode))
		return ipw_error_set(err, IPW_EENV,
				     _("%s is not a file; pick the case database with --db PATH."),
				     path);
	if ((sb->st_mode & (S_IROTH | S_IWOTH)) && sb->st_uid == geteuid())
		return ipw_error_set(
		    err, IPW_EENV,
		    _("The case database %s can be read or changed by every user of "
		      "this computer, so ipwiz will not use it. Make it private with "
		      "`chmod 600 %s` (or `chmod 660 %s` for a team's group) and try "
		      "again."),
		    path, path, path);
	if (sb->st_mode & (S_IROTH | S_IWOTH)) {
		/* Only the file's owner may chmod it: a team member is told whom to
		 * ask and the one command, which keeps the group's access. */
		unsigned fixed = sb->st_mode & S_IRWXG ? 0660 : 0600;
		char *owner = store_user_name(sb->st_uid);
		char *me = store_my_name();
		int r = ipw_error_set(
		    err, IPW_EENV,
		    _("The case database %s can be read or changed by every user of "
		      "this computer, so ipwiz will not use it. It belongs to %s, not to "
		      "you (%s), so only %s can make it private: ask %s to run `chmod %o "
		      "%s`, then try again."),
		    path, owner, me, owner, owner, fixed, path);
		free(owner);
		free(me);
		return r;
	}
	if (access(path, R_OK) != 0 && errno == EACCES)
		return store_no_access(path, err);
	return IPW_OK;
}

/* A team's database (0660): SQLite makes the WAL and shared-memory files
 * beside it with the database's mode, but through open(), which the umask
 * cuts (0640 under the usual 022), and widens them with fchmod only after.
 * A member whose wizard opens the case in that moment gets the shared
 * memory read-only, and with it a database that saves nothing ("read-only
 * here"; two people opening a case at once). So the group's read and write
 * bits are left out of the umask once a team's database is opened. Every
 * other file ipwiz makes has an explicit mode (0600, 0700). */
static void team_umask(const struct stat *sb)
{
	if (!(sb->st_mode & S_IRWXG))
		return;
	mode_t m = umask(0);
	umask(m & ~(mode_t)(S_IRGRP | S_IWGRP));
}

static int locate(const char *path, unsigned flags, struct ipw_error *err)
{
	struct stat sb;
	/* SQLite opens with O_NOFOLLOW, so that nobody can point a shared
	 * database somewhere else; say so before it fails obscurely. */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
		return ipw_error_set(err, IPW_EENV,
				     _("%s is a symbolic link; ipwiz opens the case database only "
				       "by its real name. Use --db with the file the link points "
				       "to."),
				     path);
	if (stat(path, &sb) == 0) {
		int r = check_file(path, &sb, err);
		if (r == IPW_OK)
			r = store_check_folder(path, err);
		if (r == IPW_OK)
			r = store_check_beside(path, &sb, err);
		if (r == IPW_OK)
			team_umask(&sb);
		return r;
	}
	int e = errno;
	if (e == EACCES)
		return store_no_access(path, err);
	char *def = store_default_path();
	bool deflt = def && strcmp(def, path) == 0;
	free(def);
	if (e != ENOENT) {
		char *what =
		    xasprintf(_("Cannot open the case database %s: %s."), path, strerror(e));
		int r = place_error(what, path, deflt, err);
		free(what);
		return r;
	}
	if (!(flags & STORE_CREATE) || (flags & STORE_READONLY))
		return ipw_error_set(err, IPW_EENV,
				     _("There is no case database at %s; start a case with `ipwiz "
				       "new FLOW`, or pick another with --db PATH."),
				     path);
	int r = make_parent(path, deflt, err);
	if (r == IPW_OK)
		r = store_check_folder(path, err);
	return r == IPW_OK ? create_file(path, err) : r;
}

static void find_actor(struct store *st)
{
	struct passwd *pw = getpwuid(geteuid());
	st->actor =
	    pw && pw->pw_name ? xstrdup(pw->pw_name) : xasprintf("uid%lld", (long long)geteuid());
	/* "203.0.113.7 52044 22": the first word is the client. */
	const char *ssh = getenv("SSH_CLIENT");
	if (!ssh || !*ssh)
		ssh = getenv("SSH_CONNECTION");
	if (ssh && *ssh) {
		size_t n = strcspn(ssh, " ");
		if (n)
			st->address = xstrndup(ssh, n);
	}
}

/* ipwiz has one thread, and each connection is used by one store: SQLite's
 * locks around every call and its memory statistics only cost time (an
 * eighth of `ipwiz list` on 10,000 cases). The configuration must come
 * before SQLite starts; when something started it already, it is refused
 * and the defaults stay, which are merely slower. */
static void configure_sqlite(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* A database is a file, checked for its owner and mode before SQLite
	 * opens it: never a URI whose options (mode=memory, nolock, vfs=...)
	 * would change what is opened or skip those checks. */
	sqlite3_config(SQLITE_CONFIG_URI, 0);
}

static int connect_db(struct store *st, struct ipw_error *err)
{
	configure_sqlite();
	int mode = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	int rc = sqlite3_open_v2(st->real_path, &st->db,
				 mode | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, err);
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, st->busy_ms);
	return store_exec(st, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL", err);
}

/* SQLite gives ":memory:" (and, when URIs are on, "file:...") a meaning of
 * its own: a case "created" there would be lost at exit, while the file of
 * that literal name stays empty. Such names are refused, never opened. */
static int path_only(const char *path, struct ipw_error *err)
{
	if (strcmp(path, ":memory:") != 0 && strncmp(path, "file:", 5) != 0)
		return IPW_OK;
	char *safe = utf8_sanitize(path);
	int r = ipw_error_set(err, IPW_EUSAGE,
			      _("“%s” is not the name of a database file: --db and IPWIZ_DB take "
				"a path such as ~/cases.db (write ./%s for a file really named "
				"so)."),
			      safe, safe);
	free(safe);
	return r;
}

/* How long a locked database is waited for. IPWIZ_BUSY_SECONDS exists for
 * tests that hold a lock on purpose (they would otherwise wait out the
 * default) and for a crowded shared host; anything not a whole number of
 * seconds from 1 to 600 is the default. */
static int store_busy_ms(void)
{
	const char *v = getenv("IPWIZ_BUSY_SECONDS");
	if (v && *v) {
		char *end;
		errno = 0;
		long n = strtol(v, &end, 10);
		if (!errno && !*end && n >= 1 && n <= 600)
			return (int)n * 1000;
	}
	return STORE_BUSY_MS;
}

int store_open(const char *path, unsigned flags, struct store **out, struct ipw_error *err)
{
	*out = NULL;
	int r = path_only(path, err);
	if (r != IPW_OK)
		return r;
	r = locate(path, flags, err);
	if (r != IPW_OK)
		return r;
	/* The folders resolved, the file itself not: SQLite would refuse a
	 * link anywhere on the way (see store_place.c). */
	char *real = store_real_path(path);
	if (!real)
		return ipw_error_set(err, IPW_EENV, _("Cannot open the case database %s: %s."),
				     path, strerror(errno));
	struct store *st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	st->real_path = real;
	st->readonly = flags & STORE_READONLY;
	st->busy_ms = store_busy_ms();
	find_actor(st);
	if ((r = connect_db(st, err)) == IPW_OK && (r = store_schema_prepare(st, err)) == IPW_OK)
		store_changed(st);
	if (r != IPW_OK) {
		store_close(st);
		return r;
	}
	*out = st;
	return IPW_OK;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_read_end(st);
	store_cache_clear(st);
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st->real_path);
	free(st->actor);
	free(st->address);
	free(st);
}

const char *store_path(const struct store *st)
{
	return st->path;
}

const char *store_actor(const struct store *st)
{
	return st->actor;
}

const char *store_actor_address(const struct store *st)
{
	return st->address;
}

void store_set_busy_timeout(struct store *st, int ms)
{
	st->busy_ms = ms;
	sqlite3_busy_timeout(st->db, ms);
}

bool store_changed(struct store *st)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, "PRAGMA data_version", -1, &s, NULL) != SQLITE_OK)
		return false;
	bool changed = false;
	if (sqlite3_step(s) == SQLITE_ROW) {
		int64_t v = sqlite3_column_int64(s, 0);
		changed = v != st->data_version;
		st->data_version = v;
	}
	sqlite3_finalize(s);
	return changed;
}
