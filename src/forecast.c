/* forecast.c - the projected date a phase is complete at the pace of its ticks,
 * and lengths of time in words. Pure arithmetic. */
#include "climb/forecast.h"

#include <stdio.h>

enum { DAY = 86400, ROUGH_TICKS = 5, ROUGH_DAYS = 90 };

void forecast_span_text(long long seconds, char *buf, size_t len)
{
    long long days = seconds / DAY;
    long long months = (long long)((double)days / 30.436875 + 0.5); /* rounded */
    if (seconds < DAY)
        snprintf(buf, len, "under a day");
    else if (days < 14)
        snprintf(buf, len, "%lld d", days);
    else if (months < 2)
        snprintf(buf, len, "%lld wk", days / 7);
    else if (months < 12)
        snprintf(buf, len, "%lld mo", months);
    else if (months % 12 == 0)
        snprintf(buf, len, "%lld y", months / 12);
    else
        snprintf(buf, len, "%lld y %lld mo", months / 12, months % 12);
}

void forecast_compute(const long long *ticks, size_t n, int remaining, long long now,
                      forecast *out)
{
    *out = (forecast){0};
    out->ticks = (int)n;
    out->remaining = remaining > 0 ? remaining : 0;
    long long first = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || ticks[i] < first)
            first = ticks[i];
    out->span = n && now > first ? now - first : 0;
    char span[32];
    forecast_span_text(out->span, span, sizeof span);
    if (out->remaining == 0) {
        out->kind = FORECAST_ALL_MET;
        snprintf(out->basis, sizeof out->basis, "every criterion of the phase is met");
        return;
    }
    if (n < FORECAST_MIN_TICKS) {
        out->kind = FORECAST_TOO_FEW;
        out->rough = 1;
        snprintf(out->basis, sizeof out->basis,
                 "no forecast yet: it needs at least %d ticks in this phase, and there %s %zu",
                 FORECAST_MIN_TICKS, n == 1 ? "is" : "are", n);
        return;
    }
    long long elapsed = out->span < DAY ? DAY : out->span;
    out->interval = elapsed / (long long)(n - 1);
    out->date = now + out->interval * out->remaining;
    out->kind = FORECAST_DATE;
    out->rough = n < ROUGH_TICKS || out->span < (long long)ROUGH_DAYS * DAY;
    snprintf(out->basis, sizeof out->basis, "rests on %zu ticks over %s%s", n, span,
             out->rough ? ", a rough guess" : "");
}
