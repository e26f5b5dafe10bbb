/* doc_view.h - a scrollable reading view shared by the reference views
 * (roadblocks, resources, FAQ): an optional introduction, then items, each a
 * heading with an optional dim line and paragraphs; a cursor selects one item and
 * the view scrolls to keep it in sight. Drawn over the panes in a boxed window. */
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
 * `hint` (the view's keys) on its last row. */
void doc_draw(tui *t, doc *d, const char *title, const char *hint);
/* Applies a moving action (up, down, page, home, end). Returns 1 when it was
 * one, else 0. */
int doc_move(doc *d, action a);

#endif
