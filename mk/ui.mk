# ui: the ncurses front end
libipwizui_a_SOURCES += ui/ui.h
