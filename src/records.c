/* records.c - names of criterion states and freeing the plain records. */
#include "climb/records.h"

#include <stdlib.h>
#include <string.h>

static const char *const STATE_NAMES[] = {"todo", "doing", "done", "n/a"};

const char *crit_state_name(crit_state s)
{
    return (unsigned)s < 4 ? STATE_NAMES[s] : "todo";
}

int crit_state_parse(const char *name, crit_state *out)
{
    for (int i = 0; name && i < 4; i++) {
        if (strcmp(name, STATE_NAMES[i]) == 0) {
            *out = (crit_state)i;
            return 0;
        }
    }
    return -1;
}

void profile_row_free(profile_row *p)
{
    free(p->name);
    free(p->title);
    free(p->target_level);
    free(p->display_name);
    memset(p, 0, sizeof *p);
}

void evidence_row_free(evidence_row *e)
{
    free(e->criterion_id);
    free(e->text);
    for (size_t i = 0; i < e->n_links; i++)
        free(e->links[i]);
    free(e->links);
    memset(e, 0, sizeof *e);
}

void criterion_row_free(criterion_row *c)
{
    free(c->criterion_id);
    free(c->note);
    free(c->reason);
    free(c->text_at_done);
    memset(c, 0, sizeof *c);
}
