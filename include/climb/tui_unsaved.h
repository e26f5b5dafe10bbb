/* tui_unsaved.h - keeping the text of an editor still open when climb has to stop
 * without asking (a signal, the terminal gone), in a file beside the database. */
#ifndef CLIMB_TUI_UNSAVED_H
#define CLIMB_TUI_UNSAVED_H

#include "climb/view.h"

#include <stddef.h>

/* Writes the changed text of every open built-in editor to
 * DB.unsaved-STAMP.txt; said gets the sentence for the person (the file's name,
 * or why it could not be written). Returns the number kept, 0 when nothing was
 * unsaved, -1 on failure. */
int tui_keep_unsaved(tui *t, char *said, size_t len);
/* How many such files lie beside db_path; the first one's name in first. */
int tui_unsaved_earlier(const char *db_path, char *first, size_t len);

#endif
