/* test_input.c - the key file parser (input.c) from memory: characters and <Name>
 * tokens become key presses in order, line breaks are skipped, resize tokens carry
 * their size, a bad token or invalid text is refused with a message, and a long
 * file parses in linear time. The decoding of what follows an Esc: the sequence
 * table (Home/End of tmux, rxvt and the Linux console, modified arrows), Alt
 * keys, unknown sequences swallowed whole, a lone Esc kept, and bracketed paste
 * read as one token whose Enter and tab are text. */
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
#include <unistd.h>

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

/* Decodes the ASCII string after an Esc; returns the key, *used the keys taken. */
static int decode(const char *after, size_t *used, int *is_char)
{
    int keys[32] = {0};
    size_t n = strlen(after);
    for (size_t i = 0; i < n; i++)
        keys[i] = (unsigned char)after[i];
    return input_decode_keys(keys, NULL, n, used, is_char);
}

static void test_sequence_table(void **state)
{
    (void)state;
    static const struct {
        const char *after;
        int key;
    } CASES[] = {
        {"[1~", KEY_HOME},  {"[4~", KEY_END},   {"[7~", KEY_HOME}, {"[8~", KEY_END},
        {"[H", KEY_HOME},   {"[F", KEY_END},    {"OH", KEY_HOME},  {"OF", KEY_END},
        {"[A", KEY_UP},     {"OD", KEY_LEFT},   {"[3~", KEY_DC},   {"[6~", KEY_NPAGE},
        {"[[A", KEY_F(1)},  {"[Z", KEY_BTAB},
        {"[1;5D", INPUT_KEY_WORD_LEFT},  {"[1;5C", INPUT_KEY_WORD_RIGHT},
        {"[1;3D", INPUT_KEY_WORD_LEFT},  {"Od", INPUT_KEY_WORD_LEFT}, {"Oc", INPUT_KEY_WORD_RIGHT},
        {"[1;5H", INPUT_KEY_TEXT_START}, {"[1;5F", INPUT_KEY_TEXT_END},
        {"[7^", INPUT_KEY_TEXT_START},   {"[1;2A", KEY_UP}, {"[3;5~", KEY_DC},
        {"b", INPUT_META('b')}, {"f", INPUT_META('f')}, {"d", INPUT_META('d')},
        {"\x7f", INPUT_META(127)}, {"\x08", INPUT_META(127)},
        {"\x1b[D", INPUT_KEY_WORD_LEFT}, /* Alt-Left as rxvt sends it */
        {"[200~", INPUT_PASTE},
        /* swallowed whole: unknown CSI, SS3, X10 mouse, a stray paste end, Alt-Enter */
        {"[99;99z", 0}, {"[?1;2c", 0}, {"OX", 0}, {"[M ab", 0}, {"[201~", 0}, {"\n", 0},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        size_t used;
        int is_char = 1;
        int k = decode(CASES[i].after, &used, &is_char);
        if (k != CASES[i].key)
            fail_msg("ESC %s gave %d, not %d", CASES[i].after, k, CASES[i].key);
        assert_false(is_char);
        assert_int_equal(used, strlen(CASES[i].after)); /* all of it taken, nothing leaks */
    }
}

static void test_lone_esc_and_cut_sequences(void **state)
{
    (void)state;
    size_t used;
    int is_char = 0;
    assert_int_equal(decode("", &used, &is_char), 27); /* nothing came with it */
    assert_true(is_char);
    assert_int_equal(used, 0);
    assert_int_equal(decode("\x1b", &used, &is_char), 27); /* Esc Esc at once: one Esc */
    assert_true(is_char);
    assert_int_equal(decode("[1", &used, &is_char), 0); /* cut short: dropped */
    /* ncurses decoded the key after the Esc itself: Alt-Left, Alt-Backspace */
    int keys[] = {KEY_LEFT, KEY_BACKSPACE}, fkey[] = {1, 1};
    assert_int_equal(input_decode_keys(keys, fkey, 1, &used, &is_char), INPUT_KEY_WORD_LEFT);
    assert_int_equal(input_decode_keys(keys + 1, fkey, 1, &used, &is_char), INPUT_META(127));
}

/* In a key file, <Esc> then a key are two presses; <seq>, <M-x> and the paste
 * tokens arrive together, as a terminal sends them. */
static void test_key_file_sequences_and_paste(void **state)
{
    (void)state;
    key_source in;
    char err[128];
    int is_char;
    const char *text = "<Esc>[1~<seq [1~>x<M-b><seq [99z>y<paste>a<Tab>b<Enter>c</paste>z";
    assert_int_equal(input_open_buffer(&in, text, strlen(text), err, sizeof err), 0);
    assert_int_equal(input_next(&in, &is_char), 27);
    assert_true(is_char);
    assert_int_equal(input_next(&in, &is_char), '[');
    assert_int_equal(input_next(&in, &is_char), '1');
    assert_int_equal(input_next(&in, &is_char), '~');
    assert_int_equal(input_next(&in, &is_char), KEY_HOME);
    assert_false(is_char);
    assert_int_equal(input_next(&in, &is_char), 'x');
    assert_int_equal(input_next(&in, &is_char), INPUT_META('b'));
    assert_false(is_char);
    assert_int_equal(input_next(&in, &is_char), 'y'); /* the unknown sequence is gone */
    assert_string_equal(input_paste_text(), "");
    assert_int_equal(input_next(&in, &is_char), INPUT_PASTE);
    assert_false(is_char);
    assert_string_equal(input_paste_text(), "a\tb\nc");
    assert_int_equal(input_next(&in, &is_char), 'z');
    assert_int_equal(input_next(&in, &is_char), INPUT_END);
    input_close(&in);
    assert_string_equal(input_paste_text(), "");
}

/* Inside a paste, function keys and other sequences are dropped, CRLF and CR
 * become one line break, and a paste longer than 64 KiB keeps its first 64 KiB
 * less one byte. */
static void test_paste_drops_keys_and_stops_at_its_cap(void **state)
{
    (void)state;
    key_source in;
    char err[128];
    int is_char;
    const char *text = "<paste>a<Up>b<seq [A>c</paste>";
    assert_int_equal(input_open_buffer(&in, text, strlen(text), err, sizeof err), 0);
    assert_int_equal(input_next(&in, &is_char), INPUT_PASTE);
    assert_string_equal(input_paste_text(), "abc");
    input_close(&in);
    text = "<paste>a<C-m><C-j>b<C-m>c</paste>"; /* CRLF and a lone CR: one line break each */
    assert_int_equal(input_open_buffer(&in, text, strlen(text), err, sizeof err), 0);
    assert_int_equal(input_next(&in, &is_char), INPUT_PASTE);
    assert_string_equal(input_paste_text(), "a\nb\nc");
    input_close(&in);
    enum { LONG = 70000 };
    size_t len = 7 + LONG + 8;
    char *big = malloc(len + 1);
    assert_non_null(big);
    memcpy(big, "<paste>", 7);
    memset(big + 7, 'x', LONG);
    memcpy(big + 7 + LONG, "</paste>", 9);
    assert_int_equal(input_open_buffer(&in, big, len, err, sizeof err), 0);
    assert_int_equal(input_next(&in, &is_char), INPUT_PASTE);
    assert_int_equal(strlen(input_paste_text()), 64 * 1024 - 1);
    assert_int_equal(input_next(&in, &is_char), INPUT_END);
    input_close(&in);
    free(big);
}

/* A key file that cannot be read is refused by name; an empty one has no keys. */
static void test_key_file_from_disk(void **state)
{
    (void)state;
    key_source in;
    char err[128], path[] = "/tmp/climb-test-keys-XXXXXX";
    int is_char;
    assert_int_equal(input_open_file(&in, "/nonexistent/keys", err, sizeof err), -1);
    assert_string_equal(err, "cannot read key file /nonexistent/keys");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(input_open_file(&in, path, err, sizeof err), 0);
    assert_int_equal(input_next(&in, &is_char), INPUT_END);
    input_close(&in);
    unlink(path);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sequence_table),
        cmocka_unit_test(test_lone_esc_and_cut_sequences),
        cmocka_unit_test(test_key_file_sequences_and_paste),
        cmocka_unit_test(test_keys_and_tokens_in_order),
        cmocka_unit_test(test_bad_key_files_refused),
        cmocka_unit_test(test_long_key_file_parses_fast),
        cmocka_unit_test(test_paste_drops_keys_and_stops_at_its_cap),
        cmocka_unit_test(test_key_file_from_disk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
