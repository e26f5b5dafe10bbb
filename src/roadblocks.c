/* roadblocks.c - a profile's roadblock flags in memory: looking one up, freeing. */
#include "climb/roadblocks.h"

#include <stdlib.h>
#include <string.h>

void roadblocks_free(roadblock_flags *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->items[i].roadblock_id);
    free(f->items);
    memset(f, 0, sizeof *f);
}

long long roadblocks_flagged_at(const roadblock_flags *f, const char *roadblock_id)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->items[i].roadblock_id, roadblock_id) == 0)
            return f->items[i].flagged_at;
    return 0;
}
