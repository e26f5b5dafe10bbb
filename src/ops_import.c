/* ops_import.c - importing a snapshot from a front end: a backup of the database
 * first, then the merge of import.c, whose re-derivation goes through the event
 * table like every other change. */
#include "ops_internal.h"

#include <stdio.h>

int ops_import(climb_store *st, const climb_ladder *l, const import_snapshot *s,
               const char *user, import_result *r, char *err, size_t errlen)
{
    char backup[4600];
    if (store_read_only(st)) {
        store_begin(st); /* refuses with the read-only sentence */
        snprintf(err, errlen, "%s", store_error(st));
        return -1;
    }
    if (store_backup_if_changed(st, backup, sizeof backup) != 0) {
        snprintf(err, errlen, "no backup could be made before the import, so nothing was "
                 "imported: %s", store_error(st));
        return -1;
    }
    return import_apply(st, l, s, user, r, err, errlen);
}
