# SPDX-License-Identifier: GPL-3.0-or-later
# core: shared utilities, the session, the catalog and the command dispatch


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

# Refresh the message template (the C sources and the shipped flows) and
# merge it into every catalogue: gettext's po/Makefile does it, with the
# flows' strings from po/Rules-flows, so there is one way to do it.
.PHONY: update-po
update-po: ipwiz
	cd po && $(MAKE) $(AM_MAKEFLAGS) update-po

check_PROGRAMS += tests/unit/test_presence
tests_unit_test_presence_SOURCES = tests/unit/test_presence.c tests/unit/store_fixture.h
tests_unit_test_presence_CFLAGS = $(unit_cflags)
tests_unit_test_presence_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_presence
