/* test_input_edges.c - the less travelled sides of input.c: key file tokens that
 * are almost right (<C-A>, <M-ab>, <resize 1000x5>, a token too long), empty and
 * multi-chunk key files, sequences cut short or too long, modifiers that change
 * nothing, Esc Esc before a sequence, and pastes with CRLF, nested sequences, a
 * resize inside, or no end marker. Each asserts the key or the message produced. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/input.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int refused(const char *text, const char *want)
{
    key_source in;
    char err[160] = "";
    int rc = input_open_buffer(&in, text, strlen(text), err, sizeof err);
    if (rc == 0)
        input_close(&in);
    return rc == -1 && strcmp(err, want) == 0;
}

static void test_near_miss_tokens_refused(void **state)
{
    (void)state;
    assert_true(refused("<C-A>", "unknown key token <C-A>"));
    assert_true(refused("<C-{>", "unknown key token <C-{>"));
    assert_true(refused("<C-ab>", "unknown key token <C-ab>"));
    assert_true(refused("<seq >", "unknown key token <seq >"));
    assert_true(refused("<M->", "unknown key token <M->"));
    assert_true(refused("<M-ab>", "unknown key token <M-ab>"));
    assert_true(refused("<resize 1000x5>", "unknown key token <resize 1000x5>"));
    assert_true(refused("<resize 5x1000>", "unknown key token <resize 5x1000>"));
    assert_true(refused("<resize 5x0>", "unknown key token <resize 5x0>"));
    assert_true(refused("<resize 5x5x>", "unknown key token <resize 5x5x>"));
    char longtok[80];
    memset(longtok, 'a', sizeof longtok);
    longtok[0] = '<';
    longtok[78] = '>';
    longtok[79] = '\0';
    assert_true(refused(longtok, "unterminated <token> in key file"));
    /* a character cut off at the end of the file */
    assert_true(refused("ab\xc3", "key file is not valid text in this locale"));
}

static void test_empty_and_crlf_key_files(void **state)
{
    (void)state;
    key_source in;
    char err[128];
    int ic;
    assert_int_equal(input_open_buffer(&in, "", 0, err, sizeof err), 0);
    assert_int_equal(input_next(&in, &ic), INPUT_END);
    input_close(&in);
    assert_int_equal(input_open_buffer(&in, "a\r\nb", 4, err, sizeof err), 0);
    assert_int_equal(input_next(&in, &ic), 'a');
    assert_int_equal(input_next(&in, &ic), 'b');
    assert_int_equal(input_next(&in, &ic), INPUT_END);
    input_close(&in);
}

/* A key file longer than one read chunk, whose second chunk fits the buffer. */
static void test_key_file_of_two_chunks(void **state)
{
    (void)state;
    char path[] = "/tmp/climb-keys-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    for (int i = 0; i < 8192; i++)
        fputc(i == 8191 ? 'q' : 'j', f);
    fclose(f);
    key_source in;
    char err[128];
    assert_int_equal(input_open_file(&in, path, err, sizeof err), 0);
    unlink(path);
    assert_int_equal(in.n, 8192);
    in.pos = 8191;
    int ic;
    assert_int_equal(input_next(&in, &ic), 'q');
    assert_int_equal(input_next(&in, &ic), INPUT_END);
    input_close(&in);
}

static int dec(const char *s, size_t *used, int *ic)
{
    int keys[64];
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        keys[i] = (unsigned char)s[i];
    return input_decode_keys(keys, NULL, n, used, ic);
}

static void test_sequence_edges(void **state)
{
    (void)state;
    size_t used;
    int ic;
    assert_int_equal(dec("[1;1D", &used, &ic), KEY_LEFT); /* no modifier */
    assert_false(ic);
    assert_int_equal(dec("[1;2D", &used, &ic), KEY_LEFT); /* Shift alone */
    assert_int_equal(dec("[1;5A", &used, &ic), KEY_UP);   /* Ctrl-Up: just Up */
    assert_int_equal(dec("[1;5H", &used, &ic), INPUT_KEY_TEXT_START);
    assert_int_equal(dec("[1;3F", &used, &ic), INPUT_KEY_TEXT_END);
    assert_int_equal(dec("[1;5X", &used, &ic), 0);        /* unknown base key */
    assert_int_equal(dec("[2;5D", &used, &ic), 0);        /* [2D is no key */
    assert_int_equal(dec("[1;5;2D", &used, &ic), 0);      /* extra parameter */
    assert_int_equal(used, 7);
    /* a sequence longer than the decoder's buffer is read to its end and dropped */
    char longseq[48];
    memset(longseq, '0', sizeof longseq);
    longseq[0] = '[';
    longseq[46] = '~';
    longseq[47] = '\0';
    assert_int_equal(dec(longseq, &used, &ic), 0);
    assert_int_equal(used, 47);
    /* cut short by a control byte, a non-ASCII byte, or a function key */
    assert_int_equal(dec("[1\x01", &used, &ic), 0);
    assert_int_equal(dec("[1\x80", &used, &ic), 0);
    int fk[] = {'[', KEY_UP}, isf[] = {0, 1};
    assert_int_equal(input_decode_keys(fk, isf, 2, &used, &ic), 0);
    /* an X10 mouse report with fewer than its three bytes */
    assert_int_equal(dec("[Ma", &used, &ic), 0);
    assert_int_equal(used, 3);
    /* SS3: cut off, a control byte, a non-ASCII byte, a function key */
    assert_int_equal(dec("O", &used, &ic), 0);
    assert_int_equal(dec("O\x01", &used, &ic), 0);
    assert_int_equal(dec("O\x7f", &used, &ic), 0);
    int ofk[] = {'O', KEY_DOWN}, oisf[] = {0, 1};
    assert_int_equal(input_decode_keys(ofk, oisf, 2, &used, &ic), 0);
    assert_int_equal(dec("OH", &used, &ic), KEY_HOME);
}

static void test_alt_edges(void **state)
{
    (void)state;
    size_t used;
    int ic;
    int bs[] = {KEY_BACKSPACE}, one[] = {1};
    assert_int_equal(input_decode_keys(bs, one, 1, &used, &ic), INPUT_META(127));
    int lf[] = {KEY_LEFT};
    assert_int_equal(input_decode_keys(lf, one, 1, &used, &ic), INPUT_KEY_WORD_LEFT);
    assert_int_equal(dec("\b", &used, &ic), INPUT_META(127));
    assert_int_equal(dec("\x01", &used, &ic), 0);    /* Alt plus a control */
    int e9[] = {0xE9};
    assert_int_equal(input_decode_keys(e9, NULL, 1, &used, &ic), 0); /* non-ASCII */
    /* Esc Esc: Alt plus a sequence, Alt plus Alt-x, Esc twice, an unknown one */
    assert_int_equal(dec("\x1b[D", &used, &ic), INPUT_KEY_WORD_LEFT);
    assert_int_equal(dec("\x1bx", &used, &ic), INPUT_META('x'));
    assert_int_equal(dec("\x1b", &used, &ic), 27);
    assert_true(ic);
    assert_int_equal(dec("\x1b[X", &used, &ic), 0);
    assert_int_equal(used, 3);
}

static const char *paste_of(const char *file, int *after)
{
    static key_source in;
    char err[128];
    int ic;
    assert_int_equal(input_open_buffer(&in, file, strlen(file), err, sizeof err), 0);
    assert_int_equal(input_next(&in, &ic), INPUT_PASTE);
    assert_false(ic);
    static char text[256];
    snprintf(text, sizeof text, "%s", input_paste_text());
    *after = input_next(&in, &ic);
    input_close(&in);
    return text;
}

static void test_paste_edges(void **state)
{
    (void)state;
    int after;
    /* CR, LF after CR (one line break), LF alone; a nested sequence is dropped */
    assert_string_equal(paste_of("<paste>a<C-m><C-j>b<C-j>c<seq [A>d</paste>z", &after),
                        "a\nb\ncd");
    assert_int_equal(after, 'z');
    /* a bare CR then a character */
    assert_string_equal(paste_of("<paste>a<C-m>b</paste>", &after), "a\nb");
    assert_int_equal(after, INPUT_END);
    /* no end marker: the paste is what came */
    assert_string_equal(paste_of("<paste>ab", &after), "ab");
    assert_int_equal(after, INPUT_END);
    /* a resize stops the paste; the resize then comes as itself */
    assert_string_equal(paste_of("<paste>ab<resize 30x10>", &after), "ab");
    assert_int_equal(after, INPUT_RESIZE_TOKEN);
}

/* Closing a source whose paste is no longer the latest keeps the latest. */
static void test_close_older_paste_keeps_latest(void **state)
{
    (void)state;
    key_source a, b;
    char err[128];
    int ic;
    const char *ta = "<paste>one</paste>", *tb = "<paste>two</paste>";
    assert_int_equal(input_open_buffer(&a, ta, strlen(ta), err, sizeof err), 0);
    assert_int_equal(input_open_buffer(&b, tb, strlen(tb), err, sizeof err), 0);
    assert_int_equal(input_next(&a, &ic), INPUT_PASTE);
    assert_int_equal(input_next(&b, &ic), INPUT_PASTE);
    input_close(&a);
    assert_string_equal(input_paste_text(), "two");
    input_close(&b);
    assert_string_equal(input_paste_text(), "");
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_near_miss_tokens_refused),
        cmocka_unit_test(test_empty_and_crlf_key_files),
        cmocka_unit_test(test_key_file_of_two_chunks),
        cmocka_unit_test(test_sequence_edges),
        cmocka_unit_test(test_alt_edges),
        cmocka_unit_test(test_paste_edges),
        cmocka_unit_test(test_close_older_paste_keeps_latest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
