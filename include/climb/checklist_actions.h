/* checklist_actions.h - what the Checklist pane's keys do to the selected
 * criterion: tick/untick (asking first when evidence would be hidden), in
 * progress, not applicable with a reason, and editing the evidence note. Each
 * change is one model call, so one transaction with its event. */
#ifndef CLIMB_CHECKLIST_ACTIONS_H
#define CLIMB_CHECKLIST_ACTIONS_H

#include "climb/view.h"

int checklist_toggle(tui *t);
int checklist_doing(tui *t);
int checklist_not_applicable(tui *t);
int checklist_note(tui *t);
/* Asks after how many months evidence counts as stale (the profile's setting). */
int checklist_stale_period(tui *t);

#endif
