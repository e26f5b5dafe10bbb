/* evidence_check.c - the strength of each claim in a promotion case, from the
 * model: whether a met criterion has evidence, whether it is fresh, whether any
 * of it carries a link or a number a reviewer can check. */
#include "climb/evidence_check.h"
#include "climb/clock.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const WORDS[] = {"met with fresh evidence", "met without evidence",
                                    "met on stale evidence only", "in progress", "not met",
                                    "not applicable"};
static const char *const KEYS[] = {"fresh", "no-evidence", "stale", "doing", "not-met", "n/a"};

const char *claim_status_words(claim_status s)
{
    return (unsigned)s <= CLAIM_NA ? WORDS[s] : "";
}

const char *claim_status_key(claim_status s)
{
    return (unsigned)s <= CLAIM_NA ? KEYS[s] : "";
}

static int has_digit(const char *s)
{
    for (; s && *s; s++)
        if (isdigit((unsigned char)*s))
            return 1;
    return 0;
}

/* 1 when some evidence carries a link, or a number a reviewer can check. */
static int checkable(const model_crit *c)
{
    if (has_digit(c->note))
        return 1;
    for (size_t k = 0; k < c->n_entries; k++)
        if (c->entries[k].n_links || has_digit(c->entries[k].text))
            return 1;
    return 0;
}

static void judge(const climb_model *m, const model_crit *c, long long now, claim *out)
{
    out->newest = model_evidence_at(c);
    out->weak = 0;
    out->advice[0] = '\0';
    switch (c->state) {
    case STATE_DOING: out->status = CLAIM_DOING; return;
    case STATE_TODO: out->status = CLAIM_NOT_MET; return;
    case STATE_NA: out->status = CLAIM_NA; return;
    case STATE_DONE: break;
    }
    if (!out->newest) {
        out->status = CLAIM_NO_EVIDENCE;
        out->weak = 1;
        snprintf(out->advice, sizeof out->advice,
                 "add evidence: what you did, when, and where it can be seen (a PR, a postmortem)");
        return;
    }
    long long period = (long long)m->stale_months * 2629746LL;
    if (m->stale_months > 0 && now - out->newest > period) {
        char date[16];
        clock_format_local_date(out->newest, date, sizeof date);
        out->status = CLAIM_STALE;
        out->weak = 1;
        snprintf(out->advice, sizeof out->advice,
                 "the newest evidence is from %s: add something from the last %d months", date,
                 m->stale_months);
        return;
    }
    out->status = CLAIM_FRESH;
    if (!checkable(c)) {
        out->weak = 1;
        snprintf(out->advice, sizeof out->advice,
                 "add a link or a number a reviewer can check (a PR, a dashboard, a metric)");
    }
}

int evidence_check(const climb_model *m, long long now, evidence_report *r)
{
    const climb_ladder *l = m->ladder;
    memset(r, 0, sizeof *r);
    size_t work = model_phase_at_hand(m);
    r->last_phase = work;
    r->first_phase = work > 0 ? work - 1 : 0;
    size_t total = 0;
    for (size_t p = r->first_phase; p <= r->last_phase && p < l->n_phases; p++)
        total += l->phases[p].n_criteria;
    r->claims = calloc(total ? total : 1, sizeof *r->claims);
    if (!r->claims)
        return -1;
    for (size_t p = r->first_phase; p <= r->last_phase && p < l->n_phases; p++) {
        for (size_t i = 0; i < l->phases[p].n_criteria; i++) {
            claim *c = &r->claims[r->n++];
            c->phase = p;
            c->index = i;
            judge(m, model_crit_at(m, p, i), now, c);
            if (p != work)
                continue;
            r->applicable += c->status != CLAIM_NA;
            r->met += c->status <= CLAIM_STALE;
            r->fresh += c->status == CLAIM_FRESH;
        }
    }
    /* the case for the level meeting the phase reaches; an operating phase's
     * case is for operating at its own level (content, not phase number + 1) */
    const climb_phase *ph = l->n_phases ? &l->phases[work] : NULL;
    const char *goal = ph ? (ph->operating ? ph->level : ph->next_level) : NULL;
    const climb_level *lv = goal ? content_level(l, goal) : NULL;
    snprintf(r->verdict, sizeof r->verdict, "%s%s case: %d of %d met, %d with fresh evidence",
             lv && ph->operating ? "Operating at " : "", lv ? lv->name : "Your", r->met,
             r->applicable, r->fresh);
    return 0;
}

void evidence_report_free(evidence_report *r)
{
    free(r->claims);
    memset(r, 0, sizeof *r);
}
