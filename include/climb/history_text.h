/* history_text.h - an event of the log in words: what happened ("ticked",
 * "unticked", "note", "quiz", "title", "undo", ...) and what it was about, with the
 * item's text from the ladder. Shared by `climb history` and the history view.
 * The result may hold user text: print it made visible (text_visible, draw_text). */
#ifndef CLIMB_HISTORY_TEXT_H
#define CLIMB_HISTORY_TEXT_H

#include "climb/content.h"
#include "climb/history.h"

#include <stddef.h>

/* A short word for what happened, at most 12 columns. */
void history_text_what(const hist_event *e, char *buf, size_t len);
/* What it was about: the criterion's text, the level's name, the placement. */
void history_text_about(const climb_ladder *l, const hist_event *e, char *buf, size_t len);

#endif
