# src/template: document templates over the answers
libipwiz_a_SOURCES += \
	%reldir%/template.c %reldir%/template.h
