/* doc_view.h - a scrollable reading view shared by the reference views
 * (roadblocks, resources, FAQ): an optional introduction, then items, each a
 * heading with an optional dim line and paragraphs; a cursor selects one item and
 * the view scrolls to keep it in sight. Drawn over the panes in a boxed window.
 * Its keys (moving, redraw, close) are view_key rows the views put in their own
 * tables (DOC_KEY_ROWS), with the view's own keys before them. */
#ifndef CLIMB_DOC_VIEW_H
#define CLIMB_DOC_VIEW_H

#include "climb/view.h"

enum { DOC_PARAS = 3 };

typedef struct {
    char *heading;           /* owned; drawn in the cursor style when selected */
    char *meta;              /* owned, may be NULL: a dim line under the heading */
    char *paras[DOC_PARAS];  /* owned, may be NULL: wrapped under the heading */
    int marked;              /* heading drawn in the mark style */
} doc_item;

typedef struct {
    char *intro;             /* owned, may be NULL */
    char *empty;             /* owned, may be NULL: shown when there are no items */
    doc_item *items;
    size_t n;
    int cursor;              /* selected item */
    int scroll;              /* first visible line */
    int follow;              /* scroll to the cursor at the next draw */
    int paged;               /* a page move: bring the cursor into sight */
    int page;                /* visible lines at the last draw */
} doc;

/* A newly allocated printf-formatted string, or NULL. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
char *doc_strf(const char *fmt, ...);

/* Appends an item, taking its strings (freed here when out of memory). Returns 0
 * or -1. */
int doc_add(doc *d, doc_item item);
/* Frees the items and texts, keeping the cursor and scroll. */
void doc_clear(doc *d);
/* Selects item i and scrolls to it at the next draw. */
void doc_select(doc *d, int i);

/* Draws the document in a window over the panes with `title` in its border and
 * the view's footer (view_hint of its table and items) on its last row. */
void doc_draw(tui *t, doc *d, const char *title, const view_key *table,
              const view_hint_item *hint);
/* A view's own commands stay below DOC_CMD_FIRST so that its table can hold
 * the reading rows, which run the grammar's VIEW_CMD_* commands. */
enum { DOC_CMD_FIRST = 100 };

/* The reading rows of a view_key table: moving, and closing with Esc, q or the
 * view's own key (the one that opened it: close_key named close_name); Ctrl-L
 * is the loop's. A view puts them after its own rows, then the end row. */
#define DOC_KEY_ROWS(close_key, close_name)                                                  \
    {'k', KEY_UP, VIEW_CMD_UP, "Up k", "select the item above"},                             \
    {'j', KEY_DOWN, VIEW_CMD_DOWN, "Down j", "select the item below"},                       \
    {0, KEY_PPAGE, VIEW_CMD_PAGE_UP, "PgUp", "scroll up a page"},                            \
    {0, KEY_NPAGE, VIEW_CMD_PAGE_DOWN, "PgDn", "scroll down a page"},                        \
    {'g', KEY_HOME, VIEW_CMD_FIRST, "Home g", "go to the first item"},                       \
    {'G', KEY_END, VIEW_CMD_LAST, "End G", "go to the last item"},                           \
    {27, 0, VIEW_CMD_CLOSE, "Esc", "close"},                                                 \
    {'q', 0, VIEW_CMD_CLOSE, "q", NULL},                                                     \
    {(close_key), 0, VIEW_CMD_CLOSE, (close_name), NULL}

/* The footer items every reading view shows after its own. */
#define DOC_HINT_ITEMS                                                                       \
    {VIEW_CMD_UP, VIEW_CMD_DOWN, "move"}, {VIEW_CMD_PAGE_UP, VIEW_CMD_PAGE_DOWN, "page"},    \
    {VIEW_CMD_CLOSE, 0, "close"}, {0, 0, NULL}

/* Runs a VIEW_CMD_* command of the view in front (moving, redraw, close: the
 * view is popped and its state freed). Returns DIRTY_* bits, or NOT_HANDLED for
 * any other command. */
int doc_command(tui *t, doc *d, int cmd);

#endif
