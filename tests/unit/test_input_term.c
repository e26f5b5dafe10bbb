/* test_input_term.c - input.c reading a terminal: a curses screen whose input
 * is a pipe holding the bytes a terminal would send. Known sequences, modified
 * arrows, Alt keys and a bracketed paste come out as climb's keys; an unknown
 * sequence is swallowed; the end of input is ERR. Also the terminal set-up:
 * bracketed paste turned on (and off again) only for xterm-like terminals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/input.h"

#include <curses.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A screen of type `term` reading `bytes`; the pipe's write end is closed. */
static SCREEN *screen_on(const char *term, const char *bytes, FILE **in, FILE **out)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    assert_int_equal(write(fd[1], bytes, strlen(bytes)), (ssize_t)strlen(bytes));
    close(fd[1]);
    *in = fdopen(fd[0], "r");
    *out = fopen("/dev/null", "w");
    assert_non_null(*in);
    assert_non_null(*out);
    SCREEN *s = newterm(term, *out, *in);
    assert_non_null(s);
    set_term(s);
    keypad(stdscr, TRUE);
    return s;
}

static void screen_off(SCREEN *s, FILE *in, FILE *out)
{
    endwin();
    delscreen(s);
    fclose(in);
    fclose(out);
}

/* Runs fn with stdout sent to /dev/null (putp writes there). */
static void quietly(void (*fn)(void))
{
    fflush(stdout);
    int saved = dup(1), null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    fn();
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    close(null);
}

static void end_terminal(void)
{
    assert_int_equal(input_terminal_end(), 1);
}

static void test_terminal_keys(void **state)
{
    (void)state;
    FILE *in, *out;
    SCREEN *s = screen_on("xterm", "a\x1b[1;5Dq\x1bx\x1b[99Xb\x1b[200~p\rq\x1b[201~z", &in, &out);
    key_source src;
    memset(&src, 0, sizeof src);
    int ic;
    quietly(input_terminal_start); /* maps ncurses' code for Ctrl-Left (kLFT5) */
    assert_int_equal(input_next(&src, &ic), 'a');
    assert_true(ic);
    assert_int_equal(input_next(&src, &ic), INPUT_KEY_WORD_LEFT);
    assert_false(ic);
    assert_int_equal(input_next(&src, &ic), 'q');
    assert_int_equal(input_next(&src, &ic), INPUT_META('x'));
    assert_int_equal(input_next(&src, &ic), 'b'); /* [99X swallowed */
    assert_int_equal(input_next(&src, &ic), INPUT_PASTE);
    assert_string_equal(input_paste_text(), "p\nq");
    assert_int_equal(input_next(&src, &ic), 'z');
    assert_int_equal(input_next(&src, &ic), ERR);
    input_close(&src);
    quietly(end_terminal);
    screen_off(s, in, out);
}

/* What input_terminal_start and _end write (putp writes to stdout). */
static void setup_output(char *buf, size_t size)
{
    fflush(stdout);
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    int saved = dup(1);
    dup2(fileno(tmp), 1);
    input_terminal_start();
    assert_int_equal(input_terminal_end(), 1);
    assert_int_equal(input_terminal_end(), 0);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    rewind(tmp);
    size_t n = fread(buf, 1, size - 1, tmp);
    buf[n] = '\0';
    fclose(tmp);
}

static void test_terminal_setup(void **state)
{
    (void)state;
    static const struct {
        const char *type, *env;
        int paste;
    } cases[] = {{"xterm", "xterm", 1}, {"vt100", "tmux-256color", 1}, {"vt100", "screen", 1},
                 {"vt100", "vt100", 0}, {"vt100", NULL, 0}};
    assert_int_equal(input_terminal_end(), 0); /* never started */
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        FILE *in, *out;
        SCREEN *s = screen_on(cases[i].type, "", &in, &out);
        if (cases[i].env)
            setenv("TERM", cases[i].env, 1);
        else
            unsetenv("TERM");
        char buf[256];
        setup_output(buf, sizeof buf);
        if (cases[i].paste)
            assert_string_equal(buf, "\033[?2004h\033[?2004l");
        else
            assert_string_equal(buf, "");
        screen_off(s, in, out);
    }
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_terminal_keys),
        cmocka_unit_test(test_terminal_setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
