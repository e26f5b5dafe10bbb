/* ops_evidence.c - dated evidence entries behind a criterion: add, edit, remove.
 * An entry is the latest 'evidence' event of its id (the event table derives the
 * row); each change carries the whole entry as JSON in the event's detail, so an
 * undo of a removal or an edit gives back its links and date too. */
#include "ops_internal.h"

#include "climb/clock.h"
#include "climb/store_evidence.h"
#include "climb/rules.h"

#include "climb/json_values.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert((int)EVIDENCE_LINKS_MAX == (int)RULES_LINKS_MAX, "one limit of links per entry");

const char *ops_entry_problem(const ops_entry *e, long long now)
{
    static char why[160];
    if (rules_check_entry(e->text, e->links, e->links ? e->n_links : 0, why, sizeof why))
        return why;
    if (e->happened_at && e->happened_at > now)
        return "the date is in the future; evidence records what already happened";
    if (e->happened_at && rules_check_time(e->happened_at, now)) {
        snprintf(why, sizeof why, "the date %s", rules_check_time(e->happened_at, now));
        return why;
    }
    return NULL;
}

/* The entry as the event's detail: {"criterion", "links", "happened"}; NULL when
 * memory ran out. Every step is checked: jansson's setters fail quietly, and a
 * detail missing a link was saved as the whole entry (tests/unit/test_faults.c,
 * evidence add under malloc failures, N=3). */
static char *entry_json(const char *criterion, const char *const *links, size_t n,
                        long long happened)
{
    json_t *o = json_object(), *arr = json_array();
    int ok = o && arr;
    for (size_t i = 0; ok && i < n; i++)
        ok = json_array_append_new(arr, json_string(links[i])) == 0;
    ok = ok && json_object_set_new(o, "criterion", json_string(criterion)) == 0;
    ok = ok && json_object_set(o, "links", arr) == 0;
    ok = ok && json_object_set_new(o, "happened", json_integer(happened)) == 0;
    char *s = ok ? json_dumps_whole(o, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(arr);
    json_decref(o);
    return s;
}

static int invalid(climb_model *m, const char *why)
{
    store_fail(m->store, "%s", why);
    return OPS_INVALID;
}

int ops_evidence_add(climb_model *m, size_t phase, size_t index, const ops_entry *e,
                     char *entry_out)
{
    const char *crit = m->ladder->phases[phase].criteria[index].id;
    long long now = clock_now();
    const char *why = e->text ? ops_entry_problem(e, now) : "the evidence needs some text";
    if (why)
        return invalid(m, why);
    char entry[37];
    store_new_uuid(entry);
    char *detail = entry_json(crit, e->links, e->n_links, e->happened_at ? e->happened_at : now);
    if (!detail)
        return store_fail(m->store, "out of memory");
    ops_group g = {{0}, 0};
    int rc = store_begin(m->store) ? -1 : 0;
    if (rc == 0 && (ops_apply(m, &g, "evidence", entry, e->text, NULL, detail) ||
                    ops_commit(m, &g, 1)))
        rc = ops_abort(m, -1);
    free(detail);
    if (rc != 0)
        return rc;
    if (entry_out)
        memcpy(entry_out, entry, sizeof entry);
    return model_reload_criterion(m, crit);
}

/* Finds the entry in the model: its id, or OPS_NOT_FOUND with a message. */
static int find(climb_model *m, const char *prefix, size_t *p, size_t *i, size_t *k)
{
    int rc = model_find_entry(m, prefix, p, i, k);
    if (rc == 0)
        return 0;
    store_fail(m->store, rc == 2 ? "more than one entry starts with %s; give more of its id"
                                 : "no evidence entry %s (climb evidence list shows the ids)",
               prefix);
    return OPS_NOT_FOUND;
}

/* Opens the change's transaction and reads the entry as stored now, not as this
 * process last saw it: 0, OPS_NOT_FOUND when another climb removed it, or -1. */
static int begin_on_entry(climb_model *m, const char *prefix, const char *entry,
                          evidence_row *now)
{
    if (store_begin(m->store))
        return -1;
    int rc = store_evidence_get(m->store, m->profile.id, entry, now);
    if (rc == 0)
        return 0;
    if (rc == 1)
        store_fail(m->store, "evidence entry %s was removed elsewhere", prefix);
    return ops_abort(m, rc == 1 ? OPS_NOT_FOUND : -1);
}

static int same_links(const evidence_row *r, const ops_entry *e)
{
    if (!e->links)
        return 1;
    if (r->n_links != e->n_links)
        return 0;
    for (size_t i = 0; i < r->n_links; i++)
        if (strcmp(r->links[i], e->links[i]) != 0)
            return 0;
    return 1;
}

int ops_evidence_edit(climb_model *m, const char *prefix, const ops_entry *e, int *changed)
{
    size_t p, i, k;
    int dummy, rc = find(m, prefix, &p, &i, &k);
    if (!changed)
        changed = &dummy;
    *changed = 0;
    if (rc)
        return rc;
    const char *why = ops_entry_problem(e, clock_now());
    if (why)
        return invalid(m, why);
    char entry[37];
    memcpy(entry, model_crit_at(m, p, i)->entries[k].entry, sizeof entry);
    evidence_row now;
    ops_group g = {{0}, 0};
    if ((rc = begin_on_entry(m, prefix, entry, &now)) != 0)
        return rc;
    const char *text = e->text ? e->text : now.text;
    long long happened = e->happened_at ? e->happened_at : now.happened_at;
    int differs = strcmp(text, now.text) != 0 || happened != now.happened_at ||
                  !same_links(&now, e);
    char *detail = NULL;
    if (differs) {
        detail = e->links ? entry_json(now.criterion_id, e->links, e->n_links, happened)
                          : entry_json(now.criterion_id, (const char *const *)now.links,
                                       now.n_links, happened);
        rc = !detail ? store_fail(m->store, "out of memory")
             : ops_apply(m, &g, "evidence", entry, text, now.text, detail) ? -1
                                                                           : 0;
    }
    char crit[128];
    snprintf(crit, sizeof crit, "%s", now.criterion_id);
    evidence_row_free(&now);
    free(detail);
    if (rc != 0 || ops_commit(m, &g, 1))
        return ops_abort(m, -1);
    *changed = differs;
    return model_reload_criterion(m, crit);
}

int ops_evidence_remove(climb_model *m, const char *prefix)
{
    size_t p, i, k;
    int rc = find(m, prefix, &p, &i, &k);
    if (rc)
        return rc;
    char entry[37];
    memcpy(entry, model_crit_at(m, p, i)->entries[k].entry, sizeof entry);
    evidence_row now;
    ops_group g = {{0}, 0};
    if ((rc = begin_on_entry(m, prefix, entry, &now)) != 0)
        return rc;
    /* the removal keeps the whole entry in its detail, for undo and for history */
    char *detail = entry_json(now.criterion_id, (const char *const *)now.links, now.n_links,
                              now.happened_at);
    rc = !detail ? store_fail(m->store, "out of memory")
         : ops_apply(m, &g, "evidence", entry, NULL, now.text, detail) ? -1
                                                                       : 0;
    char crit[128];
    snprintf(crit, sizeof crit, "%s", now.criterion_id);
    evidence_row_free(&now);
    free(detail);
    if (rc != 0 || ops_commit(m, &g, 1))
        return ops_abort(m, -1);
    return model_reload_criterion(m, crit);
}
