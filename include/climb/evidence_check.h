/* evidence_check.h - how strong a promotion case is: for the phase a person is
 * working on and the one before, each criterion as met with fresh evidence, met
 * without evidence, met on stale evidence only, in progress, not met or not
 * applicable, with one line of advice where a claim is weak, and a verdict.
 * Pure: reads the model, the ladder and the time. */
#ifndef CLIMB_EVIDENCE_CHECK_H
#define CLIMB_EVIDENCE_CHECK_H

#include "climb/model.h"

#include <stddef.h>

typedef enum {
    CLAIM_FRESH,      /* met, with evidence newer than the stale period */
    CLAIM_NO_EVIDENCE,/* met, with nothing behind it */
    CLAIM_STALE,      /* met, on stale evidence only */
    CLAIM_DOING,      /* in progress */
    CLAIM_NOT_MET,
    CLAIM_NA,         /* does not apply (with its reason) */
} claim_status;

typedef struct {
    size_t phase, index;  /* the criterion */
    claim_status status;
    int weak;             /* met, but a reviewer would question it */
    char advice[160];     /* one line for a weak claim, else "" */
    long long newest;     /* its newest evidence, 0 when none */
} claim;

typedef struct {
    size_t first_phase, last_phase; /* the phases checked (indexes) */
    claim *claims;
    size_t n;
    int met, applicable, fresh;     /* over the phase worked on */
    char verdict[200];              /* "Senior case: 3 of 3 met, 2 with fresh evidence" */
} evidence_report;

/* The phase a person is working on: the first with criteria still to meet, else
 * the last. */
size_t evidence_working_phase(const climb_model *m);
/* Fills r for the working phase and the one before it. 0, or -1 out of memory. */
int evidence_check(const climb_model *m, long long now, evidence_report *r);
void evidence_report_free(evidence_report *r);
/* "met with fresh evidence", "met without evidence", ... */
const char *claim_status_words(claim_status s);
/* "fresh", "no-evidence", "stale", "doing", "not-met", "n/a" (for JSON). */
const char *claim_status_key(claim_status s);

#endif
