/* packet.c - what a promotion packet says, whatever it is written as: the name
 * and level it is for, the evidence check's verdict and the target's pace, the
 * chosen phases' criteria as claims with their evidence (stale entries marked),
 * what remains, the flagged roadblocks and the criteria met per month. The
 * Markdown and HTML writers only lay this out, so the two cannot disagree.
 *
 * Months come from the history buckets (store_history.h): a criterion counts as
 * met at a month's end when its latest state event is 'done', so a tick and its
 * undo inside one month cancel, and the net change is the difference between
 * one month's end and the one before. */
#include "climb/packet.h"
#include "climb/clock.h"
#include "climb/store_history.h"
#include "climb/store_snapshot.h"
#include "climb/target_pace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A month is the average Gregorian month, as model_is_stale counts it. */
#define MONTH_SECONDS 2629746LL
/* The progress table and chart show at most this many months. */
enum { PACKET_MONTHS_MAX = 24 };

static const char *const SECTION_NAMES[] = {"summary", "criteria", "evidence",
                                            "remaining", "roadblocks", "progress"};
enum { N_SECTIONS = sizeof SECTION_NAMES / sizeof SECTION_NAMES[0] };

/* Splits a comma list, calling fn on each non-empty item (at most 31 bytes). */
static int each_item(const char *list, int (*fn)(void *, const char *), void *ctx, char *err,
                     size_t errlen)
{
    const char *p = list;
    int any = 0;
    while (*p) {
        size_t n = strcspn(p, ",");
        char item[32];
        if (n == 0 || n >= sizeof item) {
            snprintf(err, errlen, "'%.*s' is not a list item", (int)(n < 40 ? n : 40), p);
            return -1;
        }
        memcpy(item, p, n);
        item[n] = '\0';
        if (fn(ctx, item) != 0) {
            snprintf(err, errlen, "unknown item '%s'", item);
            return -1;
        }
        any = 1;
        p += n;
        if (*p == ',')
            p++;
    }
    if (!any) {
        snprintf(err, errlen, "the list is empty");
        return -1;
    }
    return 0;
}

static int add_section(void *ctx, const char *item)
{
    for (int i = 0; i < N_SECTIONS; i++) {
        if (strcmp(item, SECTION_NAMES[i]) == 0) {
            *(unsigned *)ctx |= 1u << i;
            return 0;
        }
    }
    return -1;
}

int packet_parse_sections(const char *list, unsigned *out, char *err, size_t errlen)
{
    *out = 0;
    if (each_item(list, add_section, out, err, errlen) == 0)
        return 0;
    size_t n = strlen(err);
    snprintf(err + n, errlen > n ? errlen - n : 0,
             " (sections: summary, criteria, evidence, remaining, roadblocks, progress)");
    return -1;
}

typedef struct {
    const climb_ladder *l;
    unsigned bits;
} phase_pick;

static int add_phase(void *ctx, const char *item)
{
    phase_pick *pp = ctx;
    if (strcmp(item, "all") == 0) {
        for (size_t p = 0; p < pp->l->n_phases && p < 32; p++)
            pp->bits |= 1u << p;
        return 0;
    }
    char *end;
    long n = strtol(item, &end, 10);
    if (*end || n < 1 || (size_t)n > pp->l->n_phases || n > 32)
        return -1;
    pp->bits |= 1u << (n - 1);
    return 0;
}

int packet_parse_phases(const climb_ladder *l, const char *list, unsigned *out, char *err,
                        size_t errlen)
{
    phase_pick pp = {l, 0};
    if (each_item(list, add_phase, &pp, err, errlen) != 0) {
        size_t n = strlen(err);
        snprintf(err + n, errlen > n ? errlen - n : 0, " (phases: 1 to %zu, or all)",
                 l->n_phases);
        return -1;
    }
    *out = pp.bits;
    return 0;
}

int packet_link_is_url(const char *link)
{
    return strncmp(link, "https://", 8) == 0 || strncmp(link, "http://", 7) == 0;
}

const char *packet_link_label(const char *link, size_t *len)
{
    const char *s = link;
    if (packet_link_is_url(link))
        s = strstr(link, "://") + 3;
    size_t n = strlen(s);
    if (n > 1 && s[n - 1] == '/')
        n--;
    *len = n;
    return s;
}

void packet_claim_status(const packet_claim *c, char *buf, size_t len)
{
    char date[16];
    switch (c->state) {
    case STATE_DONE:
        clock_format_local_date(c->done_at, date, sizeof date);
        snprintf(buf, len, "met %s", date);
        break;
    case STATE_DOING: snprintf(buf, len, "in progress"); break;
    case STATE_NA: snprintf(buf, len, "does not apply"); break;
    default: snprintf(buf, len, "not met yet"); break;
    }
}

/* What a phase's criteria lead to, by name: the next level, or for an operating
 * phase (content `operating`) "operating at" its own level, written into buf. */
static const char *leads_to(const climb_ladder *l, size_t p, char *buf, size_t len)
{
    const climb_phase *ph = &l->phases[p];
    const climb_level *lv = content_level(l, ph->operating ? ph->level : ph->next_level);
    if (ph->operating) {
        snprintf(buf, len, "operating at %s", lv ? lv->name : ph->level);
        return buf;
    }
    return lv ? lv->name : ph->next_level;
}

static int fill_claim(const climb_model *m, size_t p, size_t i, long long now, packet_claim *c)
{
    const climb_criterion *cr = &m->ladder->phases[p].criteria[i];
    const model_crit *mc = model_crit_at(m, p, i);
    memset(c, 0, sizeof *c);
    c->id = cr->id;
    c->claim = cr->claim ? cr->claim : cr->text;
    c->state = mc->state;
    c->done_at = mc->done_at;
    c->reason = mc->state == STATE_NA ? mc->reason : NULL;
    c->phase_number = m->ladder->phases[p].number;
    c->entries = calloc(mc->n_entries + 1, sizeof *c->entries);
    if (!c->entries)
        return -1;
    long long period = (long long)m->stale_months * MONTH_SECONDS;
    if (mc->note) {
        packet_entry *e = &c->entries[c->n_entries++];
        e->text = mc->note;
        e->at = mc->note_at;
    }
    for (size_t k = 0; k < mc->n_entries; k++) {
        packet_entry *e = &c->entries[c->n_entries++];
        e->text = mc->entries[k].text;
        e->at = mc->entries[k].happened_at;
        e->links = mc->entries[k].links;
        e->n_links = mc->entries[k].n_links;
    }
    for (size_t k = 0; k < c->n_entries; k++)
        c->entries[k].stale = m->stale_months > 0 && c->entries[k].at > 0 &&
                              now - c->entries[k].at > period;
    return 0;
}

static void free_claims(packet_claim *c, size_t n)
{
    for (size_t i = 0; c && i < n; i++)
        free(c[i].entries);
    free(c);
}

/* The chosen phases: opt's, else those the evidence check covers. */
static unsigned chosen_phases(const climb_ladder *l, const packet_options *opt,
                              const evidence_report *r)
{
    unsigned bits = opt ? opt->phases : 0;
    if (bits == 0)
        for (size_t p = r->first_phase; p <= r->last_phase && p < l->n_phases && p < 32; p++)
            bits |= 1u << p;
    return bits;
}

static int build_phases(const climb_model *m, unsigned bits, long long now, packet *pk)
{
    const climb_ladder *l = m->ladder;
    pk->phases = calloc(l->n_phases ? l->n_phases : 1, sizeof *pk->phases);
    if (!pk->phases)
        return -1;
    for (size_t p = 0; p < l->n_phases && p < 32; p++) {
        if (!(bits & (1u << p)))
            continue;
        packet_phase *ph = &pk->phases[pk->n_phases++];
        ph->number = l->phases[p].number;
        ph->title = l->phases[p].title;
        ph->heading = l->phases[p].criteria_heading;
        model_phase_counts(m, p, &ph->met, &ph->applicable);
        ph->claims = calloc(l->phases[p].n_criteria + 1, sizeof *ph->claims);
        if (!ph->claims)
            return -1;
        for (size_t i = 0; i < l->phases[p].n_criteria; i++) {
            if (fill_claim(m, p, i, now, &ph->claims[ph->n_claims]) != 0)
                return -1;
            ph->n_claims++;
        }
    }
    return 0;
}

/* The level argued for, and the last phase whose criteria lead to it. */
static size_t target_phase(const climb_model *m, const evidence_report *r, packet *pk)
{
    const climb_ladder *l = m->ladder;
    size_t work = r->last_phase;
    const climb_level *tl = m->profile.target_level ? content_level(l, m->profile.target_level)
                                                    : NULL;
    if (tl) {
        pk->level = tl->name;
        pk->target_at = m->profile.target_at;
        int want = content_level_index(l, m->profile.target_level);
        size_t last = 0;
        int found = 0;
        /* an operating phase reaches no further level: it leads to a target
         * only above the level it operates at (as in target_pace.c) */
        for (size_t p = 0; p < l->n_phases; p++) {
            const climb_phase *ph = &l->phases[p];
            int at = content_level_index(l, ph->operating ? ph->level : ph->next_level);
            if (at >= 0 && (ph->operating ? at < want : at <= want)) {
                last = p;
                found = 1;
            }
        }
        return found ? last : work;
    }
    pk->level = l->n_phases ? leads_to(l, work, pk->level_text, sizeof pk->level_text) : "";
    return work;
}

/* What remains: the criteria not met (nor n/a) of the phases up to the target. */
static int build_remaining(const climb_model *m, size_t upto, size_t from, long long now,
                           packet *pk)
{
    const climb_ladder *l = m->ladder;
    size_t total = 0;
    for (size_t p = from; p <= upto && p < l->n_phases; p++)
        total += l->phases[p].n_criteria;
    pk->remaining = calloc(total + 1, sizeof *pk->remaining);
    if (!pk->remaining)
        return -1;
    for (size_t p = from; p <= upto && p < l->n_phases; p++) {
        for (size_t i = 0; i < l->phases[p].n_criteria; i++) {
            crit_state s = model_crit_at(m, p, i)->state;
            if (s == STATE_DONE || s == STATE_NA)
                continue;
            if (fill_claim(m, p, i, now, &pk->remaining[pk->n_remaining]) != 0)
                return -1;
            pk->n_remaining++;
        }
    }
    return 0;
}

typedef struct {
    const climb_ladder *l;
    packet *pk;
    size_t cap;
} flag_ctx;

static int keep_flag(void *ctx, const snap_flag *f)
{
    flag_ctx *fc = ctx;
    if (fc->pk->n_roadblocks == fc->cap) {
        size_t cap = fc->cap ? fc->cap * 2 : 8;
        packet_roadblock *r = realloc(fc->pk->roadblocks, cap * sizeof *r);
        if (!r)
            return -1;
        fc->pk->roadblocks = r;
        fc->cap = cap;
    }
    packet_roadblock *rb = &fc->pk->roadblocks[fc->pk->n_roadblocks++];
    rb->title = NULL;
    rb->unlock = NULL;
    rb->flagged_at = f->flagged_at;
    for (size_t i = 0; i < fc->l->n_roadblocks; i++) {
        if (strcmp(fc->l->roadblocks[i].id, f->roadblock_id) == 0) {
            rb->title = fc->l->roadblocks[i].title;
            rb->unlock = fc->l->roadblocks[i].unlock;
        }
    }
    if (!rb->title)
        fc->pk->n_roadblocks--; /* retired from the ladder: nothing to say about it */
    return 0;
}

/* Criteria met at each month's end over the chosen phases, with the month before
 * the first read too so the first month's net change is right. */
static int build_months(const climb_model *m, unsigned bits, long long now, packet *pk)
{
    const climb_ladder *l = m->ladder;
    size_t n_ids = 0;
    const char **ids = calloc(m->n_crit + 1, sizeof *ids);
    if (!ids)
        return -1;
    for (size_t p = 0; p < l->n_phases && p < 32; p++)
        if (bits & (1u << p))
            for (size_t i = 0; i < l->phases[p].n_criteria; i++)
                ids[n_ids++] = l->phases[p].criteria[i].id;
    pk->chart_max = (int)n_ids;
    size_t n = 0;
    long long first = history_chart_first(m->store, m->profile.id, HIST_MONTH, now,
                                          PACKET_MONTHS_MAX, &n);
    int rc = 0;
    if (first > 0 && n > 0 && n_ids > 0) {
        hist_bucket *b = calloc(n + 1, sizeof *b);
        pk->months = calloc(n, sizeof *pk->months);
        rc = !b || !pk->months ? -1
                               : history_buckets(m->store, m->profile.id, HIST_MONTH, ids, n_ids,
                                                 history_period_add(HIST_MONTH, first, -1), n + 1,
                                                 now, b);
        for (size_t k = 1; rc == 0 && k <= n; k++) {
            packet_month *pm = &pk->months[pk->n_months++];
            memcpy(pm->key, b[k].key, sizeof pm->key);
            pm->start = b[k].start;
            pm->met = b[k].met;
            pm->net = b[k].met - b[k - 1].met;
        }
        free(b);
    } else if (first < 0) {
        rc = -1;
    }
    free(ids);
    return rc;
}

int packet_build(const climb_model *m, const packet_options *opt, long long now, packet *pk,
                 char *err, size_t errlen)
{
    memset(pk, 0, sizeof *pk);
    evidence_report r;
    if (evidence_check(m, now, &r) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    pk->name = m->profile.display_name && *m->profile.display_name ? m->profile.display_name
                                                                    : m->profile.name;
    pk->ladder_name = m->ladder->name;
    pk->now = now;
    pk->stale_months = m->stale_months;
    pk->sections = opt && opt->sections ? opt->sections : PACKET_DEFAULT_SECTIONS;
    snprintf(pk->verdict, sizeof pk->verdict, "%s", r.verdict);
    target_pace tp;
    target_pace_compute(m, now, &tp);
    if (tp.kind != PACE_NONE)
        snprintf(pk->pace, sizeof pk->pace, "%s", tp.sentence);
    unsigned bits = chosen_phases(m->ladder, opt, &r);
    size_t upto = target_phase(m, &r, pk);
    size_t from = pk->target_at ? 0 : r.last_phase; /* a target: every phase up to it */
    evidence_report_free(&r);
    flag_ctx fc = {m->ladder, pk, 0};
    int rc = build_phases(m, bits, now, pk);
    if (rc == 0)
        rc = build_remaining(m, upto, from, now, pk);
    if (rc == 0 && (pk->sections & PACKET_ROADBLOCKS))
        rc = snap_flags_each(m->store, m->profile.id, keep_flag, &fc);
    if (rc == 0)
        rc = build_months(m, bits, now, pk);
    if (rc != 0) {
        snprintf(err, errlen, "%s", rc < 0 && store_error(m->store) ? store_error(m->store)
                                                                  : "out of memory");
        packet_free(pk);
        return -1;
    }
    return 0;
}

void packet_free(packet *pk)
{
    for (size_t p = 0; pk->phases && p < pk->n_phases; p++)
        free_claims(pk->phases[p].claims, pk->phases[p].n_claims);
    free(pk->phases);
    free_claims(pk->remaining, pk->n_remaining);
    free(pk->roadblocks);
    free(pk->months);
    memset(pk, 0, sizeof *pk);
}
