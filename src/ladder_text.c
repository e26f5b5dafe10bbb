/* ladder_text.c - formatting a level's tenure and pay range. */
#include "climb/ladder_text.h"

#include <stdio.h>

void ladder_tenure(const climb_level *l, int short_form, char *buf, size_t len)
{
    const char *unit = short_form ? "y" : "years";
    if (l->tenure_max < 0)
        snprintf(buf, len, "%d+ %s", l->tenure_min, unit);
    else
        snprintf(buf, len, "%d-%d %s", l->tenure_min, l->tenure_max, unit);
}

/* $155K, or $155,500 when not a round thousand. */
static void money(long v, char *buf, size_t len)
{
    if (v % 1000 == 0)
        snprintf(buf, len, "$%ldK", v / 1000);
    else
        snprintf(buf, len, "$%ld", v);
}

void ladder_pay(const climb_level *l, char *buf, size_t len)
{
    char lo[32], hi[32];
    money(l->pay_low, lo, sizeof lo);
    money(l->pay_high, hi, sizeof hi);
    snprintf(buf, len, "%s-%s%s", lo, hi, l->pay_open_top ? "+" : "");
}
