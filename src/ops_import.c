/* ops_import.c - importing a snapshot from a front end: the merge of import.c,
 * whose re-derivation goes through the event table like every other change. */
#include "ops_internal.h"

int ops_import(climb_store *st, const climb_ladder *l, const import_snapshot *s,
               const char *user, import_result *r, char *err, size_t errlen)
{
    return import_apply(st, l, s, user, r, err, errlen);
}
