/* test_line_edit.c - the one-line text input: UTF-8 insertion and deletion by
 * whole characters, cursor moves, the character limit, control characters
 * refused, Enter accepting and Esc cancelling; the editor's word keys and
 * Ctrl-W/U/K, and a paste inserted whole with its tab and line break as spaces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/line_edit.h"

#include <locale.h>
#include <string.h>

static void type(line_edit *e, const unsigned *cps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(line_edit_key(e, (int)cps[i], 1), LINE_EDITING);
}

static void test_utf8_editing(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, NULL, 64);
    const unsigned word[] = {0xC9, 'm', 'i', 'l', 'e', ' ', 0x1F600, 0x4E2D}; /* É 😀 中 */
    type(&e, word, 8);
    assert_string_equal(e.buf, "\xC3\x89mile \xF0\x9F\x98\x80\xE4\xB8\xAD");
    assert_int_equal(line_edit_chars(&e), 8);
    line_edit_key(&e, KEY_LEFT, 0);
    line_edit_key(&e, KEY_BACKSPACE, 0); /* removes the emoji, all 4 bytes */
    assert_string_equal(e.buf, "\xC3\x89mile \xE4\xB8\xAD");
    line_edit_key(&e, KEY_HOME, 0);
    line_edit_key(&e, KEY_DC, 0); /* removes É, both bytes */
    assert_string_equal(e.buf, "mile \xE4\xB8\xAD");
    line_edit_key(&e, 'E', 1);
    assert_string_equal(e.buf, "Emile \xE4\xB8\xAD");
    line_edit_key(&e, KEY_END, 0);
    line_edit_key(&e, 127, 1); /* DEL as Backspace */
    line_edit_key(&e, 8, 1);   /* ^H as Backspace */
    assert_string_equal(e.buf, "Emile");
    line_edit_key(&e, KEY_RIGHT, 0); /* at the end: stays */
    assert_int_equal(e.cursor, e.len);
    assert_int_equal(line_edit_key(&e, '\n', 1), LINE_ACCEPT);
    assert_int_equal(line_edit_key(&e, KEY_ENTER, 0), LINE_ACCEPT);
    assert_int_equal(line_edit_key(&e, 27, 1), LINE_CANCEL);
    assert_string_equal(e.buf, "Emile");
}

static void test_refuses_controls_and_limits(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, "ab", 3);
    line_edit_key(&e, '\t', 1);
    line_edit_key(&e, 0x85, 1);   /* C1 control */
    line_edit_key(&e, 0xD800, 1); /* a lone surrogate is not a character */
    assert_string_equal(e.buf, "ab");
    line_edit_key(&e, 'c', 1);
    line_edit_key(&e, 'd', 1); /* over the limit of 3 characters */
    assert_string_equal(e.buf, "abc");
    line_edit_key(&e, KEY_HOME, 0);
    line_edit_key(&e, KEY_BACKSPACE, 0); /* nothing before the cursor */
    assert_string_equal(e.buf, "abc");
    assert_int_equal(e.cursor, 0);
    /* a starting text too long for the buffer starts empty rather than cut */
    char lng[LINE_EDIT_MAX + 10];
    memset(lng, 'x', sizeof lng - 1);
    lng[sizeof lng - 1] = '\0';
    line_edit_init(&e, lng, 2000);
    assert_string_equal(e.buf, "");
    assert_int_equal(e.len, 0);
    lng[LINE_EDIT_MAX - 1] = '\0'; /* the longest that fits is kept whole */
    line_edit_init(&e, lng, 2000);
    assert_int_equal(e.len, LINE_EDIT_MAX - 1);
    assert_int_equal(e.cursor, LINE_EDIT_MAX - 1);
}

static void test_word_keys_and_kills(void **state)
{
    (void)state;
    line_edit e;
    line_edit_init(&e, "~/climb-ana  2026.md tail", 0);
    line_edit_key(&e, INPUT_META('b'), 0); /* Alt-b: to the start of "tail" */
    assert_int_equal(e.cursor, strlen("~/climb-ana  2026.md "));
    line_edit_key(&e, INPUT_KEY_WORD_LEFT, 0); /* Ctrl-Left: words are runs of non-blanks */
    assert_int_equal(e.cursor, strlen("~/climb-ana  "));
    line_edit_key(&e, INPUT_KEY_WORD_RIGHT, 0);
    assert_int_equal(e.cursor, strlen("~/climb-ana  2026.md"));
    line_edit_key(&e, 23, 1); /* Ctrl-W */
    assert_string_equal(e.buf, "~/climb-ana   tail");
    line_edit_key(&e, INPUT_META('d'), 0); /* Alt-d: the word after */
    assert_string_equal(e.buf, "~/climb-ana  ");
    line_edit_key(&e, KEY_HOME, 0);
    line_edit_key(&e, INPUT_META('f'), 0);
    line_edit_key(&e, 11, 1); /* Ctrl-K */
    assert_string_equal(e.buf, "~/climb-ana");
    line_edit_key(&e, 21, 1); /* Ctrl-U at the end clears, as in the search field */
    assert_string_equal(e.buf, "");
    assert_int_equal(e.cursor, 0);
    assert_int_equal(line_edit_key(&e, INPUT_META('x'), 0), LINE_EDITING); /* unbound: nothing */
}

static void test_paste_whole(void **state)
{
    (void)state;
    key_source in;
    char err[64];
    int is_char;
    const char *keys = "<paste>a<Tab>b<Enter>c\xe4\xb8\xad</paste>";
    assert_int_equal(input_open_buffer(&in, keys, strlen(keys), err, sizeof err), 0);
    assert_int_equal(input_next(&in, &is_char), INPUT_PASTE);
    line_edit e;
    line_edit_init(&e, "x", 0);
    assert_int_equal(line_edit_key(&e, INPUT_PASTE, 0), LINE_EDITING); /* Enter never accepts */
    assert_string_equal(e.buf, "xa  b c\xe4\xb8\xad");
    input_close(&in);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_keys_and_kills),
        cmocka_unit_test(test_paste_whole),
        cmocka_unit_test(test_utf8_editing),
        cmocka_unit_test(test_refuses_controls_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
