# SPDX-License-Identifier: GPL-3.0-or-later
# install area: what `make install` puts where, and the checks of the
# installed program.

# The installed program, not the build tree's: run after `make install`
# with the same prefix (distcheck does both). Under DESTDIR the program
# cannot find its catalogues and flows, which it looks for in its prefix.
installcheck-local:
	@if [ -n "$(DESTDIR)" ]; then \
	  echo "installcheck runs the installed program: install with --prefix, not DESTDIR" >&2; \
	  exit 1; \
	fi
	IPWIZ_INSTALLED="$(bindir)/ipwiz$(EXEEXT)" IPWIZ_SRCDIR="$(abs_top_srcdir)" \
	  IPWIZ_BUILDDIR="$(abs_top_builddir)" \
	  $(SHELL) $(srcdir)/tests/install/installed_speaks_each_language.sh
EXTRA_DIST += tests/install

# The flow language, for whoever writes a flow of their own; the man page
# points here ($(docdir)/flow-format.md).
dist_doc_DATA = doc/flow-format.md

# The man page is checked as groff sees it and against the program.
TESTS += tests/cli/man_page_documents_everything.sh

# The flow language's examples lint clean, and the make targets it names exist.
TESTS += tests/cli/flow_format_examples_lint.sh

# The bash completion: commands, options, flows, cases and fields.
bashcompletiondir = $(BASH_COMPLETION_DIR)
dist_bashcompletion_DATA = data/completion/ipwiz
TESTS += tests/cli/bash_completion_completes.sh
# distcheck installs as a user into a scratch prefix: keep the completion
# inside it, whatever bash-completion on the host says.
AM_DISTCHECK_CONFIGURE_FLAGS = --with-bash-completion-dir='$${datadir}/bash-completion/completions'

# Every source file names its licence (mk/spdx.sh adds the line).
TESTS += tests/cli/every_source_names_its_licence.sh
EXTRA_DIST += mk/spdx.sh

# How the Debian package is built and checked (debian/ is not distributed:
# the package is built from the tree, not from the tarball).
EXTRA_DIST += doc/packaging.md
