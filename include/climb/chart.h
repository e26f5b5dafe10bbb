/* chart.h - a bar chart as lines of text: one bar per period, scaled so the
 * largest value fills the height, drawn with the block characters ▁▂▃▄▅▆▇█ (or
 * ASCII . : # when the terminal is not UTF-8), a labelled y axis (0 and the
 * largest value), period labels under the bars, an optional second label row
 * (the years) and an optional row of marks named in the label column (the quiz
 * placements). Also the month and year labels of a run of periods. Pure: no
 * curses, no database. */
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
    const char *const *years;   /* a second label row, one per bar (NULL: no row);
                                   the first label gives way to the next when they
                                   would touch */
    const char *const *marks;   /* a row of marks under the labels, one per bar
                                   (NULL: no row), each at most bar_width columns */
    const char *marks_label;    /* the marks row's name, shown whole in the label
                                   column, which widens to hold it */
} chart_spec;

typedef struct {
    char **lines;   /* height bar rows (top first), the x axis, the label row, then
                       the year row and the marks row when asked for */
    int n_lines;
    int axis_width; /* columns before the first bar (y labels and the axis) */
    int year_line;  /* index of the year row, or -1 */
    int marks_line; /* index of the marks row, or -1 */
} chart_text;

/* Eighths of the cell filled at `row` (0 = bottom) for value v when max fills
 * `height` rows: 0..8. A value above 0 always shows at least one eighth. */
int chart_fill(int v, int max, int height, int row);
/* The glyph of a cell filled `eighths` of 8 (" " for 0). */
const char *chart_cell(int eighths, int utf8);
/* The largest value (at least 1). */
int chart_max(const int *values, size_t n);

/* Columns the label column takes for values up to max and a marks row named
 * marks_label (may be NULL), the axis glyph included: where the first bar starts. */
int chart_axis_width(int max, const char *marks_label);

/* The axis labels of n periods from their keys ("2025-11" for a month, the
 * Monday "2025-12-29" for a week), oldest first: under each period its month
 * ("Nov") or, for weeks, its Monday ("12-29"); in the year row the year under
 * the first period and under the first period of every later year ("" under the
 * others), so every year shown is named once and no month reads as another
 * year's. */
void chart_period_labels(const char *const *keys, size_t n, int weekly, char (*month)[8],
                         char (*year)[8]);

/* Renders the chart. Returns 0, or -1 when out of memory. */
int chart_render(const chart_spec *spec, chart_text *out);
void chart_free(chart_text *c);

#endif
