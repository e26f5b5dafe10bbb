/* config.h - the config file, $XDG_CONFIG_HOME/climb/config (else
 * ~/.config/climb/config), in the line format of tig and mutt:
 *
 *   # a comment
 *   set theme = dark            theme, start-phase, stale-months, editor
 *   bind main J down            a key of the main view to an action (or none)
 *   color heading blue default bold
 *
 * config_parse fills a climb_config, remembering the line each value came from;
 * a line with an error is reported as FILE:LINE:COL and leaves the defaults for
 * that line. Applying it is the front ends' part: main.c binds the keys, draw.c
 * reads the theme and colours, tui.c the start phase, the editor view the editor,
 * app.c the stale period of a new profile. */
#ifndef CLIMB_CONFIG_H
#define CLIMB_CONFIG_H

#include "climb/draw.h"
#include "climb/keymap.h"

#include <stddef.h>
#include <stdio.h>

typedef enum { THEME_DEFAULT, THEME_LIGHT, THEME_DARK, THEME_MONO, THEME_COUNT } config_theme;

enum { CONFIG_MAX_BINDS = 64, CONFIG_NO_COLOR = -2 };

/* Attributes of a colour line, as bits independent of curses. */
enum { CFG_BOLD = 1, CFG_UNDERLINE = 2, CFG_REVERSE = 4, CFG_DIM = 8, CFG_STANDOUT = 16 };

typedef struct {
    short fg, bg;    /* -1 the terminal's default, 0-255 a colour */
    int attrs;       /* CFG_* bits */
    int line;        /* where it was set; 0: not set */
} config_color;

typedef struct {
    int code, is_char;
    char key_name[24];
    action act;      /* ACT_NONE unbinds the key */
    int line;
} config_bind;

typedef struct climb_config {
    char path[4096];         /* the file read, "" when none */
    config_theme theme;      int theme_line;
    int start_phase;         int start_phase_line;  /* phase number; 0: the first */
    int stale_months;        int stale_months_line; /* for new profiles; 0: climb's 12 */
    char editor[512];        int editor_line;       /* "": $VISUAL, else $EDITOR */
    config_color colors[ST_COUNT];
    config_bind binds[CONFIG_MAX_BINDS];
    size_t n_binds;
} climb_config;

void config_defaults(climb_config *c);
/* Where the file is: $XDG_CONFIG_HOME/climb/config, else ~/.config/climb/config.
 * 0, or -1 when neither HOME nor XDG_CONFIG_HOME is set. */
int config_default_path(char *buf, size_t len);
/* Parses text (name is used in messages), writing "NAME:LINE:COL: message" lines
 * to errors. Returns the number of lines with an error. */
int config_parse(climb_config *c, const char *name, const char *text, FILE *errors);
/* Reads and parses the file at path; a missing file is no error (returns 0 and
 * leaves the defaults). -1, saying why to errors, when it exists but cannot be
 * read or is larger than 1 MiB (none of it is used then). */
int config_load(climb_config *c, const char *path, FILE *errors);

const char *config_theme_name(config_theme t);
const char *config_area_name(style s);
/* The name of a colour number ("default", "red", "color123") into buf. */
void config_color_name(short color, char *buf, size_t len);

/* The look a theme gives an area, as a colour line would write it (draw.c). */
void draw_theme_color(int theme, style s, config_color *out);

#endif
