/* test_draw_edges.c - the less travelled sides of draw.c on a real curses screen
 * (output to /dev/null): a key line with no room, no rows or no hints draws
 * nothing; one with more hints than the splitter holds still ends with its last
 * hint (it once lost them past 32 hints); plain (non-UTF-8) mode; a fill of no width changes nothing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/draw.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static char row_text[256];

static const char *row(int y)
{
    mvwinnstr(stdscr, y, 0, row_text, (int)sizeof row_text - 1);
    size_t n = strlen(row_text);
    while (n && row_text[n - 1] == ' ')
        row_text[--n] = '\0';
    return row_text;
}

static void test_hints_edges(void **state)
{
    (void)state;
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    assert_non_null(out);
    assert_non_null(in);
    SCREEN *s = newterm("xterm", out, in);
    assert_non_null(s);
    set_term(s);
    resizeterm(10, 80);
    draw_init();
    assert_int_equal(draw_utf8(), 0); /* the C locale */
    assert_int_equal(draw_hints(stdscr, 0, 0, 0, 1, "a x  b y", 0), 0);
    assert_int_equal(draw_hints(stdscr, 0, 0, 40, 0, "a x  b y", 0), 0);
    assert_int_equal(draw_hints(stdscr, 0, 0, 40, 1, NULL, 0), 0);
    assert_int_equal(draw_hints(stdscr, 0, 0, 40, 1, "   ", 0), 0);
    assert_string_equal(row(0), "");
    char many[512] = "";
    for (int i = 0; i < 40; i++) {
        char one[16];
        snprintf(one, sizeof one, "%s%c", i ? "  " : "", 'A' + (i % 26));
        strcat(many, one);
    }
    assert_int_equal(draw_hints(stdscr, 1, 0, 20, 1, many, 0), 1);
    /* more hints than the splitter holds: the last two (M, N) still stay */
    assert_string_equal(row(1), "A  B  C  D  ~  M  N");
    assert_true(draw_hints_rows(many, 20) > 1);
    draw_fill(stdscr, 1, 0, 0, 0);
    endwin();
    delscreen(s);
    fclose(out);
    fclose(in);
}

int main(void)
{
    setlocale(LC_ALL, "C");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hints_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
