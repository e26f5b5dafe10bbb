/* term_check.c - whether the terminal can hold the full-screen view, asked of
 * terminfo before anything is drawn: TERM=dumb, an unset TERM or a type without
 * cursor addressing get one sentence on stderr instead of a blank screen. In a
 * file of its own because <term.h> defines a macro for every capability name. */
#include "climb/term_check.h"

#include <curses.h>
#include <stdio.h>
#include <term.h>
#include <unistd.h>

static int has_string(const char *cap)
{
    char *s = tigetstr(cap);
    return s != NULL && s != (char *)-1 && *s;
}

int term_check(const char *term, char *why, size_t len)
{
    static const char *const tail = "run in a full terminal, or use commands such as climb status";
    if (!term || !*term) {
        snprintf(why, len, "TERM is not set, so climb cannot place the cursor; %s", tail);
        return -1;
    }
    int err = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, STDOUT_FILENO, &err) != OK) {
        snprintf(why, len, "the terminal type '%s' is unknown here (no terminfo entry); set "
                           "TERM to one this system knows, such as xterm-256color, or use "
                           "commands such as climb status", term);
        return -1;
    }
    int ok = has_string("cup") && has_string("clear") && tigetflag("hc") <= 0 &&
             tigetflag("gn") <= 0;
    TERMINAL *mine = cur_term;
    set_curterm(saved);
    del_curterm(mine);
    if (!ok) {
        snprintf(why, len, "the terminal '%s' cannot place the cursor; %s", term, tail);
        return -1;
    }
    return 0;
}
