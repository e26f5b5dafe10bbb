/* checkin.h - what a check-in cadence means, with no SQL and no terminal: parsing
 * and wording a cadence ("2w"), deciding whether a check-in is due from the facts
 * the operations layer reads, and the one line `climb due` prints. */
#ifndef CLIMB_CHECKIN_H
#define CLIMB_CHECKIN_H

#include <stddef.h>

enum { CHECKIN_MAX_DAYS = 365 };

/* What decides whether a check-in is due. */
typedef struct {
    int cadence_days;      /* 0: no cadence, never due */
    long long last_update; /* newest state, note or checkin event, else the profile's creation */
    int stale;             /* criteria whose evidence is older than the stale period */
} checkin_facts;

/* "none" or "off" (0), "N" or "Nd" days, "Nw" weeks, "Nm" months of 30 days;
 * 1 to CHECKIN_MAX_DAYS days. 0 and *days, or -1. */
int checkin_parse_cadence(const char *s, int *days);
/* "every 2 weeks", "every 10 days", "none". */
void checkin_describe_cadence(int days, char *buf, size_t len);
/* Whole days from `at` to `now` (0 when at is in the future). */
int checkin_days_since(long long at, long long now);
/* 1 when a cadence is set and at least that many days passed since the last update. */
int checkin_is_due(const checkin_facts *f, long long now);
/* "check-in due: last update 17 days ago; 2 criteria with stale evidence". */
void checkin_due_sentence(const checkin_facts *f, long long now, char *buf, size_t len);

#endif
