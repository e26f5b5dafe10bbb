/* ops_backup.c - copies of the database and its health, for the front ends:
 * `climb backup`, the copy an import makes first, `climb check`, and whether the
 * open database can be changed at all (read-only). */
#include "ops_internal.h"

#include <stdio.h>

int ops_backup(climb_store *st, const char *dest, char *out, size_t outlen)
{
    int rc = store_backup(st, dest, out, outlen);
    return rc == 1 ? OPS_EXISTS : rc;
}

int ops_check(const char *db_path, char *msg, size_t len)
{
    char what[1024];
    int rc = store_check_file(db_path, what, sizeof what);
    if (rc == 1)
        store_damage_advice(db_path, what, msg, len);
    else if (rc < 0)
        snprintf(msg, len, "%s", what);
    else
        snprintf(msg, len, "%s: ok (SQLite's integrity check found nothing wrong)", db_path);
    return rc;
}

int ops_read_only(const climb_model *m)
{
    return store_read_only(m->store);
}
