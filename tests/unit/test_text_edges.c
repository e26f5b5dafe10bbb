/* test_text_edges.c - the less travelled sides of text.c: empty input to the
 * decoders, text_check_input without a reason pointer, which code points after a
 * zero-width joiner fold into an emoji (each pictographic range and single code
 * point, and the near misses), and wrapping with leading or trailing spaces or
 * more lines than the caller has room for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/text.h"

#include <locale.h>
#include <string.h>

static void test_empty_input(void **state)
{
    (void)state;
    unsigned cp = 7;
    assert_int_equal(text_utf8_decode("a", 0, &cp), 0);
    assert_int_equal(text_unit_len("a", 0), 0);
    assert_int_equal(text_check_input("ok", 2, NULL), 0);
    assert_int_equal(text_check_input("\x01", 1, NULL), -1);
}

/* Emoji, ZWJ, then cp: the unit's length tells whether cp was folded in. */
static size_t zwj_unit(unsigned cp, size_t *cp_len)
{
    char s[16] = "\xf0\x9f\x98\x80\xe2\x80\x8d"; /* U+1F600, ZWJ */
    *cp_len = text_utf8_encode(cp, s + 7);
    return text_unit_len(s, 7 + *cp_len);
}

static void test_zwj_folds_only_pictographs(void **state)
{
    (void)state;
    static const unsigned yes[] = {0x2300, 0x23FF, 0x2B00, 0x2BFF, 0x2194, 0x21AA, 0x00A9,
                                   0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D,
                                   0x3297, 0x3299, 0x2600, 0x1F680};
    static const unsigned no[] = {0x22FF, 0x2400, 0x2AFF, 0x2C00, 0x2193, 0x21AB, 0x00AA,
                                  0x3298, 0x4E00, 'a', 0x1F1E6 /* a regional indicator */};
    size_t n;
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        size_t len = zwj_unit(yes[i], &n);
        if (len != 7 + n)
            fail_msg("U+%04X not folded after a ZWJ", yes[i]);
    }
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
        size_t len = zwj_unit(no[i], &n);
        if (len != 4)
            fail_msg("U+%04X folded after a ZWJ (unit %zu)", no[i], len);
    }
    /* a ZWJ at the end, or before an invalid byte, is not part of the emoji */
    assert_int_equal(text_unit_len("\xf0\x9f\x98\x80\xe2\x80\x8d", 7), 4);
    assert_int_equal(text_unit_len("\xf0\x9f\x98\x80\xe2\x80\x8d\xff", 8), 4);
    /* a lone regional indicator is one column */
    assert_int_equal(text_width("\xf0\x9f\x87\xa6"), 1);
}

static void test_wrap_spaces_and_room(void **state)
{
    (void)state;
    text_span l[8];
    /* trailing spaces after a full line make no extra line */
    assert_int_equal(text_wrap("abc   ", 3, l, 8), 1);
    assert_int_equal(l[0].len, 3);
    /* a line of only leading spaces before a long word is empty */
    assert_int_equal(text_wrap("  abcdef", 2, l, 8), 4);
    assert_int_equal(l[0].len, 0);
    assert_int_equal(l[1].start, 2);
    assert_int_equal(l[1].len, 2);
    /* with room for one line, the count still says how many there are */
    assert_int_equal(text_wrap("aa bb cc\n\nabcdef", 2, l, 1), 7);
    assert_int_equal(l[0].start, 0);
    assert_int_equal(l[0].len, 2);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_zwj_folds_only_pictographs),
        cmocka_unit_test(test_wrap_spaces_and_room),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
