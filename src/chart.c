/* chart.c - bar charts as text: scaling values to eighths of a cell, picking block
 * or ASCII glyphs, and laying out the axes and labels. */
#include "climb/chart.h"

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

int chart_render(const chart_spec *sp, chart_text *out)
{
    memset(out, 0, sizeof *out);
    int max = chart_max(sp->values, sp->n), h = sp->height > 0 ? sp->height : 1;
    int bw = sp->bar_width > 0 ? sp->bar_width : 1, bar = bw > 1 ? bw - 1 : 1;
    char top[16];
    snprintf(top, sizeof top, "%d", max);
    int lw = (int)strlen(top);
    out->axis_width = lw + 1;
    out->n_lines = h + 2;
    out->lines = calloc((size_t)out->n_lines, sizeof *out->lines);
    /* Widest line: the label, the axis glyph, then 3 bytes per column at most. */
    size_t cap = (size_t)lw + 4 + sp->n * (size_t)bw * 3 + 64;
    for (int i = 0; out->lines && i < out->n_lines; i++)
        if (!(out->lines[i] = malloc(cap)))
            return chart_free(out), -1;
    if (!out->lines)
        return -1;
    for (int r = 0; r < h; r++) {
        char *line = out->lines[r];
        size_t used = 0;
        line[0] = '\0';
        char label[16];
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
    char zero[16];
    snprintf(zero, sizeof zero, "%*d", lw, 0);
    put(axis, &used, zero);
    put(axis, &used, sp->utf8 ? "└" : "+");
    for (size_t k = 0; k < sp->n * (size_t)bw; k++)
        put(axis, &used, sp->utf8 ? "─" : "-");
    /* Labels: each under its bar when it does not run into the previous one. */
    char *lab = out->lines[h + 1];
    size_t col = 0, width = (size_t)out->axis_width + sp->n * (size_t)bw;
    memset(lab, ' ', width);
    lab[width] = '\0';
    for (size_t b = 0; sp->labels && b < sp->n; b++) {
        const char *l = sp->labels[b];
        size_t at = (size_t)out->axis_width + b * (size_t)bw;
        if (!l || !*l || at < col || at + strlen(l) > width + 4)
            continue;
        size_t n = strlen(l);
        if (at + n > width) {
            memset(lab + width, ' ', at + n - width);
            width = at + n;
            lab[width] = '\0';
        }
        memcpy(lab + at, l, n);
        col = at + n + 1;
    }
    while (width > 0 && lab[width - 1] == ' ')
        lab[--width] = '\0';
    return 0;
}
