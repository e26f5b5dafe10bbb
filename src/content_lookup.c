/* content_lookup.c - owns the read-only look-ups into a loaded ladder: a level
 * by id, a phase by number, a criterion by id. Linear scans: ladders are small. */
#include <string.h>

#include "climb/content.h"

int content_level_index(const climb_ladder *l, const char *id)
{
    if (!l || !id)
        return -1;
    for (size_t i = 0; i < l->n_levels; i++)
        if (l->levels[i].id && strcmp(l->levels[i].id, id) == 0)
            return (int)i;
    return -1;
}

const climb_level *content_level(const climb_ladder *l, const char *id)
{
    int i = content_level_index(l, id);
    return i < 0 ? NULL : &l->levels[i];
}

const climb_phase *content_phase(const climb_ladder *l, int number)
{
    if (!l || number < 1)
        return NULL;
    if ((size_t)number <= l->n_phases && l->phases[number - 1].number == number)
        return &l->phases[number - 1];
    for (size_t i = 0; i < l->n_phases; i++)
        if (l->phases[i].number == number)
            return &l->phases[i];
    return NULL;
}

const climb_criterion *content_criterion(const climb_ladder *l, const char *id,
                                         const climb_phase **phase_out)
{
    if (phase_out)
        *phase_out = NULL;
    if (!l || !id)
        return NULL;
    for (size_t p = 0; p < l->n_phases; p++) {
        const climb_phase *ph = &l->phases[p];
        for (size_t i = 0; i < ph->n_criteria; i++) {
            if (ph->criteria[i].id && strcmp(ph->criteria[i].id, id) == 0) {
                if (phase_out)
                    *phase_out = ph;
                return &ph->criteria[i];
            }
        }
    }
    return NULL;
}
