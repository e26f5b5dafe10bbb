/* ladder_text.h - the ladder's numbers as people read them: tenure ("2-4 years"),
 * pay ("$120K-$155K", "$200K-$320K+"), and what progress reaches ("operating at
 * Staff"). Shared by the TUI, the CLI and exports. */
#ifndef CLIMB_LADDER_TEXT_H
#define CLIMB_LADDER_TEXT_H

#include "climb/content.h"
#include <stddef.h>

/* "0-2 y" when short, "0-2 years" otherwise; "10+ y" / "10+ years" when open. */
void ladder_tenure(const climb_level *l, int short_form, char *buf, size_t len);
void ladder_pay(const climb_level *l, char *buf, size_t len);
/* What the ticks reach, as people read it: "Staff", or "operating at Staff" when
 * `operating` (model_progress_operating); "?" for an unknown level index. */
void ladder_progress(const climb_ladder *l, int level, int operating, char *buf, size_t len);
/* What meeting phase ph leads to: "Senior to Staff", or "Operating at Staff" for
 * an operating phase. */
void ladder_phase_step(const climb_ladder *l, const climb_phase *ph, char *buf, size_t len);

#endif
