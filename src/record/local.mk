# SPDX-License-Identifier: GPL-3.0-or-later
# src/record: the rows a case is made of, as plain data
libipwiz_a_SOURCES += %reldir%/record.c %reldir%/record.h
