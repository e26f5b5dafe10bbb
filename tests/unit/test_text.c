/* test_text.c - UTF-8 validation, visible control characters, widths and word
 * wrapping; and ISO 8601 parsing of the clock (CLIMB_NOW). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/clock.h"
#include "climb/text.h"
#include "climb/text_edit.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void test_utf8_validation(void **state)
{
    (void)state;
    size_t bad = 0;
    assert_true(text_utf8_valid("plain", 5, NULL));
    assert_true(text_utf8_valid("caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x9a\x80", 14, NULL));
    assert_false(text_utf8_valid("ab\xc3", 3, &bad));
    assert_int_equal(bad, 2);
    assert_false(text_utf8_valid("\xc0\xaf", 2, &bad)); /* overlong '/' */
    assert_false(text_utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
    assert_false(text_utf8_valid("x\xff", 2, &bad));
    assert_int_equal(bad, 1);
}

static void test_control_characters_made_visible(void **state)
{
    (void)state;
    char *v = text_visible("a\x1b[31mred\x7f\tb\n", 0);
    assert_string_equal(v, "a^[[31mred^?^Ib^J");
    free(v);
    v = text_visible("line1\nline2", 1);
    assert_string_equal(v, "line1\nline2");
    free(v);
    v = text_visible("c1\xc2\x85 bad\xff", 0);
    assert_string_equal(v, "c1<U+0085> bad\\xFF");
    free(v);
}

static void test_width_counts_wide_characters(void **state)
{
    (void)state;
    assert_int_equal(text_width("abc"), 3);
    assert_int_equal(text_width("\xe6\x97\xa5\xe6\x9c\xac"), 4); /* 日本 */
    assert_int_equal(text_width("caf\xc3\xa9"), 4);
    assert_int_equal(text_fit("\xe6\x97\xa5\xe6\x9c\xac", 6, 3), 3); /* one wide char fits */
}

/* Emoji sequences as climb draws them on a terminal: a ZWJ sequence is its first
 * emoji, skin tones and variation selectors fold into what they follow, a flag
 * is its two letters; measured the same way, and never cut in the middle. */
#define WOMAN "\xf0\x9f\x91\xa9"          /* U+1F469 */
#define ZWJ "\xe2\x80\x8d"                 /* U+200D */
#define LAPTOP "\xf0\x9f\x92\xbb"         /* U+1F4BB */
#define THUMBS "\xf0\x9f\x91\x8d"         /* U+1F44D */
#define TONE "\xf0\x9f\x8f\xbd"           /* U+1F3FD */
#define HEART "\xe2\x9d\xa4"               /* U+2764 */
#define VS16 "\xef\xb8\x8f"                /* U+FE0F */
#define RI_D "\xf0\x9f\x87\xa9"           /* U+1F1E9 */
#define RI_E "\xf0\x9f\x87\xaa"           /* U+1F1EA */

static char *form(const char *s)
{
    static char out[256];
    out[text_terminal_form(s, strlen(s), out)] = '\0';
    return out;
}

static void test_grapheme_clusters_drawn_as_measured(void **state)
{
    (void)state;
    const char *coder = "a" WOMAN ZWJ LAPTOP "b";
    assert_string_equal(form(coder), "a" WOMAN "b");
    assert_int_equal(text_width(coder), 4);
    assert_int_equal(text_width(form(coder)), 4);
    /* never cut inside the sequence: it fits whole or not at all */
    assert_int_equal(text_fit(coder, strlen(coder), 2), 1);
    assert_int_equal(text_fit(coder, strlen(coder), 3), strlen("a" WOMAN ZWJ LAPTOP));
    assert_int_equal(text_unit_len(WOMAN ZWJ LAPTOP "x", 12), 11);

    assert_string_equal(form(THUMBS TONE "!"), THUMBS "!");
    assert_int_equal(text_width(THUMBS TONE "!"), 3);
    assert_string_equal(form(HEART VS16), HEART);
    assert_int_equal(text_width(HEART VS16), 1);
    assert_string_equal(form("x" RI_D RI_E "y"), "xDEy");
    assert_int_equal(text_width("x" RI_D RI_E "y"), 4);
    /* an ASCII character takes in a selector or keycap after it (the quick path
     * for plain ASCII must not take it alone), at the end of a run as mid-way */
    assert_string_equal(form("ab#" VS16 "\xe2\x83\xa3" "c"), "ab#c");
    assert_int_equal(text_width("ab#" VS16 "\xe2\x83\xa3" "c"), 4);
    assert_int_equal(text_fit("ab#" VS16 "c", strlen("ab#" VS16 "c"), 3), strlen("ab#" VS16));
    assert_int_equal(text_fit("abcdef", 6, 4), 4);
    assert_int_equal(text_fit("abcdef", 6, 0), 0);
    /* combining marks and other text are left alone */
    assert_string_equal(form("e\xcc\x81 caf\xc3\xa9"), "e\xcc\x81 caf\xc3\xa9");
    assert_int_equal(text_width("e\xcc\x81"), 1);
    /* a joiner between letters (Indic scripts) joins nothing away */
#define KA_SSA "\xe0\xa4\x95" ZWJ "\xe0\xa4\xb7"
    assert_string_equal(form(KA_SSA), KA_SSA);
    /* wrapping keeps a sequence on one line */
    text_span l[4];
    const char *s = WOMAN ZWJ LAPTOP WOMAN ZWJ LAPTOP;
    assert_int_equal(text_wrap(s, 2, l, 4), 2);
    assert_int_equal(l[0].len, 11);
    assert_int_equal(l[1].start, 11);
}

static void test_wrap_breaks_at_spaces(void **state)
{
    (void)state;
    text_span l[8];
    const char *s = "one two three four";
    size_t n = text_wrap(s, 10, l, 8);
    assert_int_equal(n, 2);
    assert_int_equal(l[0].len, 7); /* "one two" */
    assert_memory_equal(s + l[1].start, "three four", 10);
    assert_int_equal(text_wrap("abcdefghij", 4, l, 8), 3); /* a long word is cut */
    assert_int_equal(text_wrap("a\n\nb", 10, l, 8), 3);    /* blank line kept */
    assert_int_equal(l[1].len, 0);
    assert_int_equal(text_wrap("", 10, l, 8), 1);
    assert_int_equal(text_wrap("x y", 0, l, 8), 2); /* never loops at width 0 */
    /* a wide character on a narrow line is taken alone, not with stray bytes after it */
    assert_int_equal(text_wrap("\xe6\x97\xa5\x80\x80", 1, l, 8), 3);
    assert_int_equal(l[0].len, 3);
    assert_int_equal(l[1].len, 1);
}

static void test_clock_parses_iso_8601(void **state)
{
    (void)state;
    long long t;
    assert_int_equal(clock_parse_iso("2026-03-14T09:30:00Z", &t), 0);
    assert_int_equal(t, 1773480600LL);
    assert_int_equal(clock_parse_iso("2026-03-14T10:30:00+01:00", &t), 0);
    assert_int_equal(t, 1773480600LL);
    assert_int_equal(clock_parse_iso("2026-03-14", &t), 0);
    assert_int_equal(t, 1773446400LL);
    assert_int_equal(clock_parse_iso("2024-02-29T00:00", &t), 0);
    assert_int_equal(clock_parse_iso("2025-02-29", &t), -1);
    assert_int_equal(clock_parse_iso("2026-13-01", &t), -1);
    assert_int_equal(clock_parse_iso("yesterday", &t), -1);
    assert_int_equal(clock_parse_iso("2026-03-14T09:30:00Zjunk", &t), -1);
    char buf[32];
    clock_format_utc(1773480600LL, buf, sizeof buf);
    assert_string_equal(buf, "2026-03-14T09:30:00Z");
}

static void test_climb_now_replaces_the_clock(void **state)
{
    (void)state;
    setenv("CLIMB_NOW", "2030-01-01T00:00:00Z", 1);
    assert_int_equal(clock_now(), 1893456000LL);
    assert_int_equal(clock_check_env(), 0);
    setenv("CLIMB_NOW", "soon", 1);
    assert_int_equal(clock_check_env(), -1);
    unsetenv("CLIMB_NOW");
    /* without it, the system clock: between two readings of time() around the call */
    long long before = (long long)time(NULL);
    long long now = clock_now();
    long long after = (long long)time(NULL);
    assert_in_range(now, before, after);
    setenv("CLIMB_NOW", "", 1); /* empty counts as unset */
    before = (long long)time(NULL);
    now = clock_now();
    after = (long long)time(NULL);
    assert_in_range(now, before, after);
    assert_int_equal(clock_check_env(), 0);
    unsetenv("CLIMB_NOW");
}

static void test_edit_buffer_moves_by_characters(void **state)
{
    (void)state;
    text_edit e;
    assert_int_equal(text_edit_init(&e, "ab", 64), 0);
    assert_int_equal(text_edit_insert(&e, 0xE9), 0); /* é */
    assert_int_equal(text_edit_insert(&e, 0x1B), -1);  /* ESC is refused */
    assert_int_equal(text_edit_insert(&e, 0xD800), -1); /* a surrogate too */
    assert_string_equal(e.buf, "ab\xc3\xa9");
    text_edit_left(&e);
    assert_int_equal(e.cursor, 2); /* before é, not inside it */
    text_edit_delete(&e);
    assert_string_equal(e.buf, "ab");
    text_edit_backspace(&e);
    assert_string_equal(e.buf, "a");
    text_edit_free(&e);
}

static void test_edit_buffer_lines(void **state)
{
    (void)state;
    text_edit e;
    size_t line;
    int col;
    assert_int_equal(text_edit_init(&e, "first line\nab", 64), 0);
    text_edit_up(&e); /* from column 2 of "ab" to column 2 of "first line" */
    text_edit_position(&e, &line, &col);
    assert_int_equal(line, 0);
    assert_int_equal(col, 2);
    text_edit_end(&e);
    text_edit_down(&e); /* column 10 does not exist below: end of "ab" */
    text_edit_position(&e, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 2);
    text_edit_home(&e);
    assert_int_equal(e.cursor, 11);
    text_edit_free(&e);
    assert_int_equal(text_edit_init(&e, "", 3), 0); /* the limit is in bytes */
    assert_int_equal(text_edit_insert(&e, 0xE9), 0);
    assert_int_equal(text_edit_insert(&e, 0xE9), -1);
    text_edit_free(&e);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_validation),
        cmocka_unit_test(test_control_characters_made_visible),
        cmocka_unit_test(test_width_counts_wide_characters),
        cmocka_unit_test(test_grapheme_clusters_drawn_as_measured),
        cmocka_unit_test(test_wrap_breaks_at_spaces),
        cmocka_unit_test(test_clock_parses_iso_8601),
        cmocka_unit_test(test_climb_now_replaces_the_clock),
        cmocka_unit_test(test_edit_buffer_moves_by_characters),
        cmocka_unit_test(test_edit_buffer_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
