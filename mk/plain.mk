# plain area: the line-mode front end (no curses in these files)
libipwizui_a_SOURCES += \
	ui/plain.c ui/plain.h ui/plain_internal.h \
	ui/plain_io.c ui/plain_save.c ui/plain_value.c ui/plain_field.c \
	ui/plain_nav.c ui/plain_list.c ui/plain_evidence.c ui/plain_declare.c \
	ui/plain_review.c ui/plain_home.c
