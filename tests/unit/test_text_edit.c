/* test_text_edit.c - the editor's text model: soft wrap by display width (at
 * spaces, inside a word only when it is wider than the line, wide CJK characters
 * counted as two columns), the cursor's row and column, word moves, Ctrl-W/U/K,
 * and tabs and pastes turned into spaces and line breaks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/text_edit.h"
#include "climb/text.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

/* The rows of s at width w, each as "text" or "text|" when hard, joined by '/'. */
static const char *rows_of(const char *s, int w)
{
    static char out[1024];
    text_row rows[64];
    size_t n = text_wrap_rows(s, strlen(s), w, rows, 64);
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 64; i++) {
        size_t o = strlen(out);
        snprintf(out + o, sizeof out - o, "%s%.*s%s", i ? "/" : "",
                 (int)(rows[i].end - rows[i].start), s + rows[i].start, rows[i].hard ? "|" : "");
    }
    return out;
}

static void test_wrap_at_words(void **state)
{
    (void)state;
    assert_string_equal(rows_of("the quick brown fox", 10), "the quick /brown fox");
    /* a word ending at the edge keeps its space on the row (it hangs) */
    assert_string_equal(rows_of("hello world", 5), "hello /world");
    assert_string_equal(rows_of("hello ", 5), "hello /");
    /* a word wider than the line is broken, and the break is marked hard */
    assert_string_equal(rows_of("ab supercalifragilistic x", 8), "ab /supercal|/ifragili|/stic x");
    /* line breaks end rows; an empty line is a row */
    assert_string_equal(rows_of("one\n\ntwo", 8), "one//two");
    assert_string_equal(rows_of("", 8), "");
    /* every row fits the width */
    const char *long_text = "Designed and shipped the deploy pipeline used by four teams, "
                            "cutting lead time from two days to forty minutes.";
    text_row rows[32];
    size_t n = text_wrap_rows(long_text, strlen(long_text), 23, rows, 32);
    assert_true(n > 3);
    for (size_t i = 0; i < n; i++) {
        int w = text_width_n(long_text + rows[i].start, rows[i].end - rows[i].start);
        assert_true(w <= 23 || (w == 24 && long_text[rows[i].end - 1] == ' '));
        assert_false(rows[i].hard);
    }
}

static void test_wrap_wide_characters(void **state)
{
    (void)state;
    /* 中文字符 is 4 characters, 8 columns: at width 5 two fit a row */
    assert_string_equal(rows_of("\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97\xe7\xac\xa6", 5),
                        "\xe4\xb8\xad\xe6\x96\x87|/\xe5\xad\x97\xe7\xac\xa6");
    /* a wide character never straddles the edge */
    assert_string_equal(rows_of("a\xe4\xb8\xad\xe6\x96\x87", 4), "a\xe4\xb8\xad|/\xe6\x96\x87");
}

static void test_cursor_rows(void **state)
{
    (void)state;
    const char *s = "hello world again";
    text_row rows[8];
    size_t n = text_wrap_rows(s, strlen(s), 8, rows, 8); /* "hello /world /again" */
    assert_int_equal(n, 3);
    int col;
    assert_int_equal(text_row_of(s, rows, n, 6, &col), 1); /* after a soft break: the next row */
    assert_int_equal(col, 0);
    assert_int_equal(text_row_of(s, rows, n, 5, &col), 0);
    assert_int_equal(col, 5);
    assert_int_equal(text_row_of(s, rows, n, strlen(s), &col), 2);
    assert_int_equal(col, 5);
    /* the same column one row down, never past the row's end onto the next */
    assert_int_equal(text_row_offset(s, rows, n, 1, 3), 9);
    assert_int_equal(text_row_offset(s, rows, n, 0, 99), 5);
    assert_int_equal(text_row_offset(s, rows, n, 2, 99), strlen(s));
}

static void test_words_and_kills(void **state)
{
    (void)state;
    text_edit e;
    assert_int_equal(text_edit_init(&e, "first line\nsecond  line here", 1024), 0);
    text_edit_word_left(&e);
    assert_int_equal(e.cursor, strlen("first line\nsecond  line "));
    text_edit_word_left(&e);
    text_edit_word_left(&e);
    assert_int_equal(e.cursor, strlen("first line\n"));
    text_edit_word_left(&e); /* across the line break */
    assert_int_equal(e.cursor, strlen("first "));
    text_edit_word_right(&e);
    assert_int_equal(e.cursor, strlen("first line"));
    text_edit_delete_word_before(&e); /* Ctrl-W */
    assert_string_equal(e.buf, "first \nsecond  line here");
    text_edit_kill_after(&e); /* Ctrl-K at a line's end joins the next line */
    assert_string_equal(e.buf, "first second  line here");
    text_edit_word_right(&e);
    text_edit_kill_after(&e);
    assert_string_equal(e.buf, "first second");
    text_edit_word_left(&e);
    text_edit_kill_before(&e); /* Ctrl-U */
    assert_string_equal(e.buf, "second");
    assert_int_equal(e.cursor, 0);
    text_edit_delete_word_after(&e);
    assert_string_equal(e.buf, "");
    text_edit_free(&e);
}

static void test_tabs_and_paste(void **state)
{
    (void)state;
    text_edit e;
    assert_int_equal(text_edit_init(&e, "ab", 1024), 0);
    assert_int_equal(text_edit_tab(&e), 0); /* to column 4 */
    assert_string_equal(e.buf, "ab  ");
    assert_int_equal(text_edit_paste(&e, "x\ty\nz\t\x01!", 1), 0);
    assert_string_equal(e.buf, "ab  x   y\nz   !"); /* tab stops per line; controls dropped */
    text_edit_free(&e);
    assert_int_equal(text_edit_init(&e, NULL, 6), 0);
    assert_int_equal(text_edit_paste(&e, "one\ntwo three", 0), -1); /* one line, and full */
    assert_string_equal(e.buf, "one tw");
    text_edit_free(&e);
}

/* A control character in a stored note is as wide as draw_text shows it (a tab
 * ^I, U+0085 <U+0085>), and one wider than a narrow row gets a row of its own; Ctrl-U at a line's start joins it to the line before; typing past the
 * first allocation grows the buffer. */
static void test_controls_join_and_growth(void **state)
{
    (void)state;
    size_t b = 0;
    assert_int_equal(text_char_width("a\tb", 3, 1, &b), 2);
    assert_int_equal(b, 1);
    assert_int_equal(text_char_width("a\xc2\x85" "b", 4, 1, &b), 8);
    assert_int_equal(b, 2);
    assert_string_equal(rows_of("a\xc2\x85" "b", 4), "a|/\xc2\x85|/b");
    text_edit e;
    assert_int_equal(text_edit_init(&e, "ab\ncd", 1024), 0);
    e.cursor = 3;
    text_edit_kill_before(&e);
    assert_string_equal(e.buf, "abcd");
    assert_int_equal(e.cursor, 2);
    text_edit_free(&e);
    assert_int_equal(text_edit_init(&e, NULL, 1024), 0);
    for (int i = 0; i < 300; i++)
        assert_int_equal(text_edit_insert(&e, (unsigned)('a' + i % 26)), 0);
    assert_int_equal(e.len, 300);
    assert_int_equal(e.cursor, 300);
    assert_memory_equal(e.buf + 260, "abcdefghijklmn", 14);
    assert_int_equal(e.buf[300], '\0');
    text_edit_free(&e);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap_at_words),
        cmocka_unit_test(test_wrap_wide_characters),
        cmocka_unit_test(test_cursor_rows),
        cmocka_unit_test(test_words_and_kills),
        cmocka_unit_test(test_tabs_and_paste),
        cmocka_unit_test(test_controls_join_and_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
