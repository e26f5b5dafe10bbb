/* export_md.c - the Markdown page for a promotion packet: title and placement, a
 * checklist per phase with dates and evidence notes, what remains for the next
 * level, the roadblocks flagged and progress by month. Output is CommonMark; all
 * text that comes from the person or the ladder goes through text_visible (no
 * control character reaches the file raw) and has its ASCII punctuation
 * backslash-escaped so it can never turn into markup. */
#include "climb/export.h"
#include "climb/clock.h"
#include "climb/ladder_text.h"
#include "climb/store_snapshot.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

/* Characters that are markup anywhere in a line (| for GFM tables, ~ for GFM
 * strikethrough, & for entities). */
static const char INLINE_MARKUP[] = "\\`*_[]<>&|~";

/* Writes the start of a line of s: leading blanks dropped and, when the line could
 * open a block (list, heading, quote, setext underline, thematic break), the
 * character that would do so escaped. Returns where the rest begins. */
static const char *md_line_start(FILE *out, const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p < end && strchr("-+=#>", *p) && *p) {
        fputc('\\', out);
        fputc(*p++, out);
        return p;
    }
    const char *d = p;
    while (d < end && *d >= '0' && *d <= '9')
        d++;
    if (d > p && d < end && (*d == '.' || *d == ')')) {
        fwrite(p, 1, (size_t)(d - p), out);
        fputc('\\', out);
        fputc(*d, out);
        return d + 1;
    }
    return p;
}

/* Writes s as inline text: control characters made visible, markup characters
 * escaped, line breaks as hard breaks followed by `indent` (blank lines collapse
 * into one); leading and trailing blanks are dropped. */
static void md_escaped(FILE *out, const char *raw, const char *indent, const char *extra)
{
    char *safe = text_visible(raw, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
    if (!safe) {
        fputs("?", out);
        return;
    }
    const char *s = safe;
    const char *end = s + strlen(s);
    while (s < end && strchr(" \t\r\n", *s))
        s++;
    while (end > s && strchr(" \t\r\n", end[-1]))
        end--;
    const char *p = md_line_start(out, s, end);
    for (; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\r' || c == '\n') {
            while (p + 1 < end && strchr(" \t\r\n", p[1]))
                p++;
            fprintf(out, "\\\n%s", indent);
            p = md_line_start(out, p + 1, end) - 1;
        } else if (c < 0x20 || c == 0x7F) {
            fputc(' ', out);
        } else if (c < 0x80 && (strchr(INLINE_MARKUP, c) || strchr(extra, c))) {
            fputc('\\', out);
            fputc(c, out);
        } else {
            fputc(c, out);
        }
    }
    free(safe);
}

static void md_text(FILE *out, const char *s, const char *indent)
{
    md_escaped(out, s, indent, "");
}

/* Text in a heading, where a trailing run of # would close it. */
static void md_heading(FILE *out, const char *s)
{
    md_escaped(out, s, "", "#");
}

static void md_date(FILE *out, long long t)
{
    char buf[16];
    clock_format_local_date(t, buf, sizeof buf);
    fputs(buf, out);
}

static const char *level_name(const climb_ladder *l, const char *id)
{
    const climb_level *lv = id ? content_level(l, id) : NULL;
    return lv ? lv->name : id;
}

typedef struct {
    int found;
    long long taken_at;
    int phase, on_edge_of;
} last_quiz;

static int keep_last_quiz(void *ctx, const snap_quiz *q)
{
    last_quiz *lq = ctx;
    lq->found = 1;
    lq->taken_at = q->taken_at;
    lq->phase = q->phase;
    lq->on_edge_of = q->on_edge_of;
    return 0;
}

static void put_header(const climb_model *m, FILE *out, long long now)
{
    const climb_ladder *l = m->ladder;
    last_quiz lq = {0, 0, 0, 0};
    fputs("# Career progress: ", out);
    md_heading(out, m->profile.name);
    fputs("\n\n", out);
    md_text(out, l->name, "");
    fputs(" (climb snapshot of ", out);
    md_date(out, now);
    fputs(")\n\n- **Title:** ", out);
    if (m->profile.title)
        md_text(out, level_name(l, m->profile.title), "  ");
    else
        fputs("not set", out);
    fputs("\n- **Placement:** ", out);
    snap_quiz_each(m->store, m->profile.id, keep_last_quiz, &lq);
    const climb_band *band = NULL;
    for (size_t i = 0; lq.found && i < l->n_bands; i++)
        if (l->bands[i].phase == lq.phase && l->bands[i].on_edge_of == lq.on_edge_of)
            band = &l->bands[i];
    if (!lq.found) {
        fputs("no placement quiz taken", out);
    } else {
        if (band)
            md_text(out, band->label, "  ");
        else
            fprintf(out, "Phase %d", lq.phase);
        fputs(" (quiz of ", out);
        md_date(out, lq.taken_at);
        fputs(")", out);
    }
    char reach[128];
    ladder_progress(l, model_progress_level(m), model_progress_operating(m), reach, sizeof reach);
    fputs("\n- **Ticks reach:** ", out);
    md_text(out, reach, "  ");
    fputs("\n", out);
}

static void put_criterion(const climb_model *m, FILE *out, size_t p, size_t i)
{
    const climb_criterion *c = &m->ladder->phases[p].criteria[i];
    const model_crit *mc = model_crit_at(m, p, i);
    static const char *const BOX[] = {"[ ]", "[ ]", "[x]", "[-]"};
    fprintf(out, "- %s ", BOX[mc->state]);
    md_text(out, c->text, "  ");
    if (mc->state == STATE_DONE) {
        fputs(" (done ", out);
        md_date(out, mc->done_at);
        fputs(")", out);
    } else if (mc->state == STATE_DOING) {
        fputs(" (in progress)", out);
    } else if (mc->state == STATE_NA) {
        fputs(" (does not apply", out);
        if (mc->reason) {
            fputs(": ", out);
            md_text(out, mc->reason, "  ");
        }
        fputs(")", out);
    }
    if (mc->note) {
        fputs("\\\n  *Evidence", out);
        if (mc->note_at) {
            fputs(", ", out);
            md_date(out, mc->note_at);
        }
        fputs(":* ", out);
        md_text(out, mc->note, "  ");
    }
    fputs("\n", out);
}

static void put_phases(const climb_model *m, FILE *out)
{
    const climb_ladder *l = m->ladder;
    for (size_t p = 0; p < l->n_phases; p++) {
        const climb_phase *ph = &l->phases[p];
        int done, applicable;
        model_phase_counts(m, p, &done, &applicable);
        fprintf(out, "\n## Phase %d: ", ph->number);
        md_heading(out, ph->title);
        fputs("\n\n", out);
        char step[160];
        ladder_phase_step(l, ph, step, sizeof step);
        md_text(out, step, "");
        fprintf(out, ": %d of %d met.\n\n", done, applicable);
        for (size_t i = 0; i < ph->n_criteria; i++)
            put_criterion(m, out, p, i);
    }
}

static void put_remaining(const climb_model *m, FILE *out)
{
    const climb_ladder *l = m->ladder;
    int level = model_progress_level(m);
    size_t p = 0;
    while (p < l->n_phases && content_level_index(l, l->phases[p].level) != level)
        p++;
    if (model_progress_operating(m)) /* every phase met, the last one operating */
        p = l->n_phases;
    fputs("\n## What remains", out);
    if (p == l->n_phases) {
        fputs("\n\nEvery criterion of the ladder is met.\n", out);
        return;
    }
    fputs(" for ", out);
    if (l->phases[p].operating)
        fputs("operating at ", out);
    md_heading(out, level_name(l, l->phases[p].operating ? l->phases[p].level
                                                          : l->phases[p].next_level));
    fputs("\n\n", out);
    for (size_t i = 0; i < l->phases[p].n_criteria; i++) {
        const model_crit *mc = model_crit_at(m, p, i);
        if (mc->state == STATE_DONE || mc->state == STATE_NA)
            continue;
        fputs("- ", out);
        md_text(out, l->phases[p].criteria[i].text, "  ");
        fprintf(out, " (`%s`)\n", l->phases[p].criteria[i].id);
    }
}

typedef struct {
    const climb_ladder *ladder;
    FILE *out;
    int any;
} flag_list;

static int put_flag(void *ctx, const snap_flag *f)
{
    flag_list *fl = ctx;
    const climb_roadblock *rb = NULL;
    for (size_t i = 0; i < fl->ladder->n_roadblocks; i++)
        if (strcmp(fl->ladder->roadblocks[i].id, f->roadblock_id) == 0)
            rb = &fl->ladder->roadblocks[i];
    fputs("- **", fl->out);
    md_text(fl->out, rb ? rb->title : f->roadblock_id, "  ");
    fputs("** (flagged ", fl->out);
    md_date(fl->out, f->flagged_at);
    fputs(")", fl->out);
    if (rb) {
        fputs("\\\n  *What unlocks it:* ", fl->out);
        md_text(fl->out, rb->unlock, "  ");
    }
    fputs("\n", fl->out);
    fl->any = 1;
    return 0;
}

/* Progress by month: replays the state and note events. */
typedef struct {
    const climb_model *m;
    FILE *out;
    unsigned char *done;   /* per criterion of the model: 1 when done */
    int n_done;
    char month[8];         /* "YYYY-MM" being counted; "" before the first */
    int ticked, unticked, notes;
} month_table;

static void flush_month(month_table *mt)
{
    if (mt->month[0])
        fprintf(mt->out, "| %s | %d | %d | %d | %d |\n", mt->month, mt->ticked, mt->unticked,
                mt->notes, mt->n_done);
    mt->ticked = mt->unticked = mt->notes = 0;
}

static int month_event(void *ctx, const snap_event *e)
{
    month_table *mt = ctx;
    int is_state = strcmp(e->kind, "state") == 0, is_note = strcmp(e->kind, "note") == 0;
    size_t p, i;
    if ((!is_state && !is_note) || !e->item || model_find(mt->m, e->item, &p, &i) != 0)
        return 0;
    char month[32];
    clock_format_local_date(e->at, month, sizeof month);
    month[7] = '\0';
    if (strcmp(month, mt->month) != 0) {
        flush_month(mt);
        memcpy(mt->month, month, 8);
    }
    if (is_note) {
        mt->notes += e->value != NULL;
        return 0;
    }
    size_t k = mt->m->first[p] + i;
    int now_done = e->value && strcmp(e->value, "done") == 0;
    if (now_done && !mt->done[k]) {
        mt->ticked++;
        mt->n_done++;
    } else if (!now_done && mt->done[k]) {
        mt->unticked++;
        mt->n_done--;
    }
    mt->done[k] = (unsigned char)now_done;
    return 0;
}

static int put_months(const climb_model *m, FILE *out)
{
    month_table mt;
    memset(&mt, 0, sizeof mt);
    mt.m = m;
    mt.out = out;
    mt.done = calloc(m->n_crit ? m->n_crit : 1, 1);
    if (!mt.done)
        return -1;
    fputs("\n## Progress by month\n\n"
          "| Month | Ticked | Unticked | Notes added | Met at month end |\n"
          "| --- | ---: | ---: | ---: | ---: |\n",
          out);
    int rc = snap_events_each(m->store, m->profile.id, NULL, month_event, &mt);
    flush_month(&mt);
    free(mt.done);
    return rc < 0 ? -1 : 0;
}

int export_md(const climb_model *m, FILE *out, long long now, char *err, size_t errlen)
{
    put_header(m, out, now);
    put_phases(m, out);
    put_remaining(m, out);
    fputs("\n## Roadblocks flagged\n\n", out);
    flag_list fl = {m->ladder, out, 0};
    int rc = snap_flags_each(m->store, m->profile.id, put_flag, &fl);
    if (rc == 0 && !fl.any)
        fputs("None flagged.\n", out);
    if (rc == 0)
        rc = put_months(m, out);
    if (rc != 0) {
        snprintf(err, errlen, "%s", store_error(m->store));
        return -1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        snprintf(err, errlen, "cannot write the Markdown page");
        return -1;
    }
    return 0;
}
