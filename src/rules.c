/* rules.c - the checks of what climb accepts into a profile (rules.h), shared by
 * the command line and import so both refuse exactly the same values. */
#include "climb/rules.h"
#include "climb/text.h"

#include <stdio.h>
#include <string.h>

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

const char *rules_check_uuid(const char *s)
{
    static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    size_t i;
    for (i = 0; shape[i] && s[i]; i++) {
        int hex = (s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f');
        if (shape[i] == '-' ? s[i] != '-' : !hex)
            break;
    }
    if (!shape[i] && !s[i])
        return NULL;
    for (const char *p = s; *p; p++)
        if (*p >= 'A' && *p <= 'F')
            return "is not a UUID as climb writes it (lower-case hexadecimal digits only)";
    return "is not a UUID (8-4-4-4-12 lower-case hexadecimal digits)";
}

const char *rules_check_entry(const char *text, const char *const *links, size_t n_links,
                              char *buf, size_t len)
{
    const char *why;
    if (text && (why = rules_check_evidence(text, strlen(text))) != NULL) {
        snprintf(buf, len, "the evidence %s", why);
        return buf;
    }
    if (n_links > RULES_LINKS_MAX) {
        snprintf(buf, len, "an entry takes at most %d links", RULES_LINKS_MAX);
        return buf;
    }
    for (size_t i = 0; i < n_links; i++) {
        if ((why = rules_check_link(links[i], links[i] ? strlen(links[i]) : 0)) != NULL) {
            snprintf(buf, len, "link %zu %s", i + 1, why);
            return buf;
        }
    }
    return NULL;
}

const char *rules_check_placement(const climb_ladder *l, const quiz_answer *answers,
                                  size_t n, const quiz_placement *said, const char **field,
                                  char *buf, size_t len)
{
    quiz_placement p;
    *field = "answers";
    if (n != l->n_questions) {
        snprintf(buf, len, "has %zu answers; the quiz of ladder '%s' has %zu questions", n,
                 l->id, l->n_questions);
        return buf;
    }
    if (quiz_place(l, answers, n, &p) != 0) {
        snprintf(buf, len, "fit no placement band of ladder '%s'", l->id);
        return buf;
    }
    const struct {
        const char *name;
        int said, is;
    } cmp[] = {{"yes", said->yes, p.yes},
               {"regularly", said->regularly, p.regularly},
               {"phase", said->phase, p.phase},
               {"on_edge_of", said->on_edge_of, p.on_edge_of}};
    for (size_t i = 0; i < sizeof cmp / sizeof cmp[0]; i++) {
        if (cmp[i].said != cmp[i].is) {
            *field = cmp[i].name;
            snprintf(buf, len, "is %d, but the answers give %d (0: none)", cmp[i].said,
                     cmp[i].is);
            return buf;
        }
    }
    return NULL;
}
