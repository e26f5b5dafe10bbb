/* view_evidence.h - the evidence of the selected criterion (E): its note and
 * dated entries with their links; add, edit, date, link, remove, open a link;
 * and the evidence check (c): how strong the case for the next level is. */
#ifndef CLIMB_VIEW_EVIDENCE_H
#define CLIMB_VIEW_EVIDENCE_H

#include "climb/view.h"

void evidence_view_open(tui *t);
void evidence_check_view_open(tui *t);

extern const view_key *const evidence_key_tables[];
extern const view_key *const evidence_check_key_tables[];

#endif
