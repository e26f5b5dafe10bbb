/* view_export.h - the Export view (e): pick a format (Markdown, JSON, CSV), see
 * and edit the file name, confirm before replacing a file, then see the path that
 * was written. */
#ifndef CLIMB_VIEW_EXPORT_H
#define CLIMB_VIEW_EXPORT_H

#include "climb/view.h"

void export_view_open(tui *t);

#endif
