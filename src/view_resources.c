/* view_resources.c - the Resources view: the ladder's advice on matching resources
 * to where you are, then the resources listed for the selected phase, each with
 * what it is and when it is worth the time. 1-4 switch the phase. */
#include "climb/view_resources.h"
#include "climb/doc_view.h"
#include "climb/draw.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    doc d;
    int phase;        /* the phase the items were built for */
    int *resource;    /* resource index of each item */
} res_state;

static int number_of(const tui *t)
{
    return t->ladder->phases[t->phase].number;
}

static int build(tui *t, res_state *s)
{
    const climb_ladder *l = t->ladder;
    int number = number_of(t);
    doc_clear(&s->d);
    free(s->resource);
    s->resource = malloc((l->n_resources ? l->n_resources : 1) * sizeof *s->resource);
    if (!s->resource)
        return -1;
    s->phase = t->phase;
    s->d.cursor = s->d.scroll = 0;
    s->d.intro = l->resources_advice ? doc_strf("%s", l->resources_advice) : NULL;
    s->d.empty = doc_strf("No resources are listed for phase %d.", number);
    for (size_t i = 0; i < l->n_resources; i++) {
        const climb_resource *r = &l->resources[i];
        if (number < r->phase_min || number > r->phase_max)
            continue;
        char *meta = r->phase_min == r->phase_max
                         ? doc_strf("for phase %d", r->phase_min)
                         : doc_strf("for phases %d-%d", r->phase_min, r->phase_max);
        doc_item it = {doc_strf("%s", r->name), meta, {doc_strf("%s", r->what), NULL, NULL}, 0};
        s->resource[s->d.n] = (int)i;
        if (doc_add(&s->d, it)) /* GCOVR_EXCL_BR_LINE: doc_add fails only when out of memory */
            return -1; /* GCOVR_EXCL_LINE: out of memory */
    }
    return 0;
}

enum { CMD_PHASE = 1 };

static const view_key RES_KEYS[] = {
    {'1', 0, CMD_PHASE, "1", "show the resources of that phase"},
    {'2', 0, CMD_PHASE, "2", NULL},
    {'3', 0, CMD_PHASE, "3", NULL},
    {'4', 0, CMD_PHASE, "4", NULL},
    DOC_KEY_ROWS('r', "r"),
    {0, 0, 0, NULL, NULL},
};

const view_key *const resources_key_tables[] = {RES_KEYS, NULL};

static const view_hint_item RES_HINT[] = {{CMD_PHASE, 0, "phase"}, DOC_HINT_ITEMS};

static void res_draw(tui *t, void *state)
{
    res_state *s = state;
    const climb_phase *ph = &t->ladder->phases[t->phase];
    const climb_level *lv = content_level(t->ladder, ph->level);
    char title[256];
    snprintf(title, sizeof title, "Resources %s phase %d (%s)", draw_glyph(GL_DOT), ph->number,
             lv ? lv->name : ph->level);
    doc_draw(t, &s->d, title, RES_KEYS, RES_HINT);
}


static const view_key *res_keys(void *state)
{
    (void)state;
    return RES_KEYS;
}

static int res_handle(tui *t, void *state, int key, int is_char, action a)
{
    res_state *s = state;
    (void)a;
    int cmd = view_key_cmd(RES_KEYS, key, is_char);
    if (cmd == CMD_PHASE) {
        int p = key - '1';
        if (p >= (int)t->ladder->n_phases)
            return DIRTY_NONE;
        tui_select_phase(t, p);
        if (build(t, s)) { /* GCOVR_EXCL_START: build fails only when out of memory */
            tui_message(t, 1, "out of memory");
            tui_pop_view(t);
        } /* GCOVR_EXCL_STOP */
        return DIRTY_ALL;
    }
    int r = doc_command(t, &s->d, cmd);
    if (r != NOT_HANDLED)
        return r;
    tui_message(t, 0, "1-4 show another phase's resources; Esc closes");
    return DIRTY_BARS;
}

static void res_close(void *state)
{
    res_state *s = state;
    doc_clear(&s->d);
    free(s->resource);
    free(s);
}

static const view_ops resources_view = {"resources", res_draw, res_handle, res_close, res_keys};

/* Index of the phase numbered `number`, or -1. */
static int phase_index(const climb_ladder *l, int number)
{
    for (size_t p = 0; p < l->n_phases; p++)
        if (l->phases[p].number == number)
            return (int)p;
    return -1;
}

void resources_view_open(tui *t, int resource)
{
    const climb_ladder *l = t->ladder;
    if (resource >= 0 && (size_t)resource < l->n_resources) {
        const climb_resource *r = &l->resources[resource];
        int number = number_of(t);
        int p = phase_index(l, r->phase_min);
        if ((number < r->phase_min || number > r->phase_max) && p >= 0)
            tui_select_phase(t, p);
    }
    res_state *s = calloc(1, sizeof *s);
    if (!s || build(t, s)) { /* GCOVR_EXCL_BR_LINE: both fail only out of memory */
        if (s) /* GCOVR_EXCL_START: out of memory */
            res_close(s);
        tui_message(t, 1, "out of memory");
        return; /* GCOVR_EXCL_STOP */
    }
    for (size_t i = 0; i < s->d.n; i++)
        if (s->resource[i] == resource)
            doc_select(&s->d, (int)i);
    tui_push_view(t, &resources_view, s);
}
