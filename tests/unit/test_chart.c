/* test_chart.c - unit tests of the text bar chart: scaling to eighths, glyphs in
 * UTF-8 and ASCII, the axes and labels as a person sees them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "climb/chart.h"

static void fill_scales_to_eighths(void **state)
{
    (void)state;
    /* max 4 on 2 rows: 16 eighths; value 1 is 4 eighths (half a cell) */
    assert_int_equal(chart_fill(1, 4, 2, 0), 4);
    assert_int_equal(chart_fill(1, 4, 2, 1), 0);
    assert_int_equal(chart_fill(3, 4, 2, 0), 8);
    assert_int_equal(chart_fill(3, 4, 2, 1), 4);
    assert_int_equal(chart_fill(4, 4, 2, 1), 8);
    assert_int_equal(chart_fill(0, 4, 2, 0), 0);
    /* a tiny value still shows */
    assert_int_equal(chart_fill(1, 1000, 1, 0), 1);
    assert_int_equal(chart_fill(-3, 4, 2, 0), 0);
    /* no scale or no rows: nothing to fill */
    assert_int_equal(chart_fill(1, 0, 2, 0), 0);
    assert_int_equal(chart_fill(1, 4, 0, 0), 0);
    /* an empty chart frees cleanly */
    chart_text empty;
    memset(&empty, 0, sizeof empty);
    chart_free(&empty);
    assert_null(empty.lines);
    assert_int_equal(chart_max((int[]){0, 0}, 2), 1);
}

static void glyphs(void **state)
{
    (void)state;
    assert_string_equal(chart_cell(0, 1), " ");
    assert_string_equal(chart_cell(1, 1), "▁");
    assert_string_equal(chart_cell(4, 1), "▄");
    assert_string_equal(chart_cell(8, 1), "█");
    assert_string_equal(chart_cell(8, 0), "#");
    assert_string_equal(chart_cell(1, 0), ".");
    assert_string_equal(chart_cell(9, 1), "█");
}

static void renders_bars_axes_and_labels(void **state)
{
    (void)state;
    int values[] = {0, 1, 2, 4};
    const char *labels[] = {"Jan", "Feb", NULL, "Apr"};
    chart_spec s = {values, 4, labels, 2, 3, 1, NULL, NULL, NULL};
    chart_text c;
    assert_int_equal(chart_render(&s, &c), 0);
    assert_int_equal(c.n_lines, 4);
    assert_int_equal(c.axis_width, 2);
    assert_string_equal(c.lines[0], "4┤         ██ ");
    assert_string_equal(c.lines[1], " │   ▄▄ ██ ██ ");
    assert_string_equal(c.lines[2], "0└────────────");
    /* "Feb" would touch "Jan": left out; the bar without a label gets none */
    assert_string_equal(c.lines[3], "  Jan      Apr");
    chart_free(&c);
}

static void renders_ascii(void **state)
{
    (void)state;
    int values[] = {2, 1};
    chart_spec s = {values, 2, NULL, 1, 1, 0, NULL, NULL, NULL};
    chart_text c;
    assert_int_equal(chart_render(&s, &c), 0);
    assert_string_equal(c.lines[0], "2+#:");
    assert_string_equal(c.lines[1], "0+--");
    assert_string_equal(c.lines[2], "");
    chart_free(&c);
}

static void labels_never_overlap(void **state)
{
    (void)state;
    int values[] = {1, 1, 1, 1};
    const char *labels[] = {"12-29", "01-05", "01-12", "01-19"};
    chart_spec s = {values, 4, labels, 1, 2, 1, NULL, NULL, NULL};
    chart_text c;
    assert_int_equal(chart_render(&s, &c), 0);
    /* bars are 2 columns apart: every label after the first would collide until
     * the one 6 columns on */
    assert_string_equal(c.lines[2], "  12-29 01-19");
    chart_free(&c);
}

/* Months Nov 2025 to Mar 2026: every month named, the year row names 2025 under
 * Nov (the first shown) and 2026 under Jan, nothing else. */
static void month_and_year_axis(void **state)
{
    (void)state;
    const char *keys[] = {"2025-11", "2025-12", "2026-01", "2026-02", "2026-03"};
    char month[5][8], year[5][8];
    chart_period_labels(keys, 5, 0, month, year);
    const char *want_m[] = {"Nov", "Dec", "Jan", "Feb", "Mar"};
    const char *want_y[] = {"2025", "", "2026", "", ""};
    for (int i = 0; i < 5; i++) {
        assert_string_equal(month[i], want_m[i]);
        assert_string_equal(year[i], want_y[i]);
    }
    int values[] = {1, 2, 3, 4, 4};
    const char *lp[5], *yp[5], *marks[] = {"·", "·", "3", "·", "3+"};
    for (int i = 0; i < 5; i++)
        lp[i] = month[i], yp[i] = year[i];
    chart_spec s = {values, 5, lp, 1, 5, 1, yp, marks, "quiz"};
    chart_text c;
    assert_int_equal(chart_render(&s, &c), 0);
    assert_int_equal(c.n_lines, 5);
    assert_int_equal(c.axis_width, 5);
    assert_int_equal(c.year_line, 3);
    assert_int_equal(c.marks_line, 4);
    assert_string_equal(c.lines[0], "   4┤▂▂▂▂ ▄▄▄▄ ▆▆▆▆ ████ ████ ");
    assert_string_equal(c.lines[2], "     Nov  Dec  Jan  Feb  Mar");
    assert_string_equal(c.lines[3], "     2025      2026");
    /* the label column is as wide as "quiz": the name is whole */
    assert_string_equal(c.lines[4], "quiz ·    ·    3    ·    3+");
    chart_free(&c);
}

/* A run that starts in December: the first year still fits when bars are 5
 * wide; at 2 columns a week the first year gives way to the next one. */
static void year_row_gives_way(void **state)
{
    (void)state;
    const char *months[] = {"2025-12", "2026-01"};
    char month[2][8], year[2][8];
    chart_period_labels(months, 2, 0, month, year);
    const char *yp[] = {year[0], year[1]}, *lp[] = {month[0], month[1]};
    int values[] = {1, 1};
    chart_spec s = {values, 2, lp, 1, 5, 1, yp, NULL, NULL};
    chart_text c;
    assert_int_equal(chart_render(&s, &c), 0);
    assert_int_equal(c.marks_line, -1);
    assert_string_equal(c.lines[2], "  Dec  Jan");
    assert_string_equal(c.lines[3], "  2025 2026");
    chart_free(&c);
    const char *weeks[] = {"2025-12-22", "2025-12-29", "2026-01-05", "2026-01-12"};
    char wm[4][8], wy[4][8];
    chart_period_labels(weeks, 4, 1, wm, wy);
    assert_string_equal(wm[1], "12-29");
    assert_string_equal(wy[0], "2025");
    assert_string_equal(wy[1], "");
    assert_string_equal(wy[2], "2026");
    const char *wyp[] = {wy[0], wy[1], wy[2], wy[3]};
    int wv[] = {1, 1, 1, 1};
    chart_spec ws = {wv, 4, NULL, 1, 2, 1, wyp, NULL, NULL};
    assert_int_equal(chart_render(&ws, &c), 0);
    assert_string_equal(c.lines[3], "      2026");
    chart_free(&c);
}

/* The marks row under a tall axis: a short name is right-aligned in the label
 * column, a mark wider than its bar is left out, a missing mark is blank; with no
 * name the column is blank. */
static void marks_row_fits_the_bars(void **state)
{
    (void)state;
    int values[] = {1000, 0, 500};
    const char *lp[] = {"a", "b", "c"}, *marks[] = {"3+x", NULL, "2"};
    chart_spec s = {values, 3, lp, 1, 2, 0, NULL, marks, "q"};
    chart_text c;
    assert_int_equal(chart_render(&s, &c), 0);
    assert_int_equal(c.axis_width, 5);
    assert_int_equal(c.marks_line, 3);
    assert_string_equal(c.lines[3], "   q     2");
    chart_free(&c);
    s.marks_label = NULL;
    assert_int_equal(chart_render(&s, &c), 0);
    assert_int_equal(c.axis_width, 5);
    assert_string_equal(c.lines[c.marks_line], "         2");
    chart_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fill_scales_to_eighths),
        cmocka_unit_test(glyphs),
        cmocka_unit_test(renders_bars_axes_and_labels),
        cmocka_unit_test(renders_ascii),
        cmocka_unit_test(labels_never_overlap),
        cmocka_unit_test(month_and_year_axis),
        cmocka_unit_test(year_row_gives_way),
        cmocka_unit_test(marks_row_fits_the_bars),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
