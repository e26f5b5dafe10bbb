/* export_html.c - the promotion packet as one self-contained, printable HTML5
 * page: inline CSS (with print rules), the same content as the Markdown page
 * (packet.c decides it), and an inline SVG bar chart of the criteria met at each
 * month's end. No script, no outside resource: the page opens the same from a
 * mail attachment, a file share or a printer. Every piece of text goes through
 * text_html_escape (the output gate, then &<>" escaped); multi-line evidence
 * keeps its lines with CSS (white-space: pre-line), not with markup. */
#include "climb/export.h"
#include "climb/clock.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

/* The chart's colour; tests/e2e/test_packet_html.sh looks for it in a screenshot. */
#define BAR_COLOUR "#1f6feb"

static const char STYLE[] =
    "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;color:#1b1f24;"
    "max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45}\n"
    "h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;"
    "border-bottom:1px solid #d0d7de;padding-bottom:.2em}\n"
    ".meta{color:#57606a;margin-top:0}.verdict{font-weight:bold}\n"
    "ul.claims{padding-left:1.2em}ul.claims>li{margin:.6em 0;break-inside:avoid}\n"
    ".status{color:#57606a;font-size:.9em}.status.met{color:#1a7f37}\n"
    "ul.evidence{list-style:none;padding-left:1em;margin:.3em 0}\n"
    "ul.evidence li{border-left:3px solid #d0d7de;padding-left:.6em;margin:.3em 0}\n"
    "ul.evidence li.stale{border-left-color:#bf8700}\n"
    ".text{white-space:pre-line}.stale-mark{color:#9a6700;font-weight:bold}\n"
    "time{color:#57606a}.links{display:block;font-size:.9em}\n"
    "table{border-collapse:collapse;margin-top:.8em}th,td{border:1px solid #d0d7de;"
    "padding:.2em .6em}td.n{text-align:right}\n"
    "svg{display:block;margin-top:.8em}\n"
    "@page{margin:18mm}@media print{body{margin:0;max-width:none}a{color:inherit}}\n";

/* Set when a piece of text could not be made (out of memory): the page is then
 * refused, never written with a "?" in its place (tests/unit/test_faults.c found
 * "# ?: the case for Mid" written and reported as a success). */
static int lost;

static void esc(FILE *out, const char *s)
{
    char *e = text_html_escape(s ? s : "", TEXT_KEEP_NEWLINES);
    if (!e)
        lost = 1;
    fputs(e ? e : "?", out);
    free(e);
}

static void esc_n(FILE *out, const char *s, size_t n)
{
    char *copy = malloc(n + 1);
    if (!copy) {
        lost = 1;
        return;
    }
    memcpy(copy, s, n);
    copy[n] = '\0';
    esc(out, copy);
    free(copy);
}

static void put_date(FILE *out, long long t)
{
    char buf[16];
    clock_format_local_date(t, buf, sizeof buf);
    fprintf(out, "<time datetime=\"%s\">%s</time>", buf, buf);
}

static void put_links(FILE *out, const packet_entry *e)
{
    if (!e->n_links)
        return;
    fputs("<span class=\"links\">Links: ", out);
    for (size_t k = 0; k < e->n_links; k++) {
        if (k)
            fputs(", ", out);
        size_t n;
        const char *label = packet_link_label(e->links[k], &n);
        if (packet_link_is_url(e->links[k])) {
            fputs("<a href=\"", out);
            esc(out, e->links[k]);
            fputs("\">", out);
            esc_n(out, label, n);
            fputs("</a>", out);
        } else {
            esc(out, e->links[k]);
        }
    }
    fputs("</span>", out);
}

static void put_claim(FILE *out, const packet *pk, const packet_claim *c)
{
    fprintf(out, "<li><span class=\"claim\">");
    esc(out, c->claim);
    fputs("</span>", out);
    if (pk->sections & PACKET_CRITERIA) {
        char status[64];
        packet_claim_status(c, status, sizeof status);
        fprintf(out, " <span class=\"status%s\">(%s", c->state == STATE_DONE ? " met" : "",
                status);
        if (c->reason) {
            fputs(": ", out);
            esc(out, c->reason);
        }
        fputs(")</span>", out);
    }
    if ((pk->sections & PACKET_EVIDENCE) && c->n_entries) {
        fputs("\n<ul class=\"evidence\">\n", out);
        for (size_t k = 0; k < c->n_entries; k++) {
            const packet_entry *e = &c->entries[k];
            fprintf(out, "<li%s>", e->stale ? " class=\"stale\"" : "");
            if (e->at)
                put_date(out, e->at);
            if (e->stale)
                fprintf(out, " <span class=\"stale-mark\">stale: older than %d months</span>",
                        pk->stale_months);
            fputs(" <span class=\"text\">", out);
            esc(out, e->text);
            fputs("</span>", out);
            put_links(out, e);
            fputs("</li>\n", out);
        }
        fputs("</ul>", out);
    }
    fputs("</li>\n", out);
}

static void put_head(FILE *out, const packet *pk)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          out);
    esc(out, pk->name);
    fputs(": the case for ", out);
    esc(out, pk->level);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n<h1>", STYLE);
    esc(out, pk->name);
    fputs(": the case for ", out);
    esc(out, pk->level);
    fputs("</h1>\n<p class=\"meta\">Promotion packet on the ", out);
    esc(out, pk->ladder_name);
    fputs(", ", out);
    put_date(out, pk->now);
    if (pk->target_at) {
        fputs(". Target: ", out);
        esc(out, pk->level);
        fputs(" by ", out);
        put_date(out, pk->target_at);
    }
    fputs(".</p>\n</header>\n", out);
    if (pk->sections & PACKET_SUMMARY) {
        fputs("<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"verdict\">", out);
        esc(out, pk->verdict);
        fputs(".</p>\n", out);
        if (*pk->pace) {
            fputs("<p>", out);
            esc(out, pk->pace);
            fputs("</p>\n", out);
        }
        fputs("</section>\n", out);
    }
}

static void put_phases(FILE *out, const packet *pk)
{
    for (size_t p = 0; p < pk->n_phases; p++) {
        const packet_phase *ph = &pk->phases[p];
        fprintf(out, "<section class=\"phase\">\n<h2>Phase %d: ", ph->number);
        esc(out, ph->title);
        fputs("</h2>\n<p>", out);
        esc(out, ph->heading);
        fprintf(out, ": %d of %d met.</p>\n<ul class=\"claims\">\n", ph->met, ph->applicable);
        for (size_t i = 0; i < ph->n_claims; i++)
            put_claim(out, pk, &ph->claims[i]);
        fputs("</ul>\n</section>\n", out);
    }
}

static void put_remaining(FILE *out, const packet *pk)
{
    fputs("<section id=\"remaining\">\n<h2>What remains for ", out);
    esc(out, pk->level);
    fputs("</h2>\n", out);
    if (!pk->n_remaining) {
        fputs("<p>Every criterion for this level is met.</p>\n</section>\n", out);
        return;
    }
    fprintf(out, "<p>%zu %s still to show:</p>\n<ul class=\"claims\">\n", pk->n_remaining,
            pk->n_remaining == 1 ? "claim" : "claims");
    for (size_t i = 0; i < pk->n_remaining; i++) {
        const packet_claim *c = &pk->remaining[i];
        fputs("<li>", out);
        esc(out, c->claim);
        fprintf(out, " <span class=\"status\">(Phase %d, %s)</span></li>\n", c->phase_number,
                c->state == STATE_DOING ? "in progress" : "not started");
    }
    fputs("</ul>\n</section>\n", out);
}

static void put_roadblocks(FILE *out, const packet *pk)
{
    fputs("<section id=\"roadblocks\">\n<h2>Roadblocks flagged</h2>\n", out);
    if (!pk->n_roadblocks)
        fputs("<p>None flagged.</p>\n", out);
    else
        fputs("<ul>\n", out);
    for (size_t i = 0; i < pk->n_roadblocks; i++) {
        fputs("<li><strong>", out);
        esc(out, pk->roadblocks[i].title);
        fputs("</strong> (flagged ", out);
        put_date(out, pk->roadblocks[i].flagged_at);
        fputs(")<br>What unlocks it: ", out);
        esc(out, pk->roadblocks[i].unlock);
        fputs("</li>\n", out);
    }
    if (pk->n_roadblocks)
        fputs("</ul>\n", out);
    fputs("</section>\n", out);
}

/* Bars of the criteria met at each month's end, on a 0..chart_max axis. */
static void put_chart(FILE *out, const packet *pk)
{
    enum { W = 640, H = 220, LEFT = 40, TOP = 16, PLOT_H = 160, BOTTOM = TOP + PLOT_H };
    size_t n = pk->n_months;
    int top = pk->chart_max > 0 ? pk->chart_max : 1;
    double slot = (double)(W - LEFT - 10) / (double)n;
    double bar = slot * 0.7 > 48 ? 48 : slot * 0.7;
    fprintf(out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" role=\"img\" "
            "aria-label=\"Criteria met at the end of each month\">\n"
            "<title>Criteria met at the end of each month</title>\n",
            W, H, W, H);
    fprintf(out,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#57606a\"/>\n"
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#57606a\"/>\n"
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%d</text>\n"
            "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">0</text>\n",
            LEFT, TOP, LEFT, BOTTOM, LEFT, BOTTOM, W - 10, BOTTOM, LEFT - 6, TOP + 4, top,
            LEFT - 6, BOTTOM + 4);
    for (size_t i = 0; i < n; i++) {
        const packet_month *pm = &pk->months[i];
        double h = (double)PLOT_H * pm->met / top;
        double x = LEFT + slot * (double)i + (slot - bar) / 2;
        fprintf(out,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"" BAR_COLOUR
                "\"><title>%s: %d met</title></rect>\n",
                x, BOTTOM - h, bar, h, pm->key, pm->met);
        if (n <= 12 || i % 3 == 0)
            fprintf(out,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
                    x + bar / 2, BOTTOM + 16, pm->key);
    }
    fputs("</svg>\n", out);
}

static void put_months(FILE *out, const packet *pk)
{
    fputs("<section id=\"progress\">\n<h2>Progress by month</h2>\n", out);
    if (!pk->n_months) {
        fputs("<p>No criterion has been met yet.</p>\n</section>\n", out);
        return;
    }
    put_chart(out, pk);
    fputs("<table>\n<thead><tr><th>Month</th><th>Net change</th>"
          "<th>Criteria met at month end</th></tr></thead>\n<tbody>\n",
          out);
    for (size_t i = 0; i < pk->n_months; i++) {
        const packet_month *pm = &pk->months[i];
        if (!pm->net && i + 1 < pk->n_months)
            continue; /* the chart shows every month; the table the changes */
        fprintf(out, "<tr><td>%s</td><td class=\"n\">", pm->key);
        if (pm->net)
            fprintf(out, "%+d", pm->net);
        else
            fputs("0", out);
        fprintf(out, "</td><td class=\"n\">%d of %d</td></tr>\n", pm->met, pk->chart_max);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
}

int export_html(const climb_model *m, const packet_options *opt, FILE *out, long long now,
                char *err, size_t errlen)
{
    packet pk;
    if (packet_build(m, opt, now, &pk, err, errlen) != 0)
        return -1;
    lost = 0;
    put_head(out, &pk);
    if (pk.sections & (PACKET_CRITERIA | PACKET_EVIDENCE))
        put_phases(out, &pk);
    if (pk.sections & PACKET_REMAINING)
        put_remaining(out, &pk);
    if (pk.sections & PACKET_ROADBLOCKS)
        put_roadblocks(out, &pk);
    if (pk.sections & PACKET_PROGRESS)
        put_months(out, &pk);
    fputs("</body>\n</html>\n", out);
    packet_free(&pk);
    if (lost) {
        snprintf(err, errlen, "cannot write the HTML page: out of memory");
        return -1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        snprintf(err, errlen, "cannot write the HTML page");
        return -1;
    }
    return 0;
}
