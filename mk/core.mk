# core: shared utilities, the session, the catalog and the command dispatch
libipwiz_a_SOURCES += \
	src/error.c src/error.h \
	src/xalloc.c src/xalloc.h \
	src/strbuf.c src/strbuf.h \
	src/utf8.c src/utf8.h \
	src/catalog.c src/catalog.h \
	src/session.c src/session.h \
	src/i18n.c src/i18n.h \
	src/cli.c src/cli.h \
	src/cli_case.c \
	src/cli_answers.c

noinst_HEADERS = src/flow.h src/expr.h src/store.h src/evidence.h
