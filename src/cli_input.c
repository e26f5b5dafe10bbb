/* cli_input.c - what several commands share for input and output: all of stdin
 * as text, and a JSON value printed whole. */
#include "climb/cli.h"

#include "climb/json_values.h"

#include <jansson.h>
#include <stdlib.h>

char *cli_read_stdin(size_t max, size_t *len)
{
    char *buf = malloc(max + 3); /* room for a CRLF too, and a NUL */
    if (!buf) {
        app_error("out of memory");
        return NULL;
    }
    size_t n = fread(buf, 1, max + 2, stdin);
    while (n > 0 && buf[n - 1] == '\n') {
        n--;
        if (n > 0 && buf[n - 1] == '\r') /* CRLF */
            n--;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

int cli_print_json(json_t *o)
{
    int rc = !o || json_dumpf_escaped(o, stdout, JSON_INDENT(2)) || fputc('\n', stdout) == EOF;
    json_decref(o);
    return rc ? EXIT_RUNTIME : EXIT_OK;
}
