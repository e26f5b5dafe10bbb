/* clock.c - time source (real or CLIMB_NOW) and ISO 8601 parsing/formatting. */
#include "climb/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's method),
 * so parsing never depends on the local zone. */
static long long days_from_civil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

static int days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 ? 28 + leap : dim[m - 1];
}

/* Parses exactly n digits at *p into *v and advances. */
static int digits(const char **p, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if ((*p)[i] < '0' || (*p)[i] > '9')
            return -1;
        x = x * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *v = x;
    return 0;
}

/* Parses the optional "THH:MM[:SS]" and the zone suffix; adds to *secs. */
static int parse_time_and_zone(const char *p, long long *secs)
{
    int hh = 0, mi = 0, ss = 0;
    if (*p == 'T' || *p == ' ') {
        p++;
        if (digits(&p, 2, &hh) || *p++ != ':' || digits(&p, 2, &mi))
            return -1;
        if (*p == ':' && (p++, digits(&p, 2, &ss)))
            return -1;
        if (*p == '.') /* fractional seconds are accepted and dropped */
            for (p++; *p >= '0' && *p <= '9'; p++)
                ;
    }
    if (hh > 23 || mi > 59 || ss > 60)
        return -1;
    long long off = 0;
    if (*p == 'Z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1, oh, om;
        if (digits(&p, 2, &oh) || *p++ != ':' || digits(&p, 2, &om) || oh > 23 || om > 59)
            return -1;
        off = sign * (oh * 3600LL + om * 60LL);
    }
    if (*p != '\0')
        return -1;
    *secs += hh * 3600LL + mi * 60LL + ss - off;
    return 0;
}

int clock_parse_iso(const char *s, long long *out)
{
    int y, m, d;
    const char *p = s;
    if (!s || digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &m) || *p++ != '-' ||
        digits(&p, 2, &d))
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    long long secs = days_from_civil(y, (unsigned)m, (unsigned)d) * 86400LL;
    if (parse_time_and_zone(p, &secs))
        return -1;
    /* Years 1000-9999 in UTC: what "YYYY-MM-DDTHH:MM:SSZ" can write back. */
    if (secs < days_from_civil(1000, 1, 1) * 86400LL ||
        secs >= days_from_civil(10000, 1, 1) * 86400LL)
        return -1;
    *out = secs;
    return 0;
}

int clock_check_env(void)
{
    const char *env = getenv("CLIMB_NOW");
    long long t;
    if (!env || !*env)
        return 0;
    if (clock_parse_iso(env, &t) != 0)
        return -1;
    return t < 0 ? -2 : 0;
}

long long clock_now(void)
{
    const char *env = getenv("CLIMB_NOW");
    long long t;
    if (env && *env && clock_parse_iso(env, &t) == 0 && t >= 0)
        return t;
    return (long long)time(NULL);
}

/* The proleptic Gregorian date of a day count since 1970-01-01 (Hinnant). */
static void civil_from_days(long long z, long long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (long long)yoe + era * 400 + (*m <= 2);
}

void clock_format_utc(long long t, char *buf, size_t len)
{
    /* Always the full "YYYY-MM-DDTHH:MM:SSZ", which clock_parse_iso reads back:
     * a time outside 1970..9999 (none is accepted at any entry) is clamped. */
    const long long lo = 0, hi = days_from_civil(10000, 1, 1) * 86400LL - 1;
    t = t < lo ? lo : t > hi ? hi : t;
    long long days = t / 86400, secs = t % 86400, y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(buf, len, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", y, m, d, secs / 3600,
             secs / 60 % 60, secs % 60);
}

void clock_format_local_date(long long t, char *buf, size_t len)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    strftime(buf, len, "%Y-%m-%d", &tm);
}

void clock_format_local_minute(long long t, char *buf, size_t len)
{
    time_t tt = (time_t)t;
    struct tm tm;
    localtime_r(&tt, &tm);
    strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}
