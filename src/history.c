/* history.c - the event log's vocabulary without the database: the kinds, filters
 * and keyset positions, local weeks and months, and the dates --since/--until and
 * "go to date" accept. */
#include "climb/history.h"
#include "climb/clock.h"
#include "climb/event_kinds.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int history_kind_known(const char *kind)
{
    return event_kind_of(kind) >= 0;
}

void history_filter_init(hist_filter *f)
{
    memset(f, 0, sizeof *f);
    f->since = LLONG_MIN;
    f->until = LLONG_MAX;
}

hist_key history_key_newest(void)
{
    hist_key k = {LLONG_MAX, LLONG_MAX};
    return k;
}

hist_key history_key_at(long long t)
{
    hist_key k = {t, LLONG_MAX};
    return k;
}

void history_event_free(hist_event *e)
{
    free(e->item);
    free(e->value);
    free(e->previous);
    free(e->detail);
    free(e->undone_kind);
    free(e->undone_value);
    free(e->undone_previous);
    memset(e, 0, sizeof *e);
}

static int copy_text(char **dst, const char *src)
{
    *dst = src ? strdup(src) : NULL;
    return src && !*dst ? -1 : 0;
}

int history_event_copy(hist_event *dst, const hist_event *src)
{
    *dst = *src;
    dst->item = dst->value = dst->previous = dst->detail = NULL;
    dst->undone_kind = dst->undone_value = dst->undone_previous = NULL;
    int bad = copy_text(&dst->item, src->item) | copy_text(&dst->value, src->value) |
              copy_text(&dst->previous, src->previous) | copy_text(&dst->detail, src->detail) |
              copy_text(&dst->undone_kind, src->undone_kind) |
              copy_text(&dst->undone_value, src->undone_value) |
              copy_text(&dst->undone_previous, src->undone_previous);
    if (bad) /* GCOVR_EXCL_LINE: strdup fails only when out of memory */
        history_event_free(dst); /* GCOVR_EXCL_LINE: as above */
    return bad ? -1 : 0;
}

/* Periods, built from local calendar fields so DST changes shift nothing. */

static long long local_midnight(struct tm *tm)
{
    tm->tm_hour = tm->tm_min = tm->tm_sec = 0;
    tm->tm_isdst = -1;
    return (long long)mktime(tm);
}

long long history_period_start(hist_period p, long long t)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    if (p == HIST_MONTH)
        tm.tm_mday = 1;
    else
        tm.tm_mday -= (tm.tm_wday + 6) % 7; /* back to Monday */
    return local_midnight(&tm);
}

long long history_period_add(hist_period p, long long start, int k)
{
    time_t tt = (time_t)start;
    struct tm tm;
    localtime_r(&tt, &tm);
    if (p == HIST_MONTH) {
        tm.tm_mday = 1;
        tm.tm_mon += k;
    } else {
        tm.tm_mday += 7 * k;
    }
    return local_midnight(&tm);
}

void history_period_key(hist_period p, long long start, char *buf, size_t len)
{
    time_t tt = (time_t)start;
    struct tm tm;
    localtime_r(&tt, &tm);
    strftime(buf, len, p == HIST_MONTH ? "%Y-%m" : "%Y-%m-%d", &tm);
}

/* "YYYY" or "YYYY-MM": 1 and the local start of that year or month (with `end`,
 * of the next one), 0 when s is neither. */
static int parse_year_month(const char *s, int end, long long *out)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++)
        if (!(i == 4 ? s[i] == '-' : s[i] >= '0' && s[i] <= '9'))
            return 0;
    if (len != 4 && len != 7)
        return 0;
    int month = len == 7 ? atoi(s + 5) : 1;
    if (month < 1 || month > 12)
        return 0;
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = atoi(s) - 1900;
    tm.tm_mon = month - 1 + (end && len == 7 ? 1 : 0);
    tm.tm_year += end && len == 4 ? 1 : 0;
    tm.tm_mday = 1;
    *out = local_midnight(&tm);
    return 1;
}

int history_parse_date(const char *s, int end_of_day, long long *out)
{
    long long t;
    if (parse_year_month(s, end_of_day, out))
        return 0;
    if (clock_parse_iso(s, &t) != 0)
        return -1;
    if (strlen(s) != 10) {
        *out = t + (end_of_day ? 1 : 0);
        return 0;
    }
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    tm.tm_year = atoi(s) - 1900;
    tm.tm_mon = atoi(s + 5) - 1;
    tm.tm_mday = atoi(s + 8) + (end_of_day ? 1 : 0);
    *out = local_midnight(&tm);
    return 0;
}
