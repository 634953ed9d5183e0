# SPDX-License-Identifier: GPL-3.0-or-later
# src/calendar: working-day calendars
libipwiz_a_SOURCES += \
	%reldir%/calendar.c %reldir%/calendar.h %reldir%/calendar_cache.c \
	%reldir%/calendar_internal.h %reldir%/calendar_yaml.c
