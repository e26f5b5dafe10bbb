/* target_pace.h - whether the pace of the ticks so far reaches a target: all the
 * criteria that lead up to the target level met by the target date. Built on the
 * forecast; pure, reads the model only. */
#ifndef CLIMB_TARGET_PACE_H
#define CLIMB_TARGET_PACE_H

#include "climb/model.h"

#include <stddef.h>

typedef enum {
    PACE_NONE,      /* no target set */
    PACE_MET,       /* every criterion leading to the target is met */
    PACE_ON_TRACK,  /* the forecast lands on or before the target date */
    PACE_BEHIND,    /* it lands after: behind by `months` */
    PACE_UNKNOWN,   /* too few ticks to tell */
} pace_kind;

typedef struct {
    pace_kind kind;
    int remaining;        /* criteria still to meet for the target */
    long long forecast;   /* projected date they are all met (ON_TRACK, BEHIND) */
    int months;           /* BEHIND: about this many months late (rounded up) */
    char sentence[256];   /* "Target Senior by 2027-06-30: on track (...)." */
} target_pace;

void target_pace_compute(const climb_model *m, long long now, target_pace *out);
/* "none", "met", "on-track", "behind", "unknown" (for JSON). */
const char *target_pace_key(pace_kind k);

#endif
