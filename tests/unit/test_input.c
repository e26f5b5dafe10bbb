/* test_input.c - the key file parser (input.c) from memory: characters and <Name>
 * tokens become key presses in order, line breaks are skipped, resize tokens carry
 * their size, a bad token or invalid text is refused with a message, and a long
 * file parses in linear time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/input.h"

#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void test_keys_and_tokens_in_order(void **state)
{
    (void)state;
    key_source in;
    char err[128];
    int is_char;
    const char *text = "a\xc3\xa9\n<Up><C-x><lt><resize 60x20>q";
    assert_int_equal(input_open_buffer(&in, text, strlen(text), err, sizeof err), 0);
    assert_int_equal(input_next(&in, &is_char), 'a');
    assert_true(is_char);
    assert_int_equal(input_next(&in, &is_char), 0xE9);
    assert_int_equal(input_next(&in, &is_char), KEY_UP);
    assert_false(is_char);
    assert_int_equal(input_next(&in, &is_char), 24);
    assert_int_equal(input_next(&in, &is_char), '<');
    assert_int_equal(input_next(&in, &is_char), INPUT_RESIZE_TOKEN);
    assert_int_equal(in.resize_cols, 60);
    assert_int_equal(in.resize_rows, 20);
    assert_int_equal(input_next(&in, &is_char), 'q');
    assert_int_equal(input_next(&in, &is_char), INPUT_END);
    input_close(&in);
}

static void test_bad_key_files_refused(void **state)
{
    (void)state;
    key_source in;
    char err[128];
    assert_int_equal(input_open_buffer(&in, "x<Nope>", 7, err, sizeof err), -1);
    assert_string_equal(err, "unknown key token <Nope>");
    assert_null(in.keys);
    assert_int_equal(input_open_buffer(&in, "<resize 0x5>", 12, err, sizeof err), -1);
    assert_int_equal(input_open_buffer(&in, "<Up", 3, err, sizeof err), -1);
    assert_string_equal(err, "unterminated <token> in key file");
    assert_int_equal(input_open_buffer(&in, "ok\xff", 3, err, sizeof err), -1);
    assert_string_equal(err, "key file is not valid text in this locale");
    assert_null(in.keys);
}

/* Parsing is linear: a 1 MB key file (a long benchmark script) parses in well
 * under a second; it once took time quadratic in its length (about 20 s). */
static void test_long_key_file_parses_fast(void **state)
{
    (void)state;
    enum { N = 1 << 20 };
    key_source in;
    char err[128];
    char *text = malloc(N);
    assert_non_null(text);
    memset(text, 'j', N);
    clock_t t0 = clock();
    assert_int_equal(input_open_buffer(&in, text, N, err, sizeof err), 0);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_int_equal(in.n, N);
    assert_true(secs < 5.0);
    input_close(&in);
    free(text);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys_and_tokens_in_order),
        cmocka_unit_test(test_bad_key_files_refused),
        cmocka_unit_test(test_long_key_file_parses_fast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
