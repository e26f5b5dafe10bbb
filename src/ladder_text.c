/* ladder_text.c - formatting a level's tenure and pay range, and what progress or
 * a phase reaches (from the content's next_level and operating, never from a
 * phase number). */
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

void ladder_progress(const climb_ladder *l, int level, int operating, char *buf, size_t len)
{
    const char *name = level >= 0 && (size_t)level < l->n_levels ? l->levels[level].name : "?";
    snprintf(buf, len, "%s%s", operating ? "operating at " : "", name);
}

static const char *name_of(const climb_ladder *l, const char *id)
{
    const climb_level *lv = id ? content_level(l, id) : NULL;
    return lv ? lv->name : id ? id : "?";
}

void ladder_phase_step(const climb_ladder *l, const climb_phase *ph, char *buf, size_t len)
{
    if (ph->operating)
        snprintf(buf, len, "Operating at %s", name_of(l, ph->level));
    else
        snprintf(buf, len, "%s to %s", name_of(l, ph->level), name_of(l, ph->next_level));
}
