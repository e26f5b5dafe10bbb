/* checkin.c - the check-in cadence's vocabulary: parsing "2w", wording it, and the
 * rule for when a check-in is due. Pure: the facts come from ops_checkin.c, so the
 * CLI's `due`, the prompt line and the TUI's offer decide alike. */
#include "climb/checkin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DAY = 86400 };

int checkin_parse_cadence(const char *s, int *days)
{
    if (strcmp(s, "none") == 0 || strcmp(s, "off") == 0) {
        *days = 0;
        return 0;
    }
    size_t digits = strspn(s, "0123456789");
    if (digits == 0 || digits > 4)
        return -1;
    long n = strtol(s, NULL, 10);
    const char *unit = s + digits;
    long per = strcmp(unit, "") == 0 || strcmp(unit, "d") == 0 ? 1
               : strcmp(unit, "w") == 0                       ? 7
               : strcmp(unit, "m") == 0                       ? 30
                                                              : 0;
    if (per == 0 || n < 1 || n * per > CHECKIN_MAX_DAYS)
        return -1;
    *days = (int)(n * per);
    return 0;
}

void checkin_describe_cadence(int days, char *buf, size_t len)
{
    if (days <= 0)
        snprintf(buf, len, "none");
    else if (days == 1)
        snprintf(buf, len, "every day");
    else if (days == 7)
        snprintf(buf, len, "every week");
    else if (days % 7 == 0)
        snprintf(buf, len, "every %d weeks", days / 7);
    else
        snprintf(buf, len, "every %d days", days);
}

int checkin_days_since(long long at, long long now)
{
    return now > at ? (int)((now - at) / DAY) : 0;
}

int checkin_is_due(const checkin_facts *f, long long now)
{
    return f->cadence_days > 0 && now - f->last_update >= (long long)f->cadence_days * DAY;
}

void checkin_due_sentence(const checkin_facts *f, long long now, char *buf, size_t len)
{
    int days = checkin_days_since(f->last_update, now);
    char stale[64] = "";
    if (f->stale > 0)
        snprintf(stale, sizeof stale, "; %d %s with stale evidence", f->stale,
                 f->stale == 1 ? "criterion" : "criteria");
    snprintf(buf, len, "check-in due: last update %d %s ago%s", days, days == 1 ? "day" : "days",
             stale);
}
