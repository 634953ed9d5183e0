# ui: the ncurses front end
libipwizui_a_SOURCES += ui/ui.h ui/ui_internal.h \
	ui/app.c ui/terminal.c ui/keys.c ui/theme.c ui/draw.c \
	ui/layout.c ui/ui_layout.h ui/textfield.c ui/textfield.h \
	ui/form.c ui/widgets.c ui/widget_keys.c ui/evidence_row.c ui/pick.c \
	ui/help.c ui/step.c ui/review.c ui/home.c
