/* json_values.c - optional strings and UTC times as jansson values, and the JSON
 * side of the output gate: jansson's text written with the controls it leaves raw
 * escaped. */
#include "climb/json_values.h"
#include "climb/clock.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

json_t *json_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

json_t *json_time_or_null(long long t)
{
    char buf[32];
    if (!t)
        return json_null();
    clock_format_utc(t, buf, sizeof buf);
    return json_string(buf);
}

int json_write_escaped(const char *json, size_t n, FILE *out)
{
    size_t i = 0, run = 0; /* json[run..i) is waiting to be copied */
    while (i < n) {
        unsigned cp = 0;
        size_t len = text_utf8_decode(json + i, n - i, &cp);
        if (len == 0) {
            i++;
            continue;
        }
        /* C0 is escaped by jansson; the raw ones left are indentation newlines. */
        if (cp >= 0x7F && text_is_control(cp)) {
            if (fwrite(json + run, 1, i - run, out) != i - run ||
                fprintf(out, "\\u%04x", cp) < 0)
                return -1;
            run = i + len;
        }
        i += len;
    }
    return fwrite(json + run, 1, n - run, out) == n - run ? 0 : -1;
}

char *json_dumps_whole(const json_t *j, size_t flags)
{
    char *s = json_dumps(j, flags);
    json_t *back = s ? json_loads(s, JSON_DECODE_ANY, NULL) : NULL;
    if (!back) {
        free(s);
        return NULL;
    }
    json_decref(back);
    return s;
}

int json_dumpf_escaped(const json_t *j, FILE *out, size_t flags)
{
    char *s = json_dumps_whole(j, flags);
    if (!s)
        return -1;
    int rc = json_write_escaped(s, strlen(s), out);
    free(s);
    return rc;
}
