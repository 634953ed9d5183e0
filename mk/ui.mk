# ui: the ncurses front end
libipwizui_a_SOURCES += ui/ui.h ui/ui_internal.h \
	ui/app.c ui/terminal.c ui/keys.c ui/theme.c ui/draw.c \
	ui/layout.c ui/ui_layout.h ui/textfield.c ui/textfield.h \
	ui/form.c ui/widgets.c ui/widget_keys.c ui/evidence_row.c ui/pick.c \
	ui/help.c ui/step.c ui/review.c ui/home.c

# The editing state and layout are curses-free, so they are tested directly.
check_PROGRAMS += tests/unit/test_textfield
tests_unit_test_textfield_SOURCES = tests/unit/test_textfield.c ui/textfield.c ui/layout.c
tests_unit_test_textfield_CFLAGS = $(unit_cflags)
tests_unit_test_textfield_LDADD = $(unit_ldadd)
TESTS += tests/unit/test_textfield
