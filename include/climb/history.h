/* history.h - the event log's vocabulary: events as read back, filters, keyset
 * positions, periods and chart buckets, and the dates the front ends accept. The
 * queries are in store_history.h, reached through ops.h. No SQL, no terminal.
 *
 * Periods are in local time. A week starts on Monday 00:00 local time (not ISO week
 * numbers: a week that spans New Year is one week, named by its Monday's date); a
 * month starts on the 1st at 00:00 local time. DST changes shift nothing: periods
 * are built with mktime from calendar fields. */
#ifndef CLIMB_HISTORY_H
#define CLIMB_HISTORY_H

#include <stddef.h>

typedef struct {
    long long id;        /* events.id: with `at`, the keyset position */
    long long at;        /* UTC seconds */
    char uuid[37];
    char kind[16];
    char *item, *value, *previous, *detail;    /* NULL when NULL in the table */
    /* For an 'undo' event: the event it undid (NULL when unknown). */
    char *undone_kind, *undone_value, *undone_previous;
} hist_event;

void history_event_free(hist_event *e);
/* A copy of src that owns its own strings; -1 (dst empty) when out of memory. */
int history_event_copy(hist_event *dst, const hist_event *src);

/* Which events a page or a stream shows. */
typedef struct {
    const char *kind;            /* only this kind; NULL for every kind */
    const char *const *items;    /* only events about these ids (a phase's criteria) */
    size_t n_items;              /* items is used only when items != NULL */
    long long since;             /* at >= since */
    long long until;             /* at < until */
} hist_filter;

/* Every event: no kind, no items, the whole time range. */
void history_filter_init(hist_filter *f);
/* 1 when kind is one the events table holds (see event_kinds.h). */
int history_kind_known(const char *kind);

/* A position in the timeline (events sort by at, then id). */
typedef struct {
    long long at, id;
} hist_key;

/* The position before every event (newest first starts here). */
hist_key history_key_newest(void);
/* The position just after the last moment of t: pages from it show events at or
 * before t. */
hist_key history_key_at(long long t);

/* Called for each event of a stream, newest first; returns 0 to go on. */
typedef int (*hist_event_fn)(void *ctx, const hist_event *e);
/* Periods. */
typedef enum { HIST_WEEK, HIST_MONTH } hist_period;

/* Start (local time) of the period that holds t. */
long long history_period_start(hist_period p, long long t);
/* The period start k periods after (k < 0: before) the period start `start`. */
long long history_period_add(hist_period p, long long start, int k);
/* "2026-03" for a month, the Monday "2025-12-29" for a week. buf needs 11 bytes. */
void history_period_key(hist_period p, long long start, char *buf, size_t len);

typedef struct {
    long long start, end; /* [start, end) */
    char key[11];         /* history_period_key */
    int met;              /* criteria whose latest state event up to the end is 'done' */
    int newly;            /* of those, criteria not met at the start of the period */
    int quiz_phase;       /* placement of the period's last quiz attempt; 0 when none */
    int quiz_edge;        /* its on_edge_of; 0 when none */
} hist_bucket;

/* Parses a date for --since/--until and "go to date": "YYYY", "YYYY-MM" and
 * "YYYY-MM-DD" are a local year, month or day (its start, or with end_of_day the
 * start of the next one); anything else must be
 * an ISO 8601 time (clock_parse_iso), taken as is (plus one second with end_of_day,
 * so the bound includes it). 0 or -1. */
int history_parse_date(const char *s, int end_of_day, long long *out);

#endif
