/* export_md.c - the promotion packet as a CommonMark page a manager reads: the
 * person's name and the level argued for, the evidence check's verdict, each
 * chosen phase's criteria as first-person claims with their dated evidence and
 * links (stale entries marked), what remains, the flagged roadblocks when asked,
 * and the net change of criteria met per month. What it says comes from
 * packet.c; every piece of text from the person or the ladder goes through
 * md_escape (the output gate, then a backslash only where Markdown would
 * otherwise change the meaning). */
#include "climb/export.h"
#include "climb/clock.h"
#include "climb/md_escape.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

/* Set when a piece of text could not be made (out of memory): the page is then
 * refused, never written with a "?" in its place (tests/unit/test_faults.c found
 * "# ?: the case for Mid" written and reported as a success). */
static int lost;

static void md(FILE *out, const char *s, const char *indent, unsigned flags)
{
    char *e = md_escape(s, indent, flags);
    if (!e)
        lost = 1;
    fputs(e ? e : "?", out);
    free(e);
}

static void md_n(FILE *out, const char *s, size_t n, unsigned flags)
{
    char *copy = malloc(n + 1);
    if (!copy) {
        lost = 1;
        return;
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    md(out, copy, "", flags);
    free(copy);
}

static void put_date(FILE *out, long long t)
{
    char buf[16];
    clock_format_local_date(t, buf, sizeof buf);
    fputs(buf, out);
}

/* A link destination in pointy brackets, where only '<', '>' and '\' need a
 * backslash (a link never holds white space). */
static void put_destination(FILE *out, const char *url)
{
    char *safe = text_visible(url, 0);
    if (!safe)
        lost = 1;
    fputc('<', out);
    for (const char *p = safe ? safe : ""; *p; p++) {
        if (*p == '<' || *p == '>' || *p == '\\')
            fputc('\\', out);
        fputc(*p, out);
    }
    fputc('>', out);
    free(safe);
}

static void put_links(FILE *out, const packet_entry *e)
{
    for (size_t k = 0; k < e->n_links; k++) {
        fputs(k ? ", " : "\\\n    Links: ", out);
        size_t n;
        const char *label = packet_link_label(e->links[k], &n);
        if (packet_link_is_url(e->links[k])) {
            fputc('[', out);
            md_n(out, label, n, MD_LINK_TEXT | MD_AFTER_TEXT);
            fputs("](", out);
            put_destination(out, e->links[k]);
            fputc(')', out);
        } else {
            md(out, e->links[k], "", MD_AFTER_TEXT);
        }
    }
}

static void put_entry(FILE *out, const packet *pk, const packet_entry *e)
{
    fputs("  - ", out);
    if (e->at)
        put_date(out, e->at);
    if (e->stale)
        fprintf(out, " (stale: older than %d months)", pk->stale_months);
    fputs(": ", out);
    md(out, e->text, "    ", MD_AFTER_TEXT);
    put_links(out, e);
    fputs("\n", out);
}

static void put_claim(FILE *out, const packet *pk, const packet_claim *c)
{
    fputs("- ", out);
    md(out, c->claim, "  ", 0);
    if (pk->sections & PACKET_CRITERIA) {
        char status[64];
        packet_claim_status(c, status, sizeof status);
        fprintf(out, " (%s", status);
        if (c->reason) {
            fputs(": ", out);
            md(out, c->reason, "  ", MD_AFTER_TEXT);
        }
        fputs(")", out);
    }
    fputs("\n", out);
    for (size_t k = 0; (pk->sections & PACKET_EVIDENCE) && k < c->n_entries; k++)
        put_entry(out, pk, &c->entries[k]);
}

static void put_header(FILE *out, const packet *pk)
{
    fputs("# ", out);
    md(out, pk->name, "", MD_HEADING);
    fputs(": the case for ", out);
    md(out, pk->level, "", MD_HEADING | MD_AFTER_TEXT);
    fputs("\n\nPromotion packet on the ", out);
    md(out, pk->ladder_name, "", MD_AFTER_TEXT);
    fputs(", ", out);
    put_date(out, pk->now);
    if (pk->target_at) {
        fputs(". Target: ", out);
        md(out, pk->level, "", MD_AFTER_TEXT);
        fputs(" by ", out);
        put_date(out, pk->target_at);
    }
    fputs(".\n", out);
    if (pk->sections & PACKET_SUMMARY) {
        fputs("\n## Summary\n\n", out);
        md(out, pk->verdict, "", 0);
        fputs(".\n", out);
        if (*pk->pace) {
            fputs("\n", out);
            md(out, pk->pace, "", 0);
            fputs("\n", out);
        }
    }
}

static void put_phases(FILE *out, const packet *pk)
{
    for (size_t p = 0; p < pk->n_phases; p++) {
        const packet_phase *ph = &pk->phases[p];
        fprintf(out, "\n## Phase %d: ", ph->number);
        md(out, ph->title, "", MD_HEADING | MD_AFTER_TEXT);
        fputs("\n\n", out);
        md(out, ph->heading, "", 0);
        fprintf(out, ": %d of %d met.\n\n", ph->met, ph->applicable);
        for (size_t i = 0; i < ph->n_claims; i++)
            put_claim(out, pk, &ph->claims[i]);
    }
}

static void put_remaining(FILE *out, const packet *pk)
{
    fputs("\n## What remains for ", out);
    md(out, pk->level, "", MD_HEADING | MD_AFTER_TEXT);
    fputs("\n\n", out);
    if (!pk->n_remaining) {
        fputs("Every criterion for this level is met.\n", out);
        return;
    }
    fprintf(out, "%zu %s still to show:\n\n", pk->n_remaining,
            pk->n_remaining == 1 ? "claim" : "claims");
    for (size_t i = 0; i < pk->n_remaining; i++) {
        const packet_claim *c = &pk->remaining[i];
        fputs("- ", out);
        md(out, c->claim, "  ", 0);
        fprintf(out, " (Phase %d, %s)\n", c->phase_number,
                c->state == STATE_DOING ? "in progress" : "not started");
    }
}

static void put_roadblocks(FILE *out, const packet *pk)
{
    fputs("\n## Roadblocks flagged\n\n", out);
    if (!pk->n_roadblocks)
        fputs("None flagged.\n", out);
    for (size_t i = 0; i < pk->n_roadblocks; i++) {
        const packet_roadblock *rb = &pk->roadblocks[i];
        fputs("- ", out);
        md(out, rb->title, "  ", 0);
        fputs(" (flagged ", out);
        put_date(out, rb->flagged_at);
        fputs(")\\\n  What unlocks it: ", out);
        md(out, rb->unlock, "  ", MD_AFTER_TEXT);
        fputs("\n", out);
    }
}

static void put_months(FILE *out, const packet *pk)
{
    fputs("\n## Progress by month\n\n", out);
    if (!pk->n_months) {
        fputs("No criterion has been met yet.\n", out);
        return;
    }
    fputs("Months without a change are left out.\n\n"
          "| Month | Net change | Criteria met at month end |\n| --- | ---: | ---: |\n", out);
    for (size_t i = 0; i < pk->n_months; i++) {
        const packet_month *pm = &pk->months[i];
        if (!pm->net && i + 1 < pk->n_months)
            continue;
        char net[16];
        snprintf(net, sizeof net, pm->net ? "%+d" : "%d", pm->net);
        fprintf(out, "| %s | %s | %d of %d |\n", pm->key, net, pm->met, pk->chart_max);
    }
}

int export_md(const climb_model *m, const packet_options *opt, FILE *out, long long now,
              char *err, size_t errlen)
{
    packet pk;
    if (packet_build(m, opt, now, &pk, err, errlen) != 0)
        return -1;
    lost = 0;
    put_header(out, &pk);
    if (pk.sections & (PACKET_CRITERIA | PACKET_EVIDENCE))
        put_phases(out, &pk);
    if (pk.sections & PACKET_REMAINING)
        put_remaining(out, &pk);
    if (pk.sections & PACKET_ROADBLOCKS)
        put_roadblocks(out, &pk);
    if (pk.sections & PACKET_PROGRESS)
        put_months(out, &pk);
    packet_free(&pk);
    if (lost) {
        snprintf(err, errlen, "cannot write the Markdown page: out of memory");
        return -1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        snprintf(err, errlen, "cannot write the Markdown page");
        return -1;
    }
    return 0;
}
