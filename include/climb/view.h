/* view.h - the TUI's shared state and the small table of operations each pane
 * provides (draw, handle an action). Handlers return what changed; the loop in
 * tui.c decides what to redraw. */
#ifndef CLIMB_VIEW_H
#define CLIMB_VIEW_H

#include "climb/app.h"
#include "climb/keymap.h"

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

/* A full-screen or floating view over the panes (help, quiz, history, ...). It
 * gets every key first: the raw key, whether it is a typed character, and the
 * action the main key table binds to it. draw paints with wnoutrefresh only.
 * handle returns DIRTY_* bits; a view leaves by calling tui_pop_view. */
typedef struct {
    const char *name;
    void (*draw)(tui *t, void *state);
    int (*handle)(tui *t, void *state, int key, int is_char, action a);
    void (*close)(void *state); /* frees state; may be NULL */
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
    WINDOW *title_bar, *key_bar;
    int rows, cols;
    int too_small;
    int focus;           /* pane_id */
    int level_cursor;    /* Ladder pane: selected level index */
    int phase;           /* selected phase index */
    int crit_cursor;     /* Checklist pane: selected criterion */
    int phase_scroll;    /* first visible line of the Phase pane's table */
    int check_scroll;    /* first visible line of the Checklist */
    const view_ops *views[VIEW_STACK]; /* open views, innermost last */
    void *view_state[VIEW_STACK];
    int n_views;
    char message[512];   /* shown once in the key line, then cleared */
    int message_is_error;
    int quit;
};

extern const pane_ops ladder_pane, phase_pane, checklist_pane;

/* Selects phase p (an index), keeping the Ladder cursor in step. */
void tui_select_phase(tui *t, int p);
/* Sets the one-shot message of the key line (printf-style). */
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

#endif
