/* ops_refresh.c - noticing what another climb committed. PRAGMA data_version
 * changes only when another connection commits, so checking it after every key
 * costs microseconds; when it moved, the whole model is read again. */
#include "ops_internal.h"

int ops_refresh(climb_model *m)
{
    int v = store_data_version(m->store);
    if (v < 0)
        return -1;
    if (v == m->data_version)
        return 0;
    int rc = model_reload(m);
    if (rc == 1) {
        m->data_version = v; /* say it once */
        store_fail(m->store, "profile %s was deleted elsewhere", m->profile.name);
        return OPS_NOT_FOUND;
    }
    return rc < 0 ? -1 : OPS_RELOADED;
}
