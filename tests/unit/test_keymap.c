/* test_keymap.c - the key names a person may write in the config file (bind
 * main KEY ACTION): every form keymap_parse_key reads, and the near misses it
 * refuses, with the code, the kind of key and the name help shows; action names
 * read case-insensitively; binding until the table is full. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *text;
    int code, is_char;
    const char *shown;
} key_case;

static void test_every_form_of_key(void **state)
{
    (void)state;
    static const key_case ok[] = {
        {"Up", KEY_UP, 0, "Up"},           {"pgdn", KEY_NPAGE, 0, "PgDn"},
        {"BTab", KEY_BTAB, 0, "BTab"},     {"shift-tab", KEY_BTAB, 0, "Shift-Tab"},
        {"Del", KEY_DC, 0, "Del"},         {"Insert", KEY_IC, 0, "Insert"},
        {"backspace", KEY_BACKSPACE, 0, "Backspace"},
        {"Space", ' ', 1, "Space"},        {"ENTER", '\n', 1, "Enter"},
        {"tab", '\t', 1, "Tab"},           {"Esc", 27, 1, "Esc"},
        {"F1", KEY_F(1), 0, "F1"},         {"f9", KEY_F(9), 0, "F9"},
        {"F12", KEY_F(12), 0, "F12"},      {"F10", KEY_F(10), 0, "F10"},
        {"Ctrl-x", 24, 1, "Ctrl-X"},       {"C-a", 1, 1, "Ctrl-A"},
        {"ctrl-Z", 26, 1, "Ctrl-Z"},       {"x", 'x', 1, "x"},
        {";", ';', 1, ";"},                {"~", '~', 1, "~"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        int code = -1, is_char = -1;
        char shown[32] = "";
        if (keymap_parse_key(ok[i].text, &code, &is_char, shown, sizeof shown) != 0)
            fail_msg("'%s' was refused", ok[i].text);
        assert_int_equal(code, ok[i].code);
        assert_int_equal(is_char, ok[i].is_char);
        assert_string_equal(shown, ok[i].shown);
    }
    static const char *const refused[] = {
        "", "F0", "F13", "Fx", "F1x", "F123", "Ctrl-", "Ctrl-1", "C-ab", "Ctrl-xy",
        "C-", "xy", " ", "\x7f", "\x01", "\xc3\xa9", "Upp", "Space2",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        int code = 0, is_char = 0;
        char shown[32] = "";
        if (keymap_parse_key(refused[i], &code, &is_char, shown, sizeof shown) == 0)
            fail_msg("'%s' was read as a key (%d)", refused[i], code);
    }
}

static void test_action_names(void **state)
{
    (void)state;
    action a = ACT_NONE;
    char name[32];
    keymap_action_name(ACT_PAGE_DOWN, name, sizeof name);
    assert_string_equal(name, "page-down");
    assert_int_equal(keymap_action_named("PAGE-DOWN", &a), 0);
    assert_int_equal(a, ACT_PAGE_DOWN);
    assert_int_equal(keymap_action_named(name, &a), 0);
    assert_int_equal(a, ACT_PAGE_DOWN);
    assert_int_equal(keymap_action_named("QUIT", &a), 0);
    assert_int_equal(a, ACT_QUIT);
    assert_int_equal(keymap_action_named("quit", &a), 0);
    assert_int_equal(keymap_action_named("none", &a), 0);
    assert_int_equal(a, ACT_NONE);
    assert_int_equal(keymap_action_named("quitt", &a), -1);
    assert_string_equal(keymap_help((action)ACT_COUNT), "");
    assert_string_equal(keymap_help(ACT_QUIT), "quit (every change is already saved)");
}

/* Binding many keys fills the table: the bind that does not fit says so and
 * changes nothing; a reset gives the defaults back. */
static void test_binding_until_full(void **state)
{
    (void)state;
    keymap_reset();
    int refused = 0, bound = 0;
    for (int k = 0; k < 200 && !refused; k++) {
        char shown[16];
        snprintf(shown, sizeof shown, "F%d", k);
        if (keymap_bind(KEY_F(13) + k, 0, shown, ACT_REDRAW) == 0)
            bound++;
        else
            refused = 1;
    }
    assert_true(refused);
    assert_true(bound >= 64);
    assert_int_equal(keymap_action(KEY_F(13), 0), ACT_REDRAW);
    assert_int_equal(keymap_bind('z', 1, "z", ACT_NONE), 0); /* unbinding always fits */
    keymap_reset();
    assert_int_equal(keymap_action(KEY_F(13), 0), ACT_NONE);
    assert_int_equal(keymap_action('q', 1), ACT_QUIT);
    assert_int_equal(keymap_action(3, 1), ACT_QUIT);
    action a;
    const char *name = NULL;
    assert_int_equal(keymap_binding(0, &a, &name), 0);
    assert_int_equal(keymap_binding(100000, &a, &name), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_form_of_key),
        cmocka_unit_test(test_action_names),
        cmocka_unit_test(test_binding_until_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
