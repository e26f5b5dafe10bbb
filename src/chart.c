/* chart.c - bar charts as text: scaling values to eighths of a cell, picking block
 * or ASCII glyphs, and laying out the axes, the month and year labels and a named
 * row of marks. */
#include "climb/chart.h"
#include "climb/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const BLOCKS[9] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
static const char *const ASCII[9] = {" ", ".", ".", ":", ":", ":", "#", "#", "#"};

int chart_max(const int *values, size_t n)
{
    int max = 1;
    for (size_t i = 0; i < n; i++)
        if (values[i] > max)
            max = values[i];
    return max;
}

int chart_fill(int v, int max, int height, int row)
{
    if (v <= 0 || max <= 0 || height <= 0)
        return 0;
    long long total = ((long long)v * height * 8 * 2 + max) / (2LL * max); /* rounded */
    if (total < 1)
        total = 1;
    long long fill = total - (long long)row * 8;
    return fill <= 0 ? 0 : fill >= 8 ? 8 : (int)fill;
}

const char *chart_cell(int eighths, int utf8)
{
    if (eighths < 0)
        eighths = 0;
    if (eighths > 8)
        eighths = 8;
    return utf8 ? BLOCKS[eighths] : ASCII[eighths];
}

void chart_free(chart_text *c)
{
    for (int i = 0; c->lines && i < c->n_lines; i++)
        free(c->lines[i]);
    free(c->lines);
    memset(c, 0, sizeof *c);
}

/* Appends s to the line being built (buf has room: sized from the spec). */
static void put(char *buf, size_t *used, const char *s)
{
    size_t n = strlen(s);
    memcpy(buf + *used, s, n);
    *used += n;
    buf[*used] = '\0';
}

int chart_axis_width(int max, const char *marks_label)
{
    char top[16];
    int lw = snprintf(top, sizeof top, "%d", max > 0 ? max : 1);
    int mw = marks_label ? text_width(marks_label) : 0;
    return (mw > lw ? mw : lw) + 1;
}

void chart_period_labels(const char *const *keys, size_t n, int weekly, char (*month)[8],
                         char (*year)[8])
{
    static const char *const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (size_t i = 0; i < n; i++) {
        const char *k = keys[i];
        int m = atoi(k + 5);
        if (weekly)
            snprintf(month[i], sizeof month[i], "%.5s", k + 5);
        else
            snprintf(month[i], sizeof month[i], "%s", MONTHS[(m + 11) % 12]);
        int new_year = i == 0 || strncmp(keys[i - 1], k, 4) != 0;
        snprintf(year[i], sizeof year[i], "%.4s", new_year ? k : "");
    }
}

/* Writes a row of labels, each under its bar from column `axis` when it does not
 * touch the label before it (with first_yields, the first label is left out when
 * it would touch the next one, which marks a change). ASCII labels only. Returns
 * the row's width. */
static size_t label_row(char *lab, size_t width, const char *const *labels, size_t n,
                        size_t axis, size_t bw, int first_yields)
{
    size_t col = 0;
    memset(lab, ' ', width);
    lab[width] = '\0';
    for (size_t b = 0; labels && b < n; b++) {
        const char *l = labels[b];
        size_t at = axis + b * bw;
        if (!l || !*l || at < col || at + strlen(l) > width + 4)
            continue;
        size_t len = strlen(l);
        if (first_yields && b == 0) {
            size_t next = 1;
            while (next < n && (!labels[next] || !*labels[next]))
                next++;
            if (next < n && axis + next * bw < at + len + 1)
                continue;
        }
        if (at + len > width) {
            memset(lab + width, ' ', at + len - width);
            width = at + len;
            lab[width] = '\0';
        }
        memcpy(lab + at, l, len);
        col = at + len + 1;
    }
    while (width > 0 && lab[width - 1] == ' ')
        lab[--width] = '\0';
    return width;
}

/* The marks row: its name right-aligned in the label column, then each mark
 * padded to the bar width. */
static void marks_row(char *line, const chart_spec *sp, int lw, int bw)
{
    size_t used = 0;
    line[0] = '\0';
    int mw = sp->marks_label ? text_width(sp->marks_label) : 0;
    for (int k = mw; k < lw; k++)
        put(line, &used, " ");
    put(line, &used, sp->marks_label ? sp->marks_label : "");
    put(line, &used, " ");
    for (size_t b = 0; b < sp->n; b++) {
        const char *m = sp->marks[b] ? sp->marks[b] : "";
        int w = text_width(m);
        if (w > bw)
            m = "", w = 0;
        put(line, &used, m);
        for (int k = w; k < bw; k++)
            put(line, &used, " ");
    }
    while (used > 0 && line[used - 1] == ' ')
        line[--used] = '\0';
}

int chart_render(const chart_spec *sp, chart_text *out)
{
    memset(out, 0, sizeof *out);
    out->year_line = out->marks_line = -1;
    int max = chart_max(sp->values, sp->n), h = sp->height > 0 ? sp->height : 1;
    int bw = sp->bar_width > 0 ? sp->bar_width : 1, bar = bw > 1 ? bw - 1 : 1;
    char top[16];
    snprintf(top, sizeof top, "%d", max);
    out->axis_width = chart_axis_width(max, sp->marks ? sp->marks_label : NULL);
    int lw = out->axis_width - 1;
    out->n_lines = h + 2;
    if (sp->years)
        out->year_line = out->n_lines++;
    if (sp->marks)
        out->marks_line = out->n_lines++;
    out->lines = calloc((size_t)out->n_lines, sizeof *out->lines);
    /* Widest line: the label, the axis glyph, then 3 bytes per column at most. */
    size_t cap = (size_t)lw + 4 + sp->n * (size_t)bw * 3 + 64;
    if (sp->marks_label)
        cap += strlen(sp->marks_label);
    /* GCOVR_EXCL_START: calloc and malloc fail only when out of memory */
    for (int i = 0; out->lines && i < out->n_lines; i++)
        if (!(out->lines[i] = malloc(cap)))
            return chart_free(out), -1;
    if (!out->lines)
        return -1;
    /* GCOVR_EXCL_STOP */
    for (int r = 0; r < h; r++) {
        char *line = out->lines[r];
        size_t used = 0;
        line[0] = '\0';
        char label[32];
        snprintf(label, sizeof label, "%*s", lw, r == 0 ? top : "");
        put(line, &used, label);
        put(line, &used, r == 0 ? (sp->utf8 ? "┤" : "+") : (sp->utf8 ? "│" : "|"));
        for (size_t b = 0; b < sp->n; b++) {
            const char *cell = chart_cell(chart_fill(sp->values[b], max, h, h - 1 - r), sp->utf8);
            for (int k = 0; k < bar; k++)
                put(line, &used, cell);
            if (bw > 1)
                put(line, &used, " ");
        }
    }
    char *axis = out->lines[h];
    size_t used = 0;
    axis[0] = '\0';
    char zero[32];
    snprintf(zero, sizeof zero, "%*d", lw, 0);
    put(axis, &used, zero);
    put(axis, &used, sp->utf8 ? "└" : "+");
    for (size_t k = 0; k < sp->n * (size_t)bw; k++)
        put(axis, &used, sp->utf8 ? "─" : "-");
    size_t width = (size_t)out->axis_width + sp->n * (size_t)bw;
    label_row(out->lines[h + 1], width, sp->labels, sp->n, (size_t)out->axis_width, (size_t)bw,
              0);
    if (sp->years)
        label_row(out->lines[out->year_line], width, sp->years, sp->n,
                  (size_t)out->axis_width, (size_t)bw, 1);
    if (sp->marks)
        marks_row(out->lines[out->marks_line], sp, lw, bw);
    return 0;
}
