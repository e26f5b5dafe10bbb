/* clock_fuzzer.c - libFuzzer harness for clock_parse_iso on arbitrary bytes (cut
 * at the first NUL). It must never crash or overflow; a time it accepts must lie
 * within a day of its calendar date, and a date with no time or zone must format
 * back to itself. */
#include "climb/clock.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    long long t, day;
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    if (clock_parse_iso(s, &t) == 0) {
        char date[11], back[32];
        memcpy(date, s, 10); /* accepted input starts with YYYY-MM-DD */
        date[10] = '\0';
        if (clock_parse_iso(date, &day) != 0)
            abort();
        /* time of day up to 23:59:60, zone offsets up to 23:59 either way */
        if (t < day - 86400 || t > day + 2 * 86400)
            abort();
        if (strlen(s) == 10 && s[0] != '0') { /* %Y of years < 1000 has fewer digits */
            clock_format_utc(t, back, sizeof back);
            if (strncmp(back, s, 10) != 0 || strcmp(back + 10, "T00:00:00Z") != 0)
                abort();
        }
    }
    free(s);
    return 0;
}
