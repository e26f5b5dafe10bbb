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
    chart_spec s = {values, 4, labels, 2, 3, 1};
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
    chart_spec s = {values, 2, NULL, 1, 1, 0};
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
    chart_spec s = {values, 4, labels, 1, 2, 1};
    chart_text c;
    assert_int_equal(chart_render(&s, &c), 0);
    /* bars are 2 columns apart: every label after the first would collide until
     * the one 6 columns on */
    assert_string_equal(c.lines[2], "  12-29 01-19");
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
