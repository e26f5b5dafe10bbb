/* view_editor.h - editing a piece of text from the TUI: the person's $VISUAL or
 * $EDITOR on a private temporary file (started with an argument vector, no shell,
 * the screen restored after), else the built-in editor view (multi-line for notes,
 * one line for prompts such as the reason for n/a). The built-in editor wraps
 * the text by display width, and Esc with changed text asks "Save, discard, or
 * keep editing?" instead of dropping it. */
#ifndef CLIMB_VIEW_EDITOR_H
#define CLIMB_VIEW_EDITOR_H

#include "climb/view.h"

/* Called once with the edited text, or NULL when the person cancelled. */
typedef void (*editor_done_fn)(tui *t, void *ctx, const char *text);

typedef struct {
    const char *title;     /* shown in the box */
    const char *initial;   /* text to start from (may be NULL) */
    int multiline;         /* Enter inserts a line break; Ctrl-X saves */
    int external;          /* use $VISUAL/$EDITOR when set */
    size_t max;            /* longest text accepted, bytes */
    const char *baseline;  /* what Esc compares with before asking (NULL: initial) */
} editor_request;

/* The built-in editor's key tables (multi-line, one line), for tests. */
extern const view_key *const editor_key_tables[];

/* Starts editing; done(t, ctx, text) is called when it ends, then free_ctx(ctx)
 * (when not NULL). */
void editor_open(tui *t, const editor_request *req, editor_done_fn done, void *ctx,
                 void (*free_ctx)(void *));

/* The changed text of view i when it is the built-in editor (its title in
 * *title), else NULL: what would be lost if climb stopped now. */
const char *editor_unsaved(const tui *t, int i, const char **title);

#endif
