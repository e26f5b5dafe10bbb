/* chart.h - a bar chart as lines of text: one bar per period, scaled so the
 * largest value fills the height, drawn with the block characters ▁▂▃▄▅▆▇█ (or
 * ASCII . : # when the terminal is not UTF-8), a labelled y axis (0 and the
 * largest value) and period labels under the bars. Pure: no curses, no database. */
#ifndef CLIMB_CHART_H
#define CLIMB_CHART_H

#include <stddef.h>

typedef struct {
    const int *values;          /* one per bar, oldest first; negative counts as 0 */
    size_t n;
    const char *const *labels;  /* one per bar (may be NULL or hold NULLs): shown
                                   under the bar when there is room */
    int height;                 /* rows of bars, >= 1 */
    int bar_width;              /* columns per bar including a one-column gap when > 1 */
    int utf8;
} chart_spec;

typedef struct {
    char **lines;   /* height bar rows (top first), the x axis, the label row */
    int n_lines;
    int axis_width; /* columns before the first bar (y labels and the axis) */
} chart_text;

/* Eighths of the cell filled at `row` (0 = bottom) for value v when max fills
 * `height` rows: 0..8. A value above 0 always shows at least one eighth. */
int chart_fill(int v, int max, int height, int row);
/* The glyph of a cell filled `eighths` of 8 (" " for 0). */
const char *chart_cell(int eighths, int utf8);
/* The largest value (at least 1). */
int chart_max(const int *values, size_t n);

/* Renders the chart. Returns 0, or -1 when out of memory. */
int chart_render(const chart_spec *spec, chart_text *out);
void chart_free(chart_text *c);

#endif
