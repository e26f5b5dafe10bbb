/* cli_input.c - what several commands share for input and output: all of stdin
 * as text, and a JSON value printed whole. */
#include "climb/cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

char *cli_read_stdin(size_t max)
{
    /* two bytes more than the cap: a text at the cap may end in CR LF */
    char *buf = malloc(max + 3);
    if (!buf) {
        app_error("out of memory");
        return NULL;
    }
    size_t n = fread(buf, 1, max + 3, stdin);
    if (memchr(buf, '\0', n)) {
        free(buf);
        app_error("the text on standard input holds a NUL byte; nothing was changed");
        return NULL;
    }
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        n--;
    if (n > max) {
        free(buf);
        app_error("the text on standard input is longer than %zu bytes", max);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

int cli_print_json(json_t *o)
{
    int rc = !o || json_dumpf(o, stdout, JSON_INDENT(2)) || fputc('\n', stdout) == EOF;
    json_decref(o);
    return rc ? EXIT_RUNTIME : EXIT_OK;
}
