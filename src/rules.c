/* rules.c - the checks of what climb accepts into a profile (rules.h), shared by
 * the command line and import so both refuse exactly the same values. */
#include "climb/rules.h"
#include "climb/text.h"

_Static_assert(RULES_NOTE_MAX == 65536, "the message below names the limit");
_Static_assert(RULES_TIME_AHEAD == 86400, "rules_check_time's message says a day");

const char *rules_check_note(const char *s, size_t len)
{
    const char *why;
    if (text_check_input(s, len, &why) != 0)
        return why;
    if (len > RULES_NOTE_MAX)
        return "is longer than 65536 bytes (64 KiB)";
    return NULL;
}

const char *rules_check_reason(const char *s, size_t len)
{
    const char *why;
    if (!s || len == 0)
        return "is empty: n/a needs a reason";
    if (text_check_input(s, len, &why) != 0)
        return why;
    return NULL;
}

const char *rules_check_evidence(const char *s, size_t len)
{
    if (!s || len == 0)
        return "is empty: evidence needs some text";
    return rules_check_note(s, len);
}

const char *rules_check_link(const char *s, size_t len)
{
    const char *why;
    if (!s || len == 0 || len > 2048)
        return "is not 1 to 2048 bytes long";
    if (text_check_input(s, len, &why) != 0)
        return why;
    for (size_t i = 0; i < len; i++)
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
            return "has white space (a link is one word: a URL or a reference like PR-123)";
    return NULL;
}

const char *rules_check_stale_months(long long months)
{
    if (months < RULES_STALE_MIN || months > RULES_STALE_MAX)
        return "is out of range: the stale period is 1 to 120 months";
    return NULL;
}

const char *rules_check_time(long long t, long long now)
{
    if (t < 0)
        return "is before 1970";
    if (t > now + RULES_TIME_AHEAD)
        return "is more than a day after now: a time of something that happened cannot be "
               "in the future";
    return NULL;
}
