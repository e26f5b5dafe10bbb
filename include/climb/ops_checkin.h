/* ops_checkin.h - the operations behind check-ins and the prompt line: the
 * cadence setting, the facts that decide whether a check-in is due, recording a
 * finished check-in, and the prompt line's read-only look at the database. Same
 * results as ops.h: 0, -1 (ops_error), or an OPS_* refusal. */
#ifndef CLIMB_OPS_CHECKIN_H
#define CLIMB_OPS_CHECKIN_H

#include "climb/checkin.h"
#include "climb/ops.h"

/* Sets the cadence in days (0: none; at most CHECKIN_MAX_DAYS, else OPS_INVALID)
 * with a 'setting' event (checkin_days) when it differs; undoable. */
int ops_set_cadence(climb_model *m, int days);
/* The facts of m's profile at `now`: cadence, last update, stale criteria. */
int ops_checkin_facts(climb_model *m, long long now, checkin_facts *out);
/* The phase being worked on: the first with criteria still to meet, else the last. */
size_t ops_checkin_phase(const climb_model *m);

/* What one check-in went through. */
typedef struct {
    size_t phase;  /* index of the phase walked */
    int reviewed;  /* criteria shown */
    int changed;   /* criteria whose state or note the check-in changed */
} ops_checkin_summary;

/* Records a finished check-in as one 'checkin' event (item the phase id, value
 * "reviewed=N changed=M"); not undoable. The changes themselves were made with
 * ops_set_state and ops_set_note as the person went. */
int ops_checkin_record(climb_model *m, const ops_checkin_summary *s);

/* The prompt line's facts, read without a model and without writing anything. */
typedef struct {
    size_t phase;        /* index of the phase being worked on */
    int done, total;     /* its criteria met, and those that apply */
    checkin_facts facts;
} ops_line;

/* Opens db_path read-only (an older schema is opened the usual way, which
 * migrates it), reads only the profile row, its criterion states and the time of
 * its last update, and closes it. 0; OPS_NOT_FOUND when there is no database or
 * no such profile; -1 with a message in err. */
int ops_line_read(const char *db_path, const climb_ladder *l, const char *user, long long now,
                  ops_line *out, char *err, size_t errlen);

#endif
