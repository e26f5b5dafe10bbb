/* forecast.h - when the current phase's criteria would all be met at the pace of
 * the ticks so far, and how much data that rests on. Pure arithmetic on dates: no
 * database, no terminal. */
#ifndef CLIMB_FORECAST_H
#define CLIMB_FORECAST_H

#include <stddef.h>

enum { FORECAST_MIN_TICKS = 2 };

typedef enum {
    FORECAST_DATE,      /* date holds the projection */
    FORECAST_ALL_MET,   /* nothing left to meet */
    FORECAST_TOO_FEW,   /* fewer than FORECAST_MIN_TICKS ticks: no projection */
} forecast_kind;

typedef struct {
    forecast_kind kind;
    long long date;      /* projected date all are met (FORECAST_DATE) */
    long long interval;  /* mean seconds per criterion at this pace */
    int ticks;           /* ticks the pace rests on */
    int remaining;       /* criteria still to meet */
    long long span;      /* seconds from the first tick to now */
    int rough;           /* 1 when the data is thin (few ticks or a short span) */
    char basis[160];     /* one plain sentence about the data it rests on */
} forecast;

/* ticks: when each of the phase's met criteria was ticked (any order); remaining:
 * criteria of the phase still to meet; now: the current time. The pace is the
 * ticks after the first per time since the first tick (at least one day), so a
 * long pause since the last tick slows the forecast down. */
void forecast_compute(const long long *ticks, size_t n, int remaining, long long now,
                      forecast *out);

/* A length of time as people say it: "1 y 2 mo", "5 mo", "3 wk", "4 d", "under a day". */
void forecast_span_text(long long seconds, char *buf, size_t len);

#endif
