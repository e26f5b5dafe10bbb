/* records.h - the plain records climb keeps, shared by every layer: a criterion's
 * state and its stored row, and a profile's row. Data only; the store fills them,
 * the operations layer and the model hand them to the front ends. */
#ifndef CLIMB_RECORDS_H
#define CLIMB_RECORDS_H

#include <stddef.h>

typedef enum { STATE_TODO, STATE_DOING, STATE_DONE, STATE_NA } crit_state;

const char *crit_state_name(crit_state s);            /* "todo", "doing", "done", "n/a" */
int crit_state_parse(const char *name, crit_state *out); /* 0 or -1 */

typedef struct {
    long long id;
    char *name;
    char *title;        /* level id or NULL */
    long long created_at;
    int quiz_offered;
    int stale_months;   /* evidence older than this many months is flagged */
    char *target_level; /* the level aimed for, NULL when no target */
    long long target_at; /* by when (UTC seconds), 0 when no target */
    char *display_name; /* the name a promotion packet is written for, NULL: name */
    int checkin_days;   /* a check-in is due this many days after the last update; 0 never */
} profile_row;

void profile_row_free(profile_row *p);

/* One dated piece of evidence behind a criterion. */
typedef struct {
    char entry[37];        /* its id: the uuid of the event that added it */
    char *criterion_id;
    char *text;
    char **links;          /* URLs or short references (PR-123) */
    size_t n_links;
    long long happened_at; /* when the work happened */
    long long recorded_at; /* when it was written down */
} evidence_row;

void evidence_row_free(evidence_row *e);

typedef struct {
    char *criterion_id;
    crit_state state;
    long long done_at;  /* 0 when never done */
    char *note;         /* NULL when none */
    long long note_at;
    char *reason;
    char *text_at_done;
} criterion_row;

void criterion_row_free(criterion_row *c);

#endif
