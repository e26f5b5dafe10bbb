/* view.h - the TUI's shared state and the small table of operations each pane
 * provides (draw, handle an action). Handlers return what changed; the loop in
 * tui.c decides what to redraw. */
#ifndef CLIMB_VIEW_H
#define CLIMB_VIEW_H

#include "climb/app.h"
#include "climb/keymap.h"
#include "climb/ops.h"

#include <curses.h>

typedef enum { PANE_LADDER, PANE_PHASE, PANE_CHECKLIST, PANE_COUNT } pane_id;

/* What a handler changed: bits telling the loop what to repaint. */
enum {
    DIRTY_NONE = 0,
    DIRTY_LADDER = 1 << PANE_LADDER,
    DIRTY_PHASE = 1 << PANE_PHASE,
    DIRTY_CHECKLIST = 1 << PANE_CHECKLIST,
    DIRTY_BARS = 1 << 3,       /* title bar and key line */
    DIRTY_LAYOUT = 1 << 4,     /* sizes changed: lay out and repaint all */
    DIRTY_PANES = DIRTY_LADDER | DIRTY_PHASE | DIRTY_CHECKLIST,
    DIRTY_ALL = DIRTY_PANES | DIRTY_BARS,
    NOT_HANDLED = 1 << 8,
};

typedef struct tui tui;

/* One key of a view's own key table: the typed character (key) or function key
 * (fkey, a KEY_* code) that runs the view's command `cmd` (> 0), the key's name
 * as help shows it, and what it does (NULL: another key for the command of the
 * row above). A row with neither key nor fkey says the view takes typed text
 * (so '?' is text there, and F1 opens help). A table ends with a row whose name
 * is NULL. The view dispatches its keys through the table and help lists it, so
 * the two cannot drift. */
typedef struct {
    int key;
    int fkey;
    int cmd;
    const char *name;
    const char *help;
} view_key;

/* The command a key runs in a table, or 0. */
int view_key_cmd(const view_key *table, int key, int is_char);
/* 1 when the table has the "takes typed text" row. */
int view_keys_take_text(const view_key *table);

/* A full-screen or floating view over the panes (help, quiz, history, ...). It
 * gets every key first: the raw key, whether it is a typed character, and the
 * action the main key table binds to it. draw paints with wnoutrefresh only.
 * handle returns DIRTY_* bits; a view leaves by calling tui_pop_view. keys gives
 * the view's key table for its current mode: F1, and '?' unless the table binds
 * it or takes text, open help listing that table. */
typedef struct {
    const char *name;
    void (*draw)(tui *t, void *state);
    int (*handle)(tui *t, void *state, int key, int is_char, action a);
    void (*close)(void *state); /* frees state; may be NULL */
    const view_key *(*keys)(void *state);
} view_ops;

enum { VIEW_STACK = 4 };

typedef struct {
    const char *name;
    void (*draw)(tui *t, WINDOW *w, int focused);
    int (*handle)(tui *t, action a); /* returns DIRTY_* bits or NOT_HANDLED */
    /* A left click at (y, x) inside the pane's window (window coordinates). */
    int (*click)(tui *t, WINDOW *w, int y, int x);
} pane_ops;

struct tui {
    app *app;
    climb_model *model;
    const climb_ladder *ladder;
    WINDOW *win[PANE_COUNT];
    WINDOW *title_bar, *key_bar, *message_bar;
    int rows, cols;
    int too_small;
    int focus;           /* pane_id */
    int level_cursor;    /* Ladder pane: selected level index */
    int phase;           /* selected phase index */
    int crit_cursor;     /* Checklist pane: selected criterion */
    int phase_scroll;    /* first visible line of the Phase pane's tab */
    int phase_tab;       /* Phase pane: 0 the table, 1 the explanation; kept while climb runs */
    int check_scroll;    /* first visible line of the Checklist */
    const view_ops *views[VIEW_STACK]; /* open views, innermost last */
    void *view_state[VIEW_STACK];
    int n_views;
    char message[512];   /* shown on the row above the key line until the next key
                          * or MESSAGE_SECONDS, whichever comes first */
    int message_is_error;
    unsigned message_seq; /* moves with every message, so the loop tells a new one */
    long long message_ms; /* when it was set (monotonic milliseconds) */
    int show_notes;      /* Checklist: every note in full (N), else one line per row */
    int phase_rows;      /* rows the layout gave the Phase pane */
    int quit;
};

extern const pane_ops ladder_pane, phase_pane, checklist_pane;

/* Selects phase p (an index), keeping the Ladder cursor in step. */
void tui_select_phase(tui *t, int p);
/* Sets the message shown above the key line until the next key or a few
 * seconds pass (printf-style). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void tui_message(tui *t, int is_error, const char *fmt, ...);

/* Opens a view over the panes (state is owned by the view from here on).
 * Returns 0, or -1 when too many are open (then close(state) was called). */
int tui_push_view(tui *t, const view_ops *ops, void *state);
/* Closes the innermost view. */
void tui_pop_view(tui *t);

/* The help overlay (tui_help.c). */
extern const view_ops help_view;
/* Opens help, listing the keys of the main key table. */
void help_open(tui *t);
/* Opens help listing a view's key table (titled with the view's name). */
void help_open_view(tui *t, const char *view_name, const view_key *table);

#endif
