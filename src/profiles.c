/* profiles.c - what a profile's title and placement say: finding a level by id
 * or name, the level a placement stands for, and the sentence when they differ. */
#include "climb/profiles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int profiles_find_level(const climb_ladder *l, const char *id_or_name)
{
    int i = content_level_index(l, id_or_name);
    for (size_t k = 0; i < 0 && k < l->n_levels; k++)
        if (strcasecmp(l->levels[k].id, id_or_name) == 0 ||
            strcasecmp(l->levels[k].name, id_or_name) == 0)
            i = (int)k;
    return i;
}

int profiles_placement_level(const climb_ladder *l, int phase)
{
    const climb_phase *ph = content_phase(l, phase);
    return ph ? content_level_index(l, ph->level) : -1;
}

int profiles_mismatch(const climb_ladder *l, const char *title, const quiz_attempt *placement,
                      char *buf, size_t len)
{
    if (len)
        buf[0] = '\0';
    int have = title ? content_level_index(l, title) : -1;
    int placed = placement ? profiles_placement_level(l, placement->phase) : -1;
    if (have < 0 || placed < 0 || have == placed)
        return 0;
    char edge[48] = "";
    if (placement->on_edge_of)
        snprintf(edge, sizeof edge, ", edge of %d", placement->on_edge_of);
    snprintf(buf, len, "Your title says %s but the quiz puts you at %s (Phase %d%s).",
             l->levels[have].name, l->levels[placed].name, placement->phase, edge);
    return 1;
}

void profiles_free(profile_info *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++) {
        free(list[i].name);
        free(list[i].title);
    }
    free(list);
}
