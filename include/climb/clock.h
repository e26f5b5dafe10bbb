/* clock.h - the one place climb reads the time. CLIMB_NOW (ISO 8601, e.g.
 * 2026-03-14T09:30:00Z) replaces "now" everywhere, so tests are deterministic. */
#ifndef CLIMB_CLOCK_H
#define CLIMB_CLOCK_H

#include <stddef.h>
#include <time.h>

/* Seconds since the epoch: CLIMB_NOW when set and valid, else the real time. */
long long clock_now(void);
/* 0 when CLIMB_NOW is unset or valid; -1 when it is set but cannot be parsed, -2
 * when it is before 1970. */
int clock_check_env(void);

/* Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" with "Z" or "+HH:MM"/"-HH:MM"
 * (no zone means UTC). Returns 0 and stores epoch seconds, or -1. */
int clock_parse_iso(const char *s, long long *out);

/* "2026-11-28T10:00:00Z" (UTC), always in full (a time outside the years
 * 1970-9999 is clamped). buf needs 21 bytes. */
void clock_format_utc(long long t, char *buf, size_t len);
/* "2026-11-28" in local time. buf needs 11 bytes. */
void clock_format_local_date(long long t, char *buf, size_t len);
/* "2026-11-28 10:00" in local time. buf needs 17 bytes. */
void clock_format_local_minute(long long t, char *buf, size_t len);

#endif
