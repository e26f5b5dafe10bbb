/* view_export.h - the Export view (e): pick a format (Markdown, JSON, CSV), see
 * and edit the file name, confirm before replacing a file, then see the path that
 * was written. */
#ifndef CLIMB_VIEW_EXPORT_H
#define CLIMB_VIEW_EXPORT_H

#include "climb/view.h"

void export_view_open(tui *t);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const export_key_tables[];

#endif
