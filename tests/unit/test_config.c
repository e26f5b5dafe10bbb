/* test_config.c - the config file parser (values, the line each came from, errors
 * at FILE:LINE:COL that leave the defaults) and the key table it edits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/config.h"
#include "climb/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses text, returning the error count and the messages in errs. */
static int parse(climb_config *c, const char *text, char *errs, size_t len)
{
    FILE *f = fmemopen(errs, len, "w");
    assert_non_null(f);
    config_defaults(c);
    int bad = config_parse(c, "rc", text, f);
    fclose(f);
    return bad;
}

static void test_settings_and_their_lines(void **state)
{
    (void)state;
    climb_config c;
    char errs[1024] = "";
    const char *text = "# comment\n"
                       "set theme = light\n"
                       "  set start-phase = 3   # trailing comment\n"
                       "set editor = \"vim -n\"\n"
                       "color heading blue default bold underline\n"
                       "color done color123 0\n";
    assert_int_equal(parse(&c, text, errs, sizeof errs), 0);
    assert_int_equal(c.theme, THEME_LIGHT);
    assert_int_equal(c.theme_line, 2);
    assert_int_equal(c.start_phase, 3);
    assert_int_equal(c.start_phase_line, 3);
    assert_string_equal(c.editor, "vim -n");
    assert_int_equal(c.colors[ST_HEADING].fg, 4);
    assert_int_equal(c.colors[ST_HEADING].bg, -1);
    assert_int_equal(c.colors[ST_HEADING].attrs, CFG_BOLD | CFG_UNDERLINE);
    assert_int_equal(c.colors[ST_DONE].fg, 123);
    assert_int_equal(c.colors[ST_DONE].line, 6);
    assert_int_equal(c.colors[ST_MARK].line, 0);
}

static void test_errors_name_line_and_column(void **state)
{
    (void)state;
    climb_config c;
    char errs[2048] = "";
    const char *text = "set theme = neon\n"
                       "set stale-months = 0\n"
                       "bind main Up sideways\n"
                       "bind list j down\n"
                       "color titlebar red blue\n"
                       "paint it black\n"
                       "set editor = \"unclosed\n"
                       "set start-phase = 2\n";
    assert_int_equal(parse(&c, text, errs, sizeof errs), 7);
    assert_non_null(strstr(errs, "rc:1:13: unknown theme 'neon'"));
    assert_non_null(strstr(errs, "rc:2:20: stale-months is 1 to 120, not '0'"));
    assert_non_null(strstr(errs, "rc:3:14: unknown action 'sideways'"));
    assert_non_null(strstr(errs, "rc:4:6: unknown view 'list'"));
    assert_non_null(strstr(errs, "rc:5:7: unknown area 'titlebar'"));
    assert_non_null(strstr(errs, "rc:6:1: unknown command 'paint'"));
    assert_non_null(strstr(errs, "rc:7:14: a quote is not closed"));
    /* the defaults stay for the bad lines; the good one still counts */
    assert_int_equal(c.theme, THEME_DEFAULT);
    assert_int_equal(c.stale_months, 0);
    assert_int_equal(c.n_binds, 0);
    assert_int_equal(c.start_phase, 2);
}

static void test_keys_parse_and_bind(void **state)
{
    (void)state;
    int code, is_char;
    char name[24], keys[64];
    assert_int_equal(keymap_parse_key("Ctrl-x", &code, &is_char, name, sizeof name), 0);
    assert_int_equal(code, 24);
    assert_string_equal(name, "Ctrl-X");
    assert_int_equal(keymap_parse_key("F5", &code, &is_char, name, sizeof name), 0);
    assert_int_equal(code, KEY_F(5));
    assert_false(is_char);
    assert_int_equal(keymap_parse_key("Hyper-Q", &code, &is_char, name, sizeof name), -1);
    action a;
    assert_int_equal(keymap_action_named("page-down", &a), 0);
    assert_int_equal(a, ACT_PAGE_DOWN);
    keymap_reset();
    assert_int_equal(keymap_bind('J', 1, "J", ACT_DOWN), 0);
    assert_int_equal(keymap_bind('q', 1, "q", ACT_NONE), 0);
    assert_int_equal(keymap_bind('j', 1, "j", ACT_QUIT), 0);
    assert_int_equal(keymap_action('J', 1), ACT_DOWN);
    assert_int_equal(keymap_action('q', 1), ACT_NONE);
    assert_int_equal(keymap_action('j', 1), ACT_QUIT);
    keymap_keys(ACT_DOWN, keys, sizeof keys);
    assert_string_equal(keys, "Down J");
    keymap_keys(ACT_QUIT, keys, sizeof keys);
    assert_string_equal(keys, "Ctrl-C j"); /* Ctrl-C quits too, by default */
    keymap_reset();
    assert_int_equal(keymap_action('q', 1), ACT_QUIT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_settings_and_their_lines),
        cmocka_unit_test(test_errors_name_line_and_column),
        cmocka_unit_test(test_keys_parse_and_bind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
