/* content_validate.c - owns the checks that need the whole ladder: ids unique
 * across the file, level and phase references that resolve, phases numbered
 * 1..n, min <= max ranges, placement bands, and one quiz advice per phase.
 * Positions come from the node tree, which mirrors the parsed structs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content_internal.h"

static int cmp_ids(const void *a, const void *b)
{
    const content_id *x = a, *y = b;
    int d = strcmp(x->id, y->id);
    if (d)
        return d;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Reports the repeat that comes earliest in the file. */
static int check_duplicate_ids(content_ctx *c)
{
    content_id *s, best = {0}, first = {0};
    size_t group = 0;
    if (c->n_ids < 2)
        return 0;
    if (!(s = malloc(c->n_ids * sizeof *s)))
        return content_fail(c, NULL, "out of memory");
    memcpy(s, c->ids, c->n_ids * sizeof *s);
    qsort(s, c->n_ids, sizeof *s, cmp_ids);
    for (size_t i = 1; i < c->n_ids; i++) {
        if (strcmp(s[i].id, s[group].id) != 0) {
            group = i;
        } else if (!best.id || s[i].order < best.order) {
            best = s[i];
            first = s[group];
        }
    }
    free(s);
    if (!best.id)
        return 0;
    content_set_error(c->err, best.line, best.col, "duplicate id '%s' (first defined at %lu:%lu)",
                      best.id, first.line, first.col);
    return -1;
}

static void obj_ctx(char *buf, size_t len, const char *kind, const char *id, size_t i)
{
    if (id)
        snprintf(buf, len, "%s %s", kind, id);
    else
        snprintf(buf, len, "%s #%zu", kind, i + 1);
}

static int check_level_ref(content_ctx *c, const climb_ladder *l, const ynode *item,
                           const char *key, const char *value, const char *ctx)
{
    if (content_level_index(l, value) >= 0)
        return 0;
    return content_fail(c, ytree_get(item, key), "unknown level '%s' in '%s' of %s", value, key,
                        ctx);
}

static int check_phase_ref(content_ctx *c, const climb_ladder *l, const ynode *item,
                           const char *key, int value, const char *ctx)
{
    if (value >= 1 && (size_t)value <= l->n_phases)
        return 0;
    return content_fail(c, ytree_get(item, key), "unknown phase %d in '%s' of %s (phases are 1 to %zu)",
                        value, key, ctx, l->n_phases);
}

static int check_order(content_ctx *c, const ynode *item, const char *lo_key, long lo,
                       const char *hi_key, long hi, const char *ctx)
{
    if (lo <= hi)
        return 0;
    return content_fail(c, ytree_get(item, hi_key), "'%s' (%ld) is less than '%s' (%ld) in %s",
                        hi_key, hi, lo_key, lo, ctx);
}

static int check_levels(content_ctx *c, const ynode *root, const climb_ladder *l)
{
    const ynode *list = ytree_get(root, "levels");
    char ctx[96];
    for (size_t i = 0; i < l->n_levels; i++) {
        const climb_level *v = &l->levels[i];
        const ynode *item = ytree_item(list, i);
        obj_ctx(ctx, sizeof ctx, "level", v->id, i);
        if ((v->tenure_max >= 0 && check_order(c, item, "tenure_min", v->tenure_min,
                                                "tenure_max", v->tenure_max, ctx) < 0) ||
            check_order(c, item, "pay_low", v->pay_low, "pay_high", v->pay_high, ctx) < 0)
            return -1;
    }
    return 0;
}

static int check_phases(content_ctx *c, const ynode *root, const climb_ladder *l)
{
    const ynode *list = ytree_get(root, "phases");
    char ctx[96];
    for (size_t i = 0; i < l->n_phases; i++) {
        const climb_phase *p = &l->phases[i];
        const ynode *item = ytree_item(list, i);
        obj_ctx(ctx, sizeof ctx, "phase", p->id, i);
        if (p->number != (int)i + 1)
            return content_fail(c, ytree_get(item, "number"),
                                "phase %s has number %d, expected %zu: phases are numbered "
                                "1, 2, 3... in file order",
                                p->id, p->number, i + 1);
        /* What meeting the phase reaches comes from here, never from its number:
         * next_level, or, with operating: true, operating at its own level. */
        if (p->operating && p->next_level)
            return content_fail(c, ytree_get(item, "next_level"),
                                "'next_level' in %s does not go with 'operating: true': meeting "
                                "an operating phase reaches no further level", ctx);
        if (!p->operating && !p->next_level)
            return content_fail(c, item, "missing required key 'next_level' in %s "
                                "(or 'operating: true')", ctx);
        if (check_level_ref(c, l, item, "level", p->level, ctx) < 0 ||
            (p->next_level && check_level_ref(c, l, item, "next_level", p->next_level, ctx) < 0))
            return -1;
    }
    return 0;
}

static int check_band(content_ctx *c, const climb_ladder *l, const ynode *item, size_t i)
{
    const climb_band *b = &l->bands[i];
    char ctx[96];
    obj_ctx(ctx, sizeof ctx, "band", NULL, i);
    if (check_order(c, item, "yes_min", b->yes_min, "yes_max", b->yes_max, ctx) < 0)
        return -1;
    if ((size_t)b->yes_max > l->n_questions)
        return content_fail(c, ytree_get(item, "yes_max"),
                            "'yes_max' (%d) in %s is more than the number of questions (%zu)",
                            b->yes_max, ctx, l->n_questions);
    if (b->regularly_min > b->yes_max)
        return content_fail(c, ytree_get(item, "regularly_min"),
                            "'regularly_min' (%d) is more than 'yes_max' (%d) in %s",
                            b->regularly_min, b->yes_max, ctx);
    if (check_phase_ref(c, l, item, "phase", b->phase, ctx) < 0)
        return -1;
    if (b->on_edge_of != 0 && check_phase_ref(c, l, item, "on_edge_of", b->on_edge_of, ctx) < 0)
        return -1;
    return 0;
}

static int band_matches(const climb_ladder *l, int yes, int regularly)
{
    for (size_t i = 0; i < l->n_bands; i++) {
        const climb_band *b = &l->bands[i];
        if (yes >= b->yes_min && yes <= b->yes_max && regularly >= b->regularly_min)
            return 1;
    }
    return 0;
}

/* Every possible result (0..n yes answers, 0..yes of them regular) must place. */
static int check_band_coverage(content_ctx *c, const ynode *list, const climb_ladder *l)
{
    for (int yes = 0; (size_t)yes <= l->n_questions; yes++)
        for (int reg = 0; reg <= yes; reg++)
            if (!band_matches(l, yes, reg))
                return content_fail(c, list,
                                    "no band places %d yes answer%s with %d answered regularly",
                                    yes, yes == 1 ? "" : "s", reg);
    return 0;
}

static int check_bands(content_ctx *c, const ynode *root, const climb_ladder *l)
{
    const ynode *list = ytree_get(ytree_get(root, "quiz"), "bands");
    for (size_t i = 0; i < l->n_bands; i++)
        if (check_band(c, l, ytree_item(list, i), i) < 0)
            return -1;
    return check_band_coverage(c, list, l);
}

/* Files each quiz.phase_advice text under its phase; every phase needs one. */
static int check_advice(content_ctx *c, const ynode *root, climb_ladder *l)
{
    const ynode *list = ytree_get(ytree_get(root, "quiz"), "phase_advice");
    char ctx[96];
    if (!(l->phase_advice = calloc(l->n_phases, sizeof *l->phase_advice)))
        return content_fail(c, list, "out of memory");
    for (size_t i = 0; i < c->n_advice; i++) {
        content_advice *a = &c->advice[i];
        const ynode *item = ytree_item(list, i);
        obj_ctx(ctx, sizeof ctx, "phase advice", NULL, i);
        if (check_phase_ref(c, l, item, "phase", a->phase, ctx) < 0)
            return -1;
        if (l->phase_advice[a->phase - 1])
            return content_fail(c, ytree_get(item, "phase"), "duplicate phase advice for phase %d",
                                a->phase);
        l->phase_advice[a->phase - 1] = a->text;
        a->text = NULL;
    }
    for (size_t p = 0; p < l->n_phases; p++)
        if (!l->phase_advice[p])
            return content_fail(c, list, "missing phase advice for phase %zu in quiz", p + 1);
    return 0;
}

static int check_resources(content_ctx *c, const ynode *root, const climb_ladder *l)
{
    const ynode *list = ytree_get(ytree_get(root, "resources"), "items");
    char ctx[96];
    for (size_t i = 0; i < l->n_resources; i++) {
        const climb_resource *r = &l->resources[i];
        const ynode *item = ytree_item(list, i);
        obj_ctx(ctx, sizeof ctx, "resource", r->id, i);
        if (check_phase_ref(c, l, item, "phase_min", r->phase_min, ctx) < 0 ||
            check_phase_ref(c, l, item, "phase_max", r->phase_max, ctx) < 0 ||
            check_order(c, item, "phase_min", r->phase_min, "phase_max", r->phase_max, ctx) < 0)
            return -1;
    }
    return 0;
}

static int check_timelines(content_ctx *c, const ynode *root, const climb_ladder *l)
{
    const ynode *list = ytree_get(root, "timelines");
    char ctx[96];
    for (size_t i = 0; i < l->n_timelines; i++) {
        const climb_timeline *t = &l->timelines[i];
        const ynode *item = ytree_item(list, i);
        obj_ctx(ctx, sizeof ctx, "timeline", t->id, i);
        if (check_level_ref(c, l, item, "from", t->from_level, ctx) < 0 ||
            check_level_ref(c, l, item, "to", t->to_level, ctx) < 0 ||
            check_order(c, item, "years_min", t->years_min, "years_max", t->years_max, ctx) < 0)
            return -1;
    }
    return 0;
}

int content_validate(content_ctx *c, const ynode *root, climb_ladder *l)
{
    if (check_duplicate_ids(c) < 0 || check_levels(c, root, l) < 0 ||
        check_phases(c, root, l) < 0 || check_bands(c, root, l) < 0 ||
        check_advice(c, root, l) < 0 || check_resources(c, root, l) < 0 ||
        check_timelines(c, root, l) < 0)
        return -1;
    return 0;
}
