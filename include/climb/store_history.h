/* store_history.h - the event log read back with SQL over indexed columns only:
 * keyset pages of the timeline (never the whole log), a stream, criteria met per
 * week or month, the first tick of a set of criteria, when the title was set.
 * Knows ids, not wording. */
#ifndef CLIMB_STORE_HISTORY_H
#define CLIMB_STORE_HISTORY_H

#include "climb/history.h"
#include "climb/store.h"

/* Up to max events strictly older than `from`, newest first. *n says how many.
 * Returns 0, or -1 with a message in store_error(st). */
int history_page_older(climb_store *st, long long profile_id, const hist_filter *f,
                       hist_key from, hist_event *out, size_t max, size_t *n);
/* Up to max events strictly newer than `from`, oldest first (for scrolling up). */
int history_page_newer(climb_store *st, long long profile_id, const hist_filter *f,
                       hist_key from, hist_event *out, size_t max, size_t *n);
/* Streams every matching event, newest first, one row at a time. */
int history_each(climb_store *st, long long profile_id, const hist_filter *f, hist_event_fn fn,
                 void *ctx);
/* Fills the n periods starting at `first` (a period start) for the given criteria.
 * The counts are taken at min(period end, now + 1); a tick given the date the work
 * was done (tick --date) is in effect from that date. Each criterion costs a couple
 * of index seeks per period at most; the number of events does not matter. */
int history_buckets(climb_store *st, long long profile_id, hist_period p,
                    const char *const *criteria, size_t n_criteria, long long first, size_t n,
                    long long now, hist_bucket *out);
/* The first period start worth charting: the period of the earliest state event
 * (a dated tick: its date) or quiz attempt, but no more than max_periods before
 * the period of now. */
long long history_chart_first(climb_store *st, long long profile_id, hist_period p,
                              long long now, size_t max_periods, size_t *n_periods);
/* When any of the criteria first became 'done' (a dated tick: its date; 0 when
 * never). 0 or -1. */
int history_first_done(climb_store *st, long long profile_id, const char *const *criteria,
                       size_t n_criteria, long long *at);
/* When the title was last set (0 when never). 0 or -1. */
int history_title_set_at(climb_store *st, long long profile_id, long long *at);

#endif
