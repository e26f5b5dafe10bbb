/* view_history_summary.h - the sentences under the history chart: time in the
 * phase worked on against the ladder's typical span, the title and the pace
 * towards the target, and the phase's forecast. */
#ifndef CLIMB_VIEW_HISTORY_SUMMARY_H
#define CLIMB_VIEW_HISTORY_SUMMARY_H

#include "climb/view.h"

enum { HISTORY_SUMMARY_LINES = 3, HISTORY_SUMMARY_LEN = 768 };

/* Writes the sentences ("" for one that does not apply); ids are every
 * criterion's id, phase by phase. */
void history_summary(tui *t, const char *const *ids,
                     char out[HISTORY_SUMMARY_LINES][HISTORY_SUMMARY_LEN]);

#endif
