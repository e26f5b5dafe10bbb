/* view_checkin.h - the check-in in the TUI: offered at launch when one is due,
 * or started with C. It walks the criteria of the phase being worked on, one
 * screen each (1 2 3 set the state, n writes the evidence note, Enter next,
 * Backspace back, Esc leaves), then shows a one-screen summary and records the
 * check-in as its event. State and note changes are saved as they are made. */
#ifndef CLIMB_VIEW_CHECKIN_H
#define CLIMB_VIEW_CHECKIN_H

#include "climb/view.h"

extern const view_ops checkin_view;

/* Starts a check-in at its first criterion (C). */
void checkin_view_open(tui *t);
/* At launch: opens the offer screen when a check-in is due, else does nothing. */
void checkin_view_offer(tui *t);

/* The title bar's words about the cadence ("check-in due", "next check-in in 3
 * days", "" without a cadence), read from what checkin_view_refresh last read. */
const char *checkin_view_bar(void);
/* Reads the facts again when the model moved or a minute passed (the loop calls
 * it after every key and idle second; painting then reads memory only). Returns
 * DIRTY_BARS when the words changed. */
int checkin_view_refresh(tui *t);

/* The view's key tables, NULL-ended (for tests: each dispatches and lists keys). */
extern const view_key *const checkin_key_tables[];

#endif
