/* history.h - the profile's event log read back: pages of the timeline (keyset
 * paging, never the whole log), criteria met per week or month, the first tick of
 * a set of criteria and when the title was set. Store level: SQL over indexed
 * columns only; knows ids, not wording, and nothing of the terminal.
 *
 * Periods are in local time. A week starts on Monday 00:00 local time (not ISO week
 * numbers: a week that spans New Year is one week, named by its Monday's date); a
 * month starts on the 1st at 00:00 local time. DST changes shift nothing: periods
 * are built with mktime from calendar fields. */
#ifndef CLIMB_HISTORY_H
#define CLIMB_HISTORY_H

#include "climb/store.h"

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
/* 1 when kind is one the events table holds (see store.h). */
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

/* Up to max events strictly older than `from`, newest first. *n says how many.
 * Returns 0, or -1 with a message in store_error(st). */
int history_page_older(climb_store *st, long long profile_id, const hist_filter *f,
                       hist_key from, hist_event *out, size_t max, size_t *n);
/* Up to max events strictly newer than `from`, oldest first (for scrolling up). */
int history_page_newer(climb_store *st, long long profile_id, const hist_filter *f,
                       hist_key from, hist_event *out, size_t max, size_t *n);
/* Streams every matching event, newest first, one row at a time. fn returns 0 to go on. */
typedef int (*hist_event_fn)(void *ctx, const hist_event *e);
int history_each(climb_store *st, long long profile_id, const hist_filter *f, hist_event_fn fn,
                 void *ctx);

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

/* Fills the n periods starting at `first` (a period start) for the given criteria.
 * The counts are taken at min(period end, now + 1). Each criterion costs a couple
 * of index seeks per period at most; the number of events does not matter. */
int history_buckets(climb_store *st, long long profile_id, hist_period p,
                    const char *const *criteria, size_t n_criteria, long long first, size_t n,
                    long long now, hist_bucket *out);
/* The first period start worth charting: the period of the earliest state or quiz
 * event, but no more than max_periods before the period of now. */
long long history_chart_first(climb_store *st, long long profile_id, hist_period p,
                              long long now, size_t max_periods, size_t *n_periods);

/* When any of the criteria first became 'done' (0 when never). 0 or -1. */
int history_first_done(climb_store *st, long long profile_id, const char *const *criteria,
                       size_t n_criteria, long long *at);
/* When the title was last set (0 when never). 0 or -1. */
int history_title_set_at(climb_store *st, long long profile_id, long long *at);

/* Parses a date for --since/--until and "go to date": "YYYY-MM-DD" is a local day
 * (its start, or with end_of_day the start of the next day); anything else must be
 * an ISO 8601 time (clock_parse_iso), taken as is (plus one second with end_of_day,
 * so the bound includes it). 0 or -1. */
int history_parse_date(const char *s, int end_of_day, long long *out);

#endif
