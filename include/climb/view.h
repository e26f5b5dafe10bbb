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
    DIRTY_UNDER_MESSAGE = 1 << 5, /* the message went: show again the row it covered */
    DIRTY_PANES = DIRTY_LADDER | DIRTY_PHASE | DIRTY_CHECKLIST,
    DIRTY_ALL = DIRTY_PANES | DIRTY_BARS,
    /* A criterion's state changed: its row, the Ladder's marks and the title
     * bar's counts (the Phase pane shows the ladder's text only). */
    DIRTY_STATE = DIRTY_LADDER | DIRTY_CHECKLIST | DIRTY_BARS,
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

/* The commands of the key grammar (docs/keys.md): keys that mean the same in
 * every view are bound to these, so a test over the tables can check the
 * meaning of q, Esc, the arrows, j/k, PgUp/PgDn, Home/g and End/G everywhere.
 * A view's own commands stay below DOC_CMD_FIRST (100); the line editor's are
 * LINE_CMD_* (200 up); these are 300 up. */
enum {
    VIEW_CMD_FIRST_ID = 300,
    VIEW_CMD_CLOSE = VIEW_CMD_FIRST_ID, /* q, Esc (and the key that opened the view) */
    VIEW_CMD_UP,        /* Up k */
    VIEW_CMD_DOWN,      /* Down j */
    VIEW_CMD_PAGE_UP,   /* PgUp */
    VIEW_CMD_PAGE_DOWN, /* PgDn */
    VIEW_CMD_FIRST,     /* Home g */
    VIEW_CMD_LAST,      /* End G */
    VIEW_CMD_REDRAW,    /* Ctrl-L; the loop runs it for every view */
};

/* The grammar's rows of a screen that scrolls as a whole (no cursor): a view
 * puts them after its own rows. */
#define VIEW_SCROLL_KEY_ROWS                                                                 \
    {'k', KEY_UP, VIEW_CMD_UP, "Up k", "scroll up"},                                         \
    {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "scroll down"},                                 \
    {0, KEY_PPAGE, VIEW_CMD_PAGE_UP, "PgUp", "scroll up a page"},                            \
    {0, KEY_NPAGE, VIEW_CMD_PAGE_DOWN, "PgDn", "scroll down a page"},                        \
    {'g', KEY_HOME, VIEW_CMD_FIRST, "Home g", "go to the top"},                              \
    {'G', KEY_END, VIEW_CMD_LAST, "End G", "go to the end"}

/* The command a key runs in a table, or 0. */
int view_key_cmd(const view_key *table, int key, int is_char);
/* 1 when the table has the "takes typed text" row. */
int view_keys_take_text(const view_key *table);

/* One item of a view's footer: the keys of command cmd (and cmd2, "Up/Down"),
 * named as the table names them, then a word; cmd 0 shows the word alone. A list
 * ends with word NULL. */
typedef struct {
    int cmd, cmd2;
    const char *word;
} view_hint_item;

/* The footer of a view in one format for all: "Up/Down move  Esc close  ? help"
 * from its key table (the keys) and its items (the words), ending with "? help",
 * or "F1 help" when the table takes typed text (nothing when the table binds ?
 * itself, as help's own does). Items are left out from the end,
 * except the ones that close, until it fits `width` columns. */
void view_hint(const view_key *table, const view_hint_item *items, int width, char *buf,
               size_t len);

/* One row of help: the keys of one command joined ("Esc q F") and what they do. */
typedef struct {
    char keys[64];
    const char *help;
} view_help_row;

/* The rows help lists for a table: rows sharing a command joined, a row whose
 * keys an earlier row already binds left out, then the keys the loop gives every
 * view when the table leaves them free (F1 or ? for help, Ctrl-L redraw).
 * Returns how many rows were written (at most max). */
size_t view_help_rows(const view_key *table, view_help_row *rows, size_t max);

/* Every view's key tables by name, one table per mode, for climb keys, the
 * help test and docs/keys.md. Ends with name NULL. */
typedef struct {
    const char *name;                  /* "export" */
    const view_key *const *tables;     /* NULL-terminated, one per mode */
    const char *const *modes;          /* the name of each mode (at least one a table),
                                          NULL for a single one */
} view_key_set;
extern const view_key_set view_key_sets[];

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
/* The phase (an index) a profile opens on: the config's start-phase, else the one
 * last viewed with the profile, else the quiz placement's, else the first. */
int tui_opening_phase(tui *t);
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

/* The help overlay (tui_help.c), and its own keys (? and F1 close it). */
extern const view_ops help_view;
extern const view_key *const help_key_tables[];
/* Opens help, listing the keys of the main key table. */
void help_open(tui *t);
/* Opens help listing a view's key table (titled with the view's name). */
void help_open_view(tui *t, const char *view_name, const view_key *table);

#endif
