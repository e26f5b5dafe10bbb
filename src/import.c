/* import.c - loads a JSON snapshot (jansson), has import_check vet it, then merges
 * it into a profile in one transaction: events new to the database are inserted
 * by UUID with their quiz attempts, and every criterion, roadblock flag and the
 * title they touch is re-derived from its latest events. A refused or empty
 * import writes nothing. */
#include "climb/import.h"
#include "climb/clock.h"
#include "climb/import_check.h"
#include "climb/ops_events.h"
#include "climb/store_snapshot.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct import_snapshot {
    json_t *root;
};

static int finish_load(json_t *root, const json_error_t *jerr, const char *name,
                       const climb_ladder *l, import_snapshot **out, char *err, size_t errlen)
{
    *out = NULL;
    if (!root) {
        snprintf(err, errlen, "%s:%d:%d: broken JSON: %s", name, jerr->line, jerr->column,
                 jerr->text);
        return -1;
    }
    char msg[768];
    if (import_check(root, l, msg, sizeof msg) != 0) {
        snprintf(err, errlen, "%s: %s", name, msg);
        json_decref(root);
        return -1;
    }
    import_snapshot *s = malloc(sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        json_decref(root);
        return -1;
    }
    s->root = root;
    *out = s;
    return 0;
}

int import_load_file(const char *path, const climb_ladder *l, import_snapshot **out,
                     char *err, size_t errlen)
{
    json_error_t jerr;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *out = NULL;
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    json_t *root = json_loadf(f, JSON_REJECT_DUPLICATES, &jerr);
    fclose(f);
    return finish_load(root, &jerr, path, l, out, err, errlen);
}

int import_load_buffer(const char *data, size_t len, const char *name, const climb_ladder *l,
                       import_snapshot **out, char *err, size_t errlen)
{
    json_error_t jerr;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    return finish_load(root, &jerr, name, l, out, err, errlen);
}

void import_free(import_snapshot *s)
{
    if (!s)
        return;
    json_decref(s->root);
    free(s);
}

static const char *get_str(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key)); /* NULL for null or absent */
}

static long long get_time(const json_t *o, const char *key)
{
    long long t = 0;
    const char *s = get_str(o, key);
    if (s && clock_parse_iso(s, &t) != 0)
        t = 0;
    return t;
}

const char *import_profile_name(const import_snapshot *s)
{
    return get_str(json_object_get(s->root, "profile"), "name");
}

/* What the import changed, to re-derive afterwards. */
typedef struct {
    unsigned char *crit;   /* per criterion of the ladder */
    unsigned char *block;  /* per roadblock */
    int title;
    int settings;          /* bit i: store_settings[i] */
    int target, name;      /* a 'target' or 'name' event came in */
    char **entries;        /* evidence entries touched */
    size_t n_entries;
    int has_profile_event;
} touched;

static void touch(touched *t, const climb_ladder *l, const snap_event *e)
{
    long k;
    if (strcmp(e->kind, "undo") == 0 && e->value) {
        /* an undo names the kind and the item of the event it took back */
        snap_event undone = *e;
        undone.kind = e->value;
        undone.item = e->detail;
        if (strcmp(undone.kind, "undo") != 0)
            touch(t, l, &undone);
        return;
    }
    if (strcmp(e->kind, "setting") == 0 && e->item) {
        for (int i = 0; store_settings[i]; i++)
            if (strcmp(store_settings[i], e->item) == 0)
                t->settings |= 1 << i;
        return;
    }
    if (strcmp(e->kind, "evidence") == 0 && e->item) {
        char **grown = realloc(t->entries, (t->n_entries + 1) * sizeof *grown);
        if (grown && (grown[t->n_entries] = strdup(e->item)) != NULL)
            t->n_entries++;
        if (grown)
            t->entries = grown;
        return;
    }
    t->target |= strcmp(e->kind, "target") == 0;
    t->name |= strcmp(e->kind, "name") == 0;
    if (!e->item)
        t->title |= strcmp(e->kind, "title") == 0;
    else if ((strcmp(e->kind, "state") == 0 || strcmp(e->kind, "note") == 0) &&
             (k = import_criterion_index(l, e->item)) >= 0)
        t->crit[k] = 1;
    else if (strcmp(e->kind, "roadblock") == 0 && (k = import_roadblock_index(l, e->item)) >= 0)
        t->block[k] = 1;
    else if (strcmp(e->kind, "title") == 0)
        t->title = 1;
}

static void event_from_json(const json_t *v, snap_event *e)
{
    e->uuid = get_str(v, "uuid");
    e->at = get_time(v, "at");
    e->kind = get_str(v, "kind");
    e->item = get_str(v, "item");
    e->value = get_str(v, "value");
    e->previous = get_str(v, "previous");
    e->detail = get_str(v, "detail");
}

static int merge_events(climb_store *st, snap_writer *w, const climb_ladder *l,
                        const json_t *events, long long pid, touched *t, import_result *r)
{
    size_t i;
    json_t *v;
    json_array_foreach(events, i, v) {
        snap_event e;
        long long owner;
        event_from_json(v, &e);
        t->has_profile_event |= strcmp(e.kind, "profile") == 0;
        int rc = snap_event_owner(w, e.uuid, &owner);
        if (rc < 0)
            return -1;
        if (rc == 0 && owner != pid)
            return store_fail(st, "event %s is already in this database under another "
                                  "profile; import into that profile with --user",
                              e.uuid);
        if (rc == 0) {
            r->events_known++;
            continue;
        }
        if (snap_event_insert(w, pid, &e))
            return -1;
        touch(t, l, &e);
        r->events_added++;
    }
    return 0;
}

static int merge_quiz(snap_writer *w, const json_t *list, long long pid, import_result *r)
{
    size_t i, j;
    json_t *v, *a;
    json_array_foreach(list, i, v) {
        json_t *answers = json_object_get(v, "answers"), *place = json_object_get(v, "placement");
        size_t len = 1;
        json_array_foreach(answers, j, a)
            len += strlen(json_string_value(a)) + 1;
        char *joined = calloc(len, 1);
        if (!joined)
            return -1;
        json_array_foreach(answers, j, a) {
            if (j)
                strcat(joined, ",");
            strcat(joined, json_string_value(a));
        }
        snap_quiz q = {get_str(v, "event_uuid"),
                       get_time(v, "taken_at"),
                       joined,
                       (int)json_integer_value(json_object_get(v, "yes")),
                       (int)json_integer_value(json_object_get(v, "regularly")),
                       (int)json_integer_value(json_object_get(place, "phase")),
                       (int)json_integer_value(json_object_get(place, "on_edge_of"))};
        int rc = snap_quiz_insert(w, pid, &q);
        free(joined);
        if (rc < 0)
            return -1;
        r->quiz_added += rc == 0;
    }
    return 0;
}

/* The snapshot's own row for a criterion (done_at and wording at done). */
static const json_t *snapshot_criterion(const json_t *root, const char *id)
{
    size_t i, j;
    json_t *ph, *c;
    json_array_foreach(json_object_get(root, "phases"), i, ph)
        json_array_foreach(json_object_get(ph, "criteria"), j, c)
            if (strcmp(get_str(c, "id"), id) == 0)
                return c;
    return NULL;
}

/* Every item the import touched takes what its events now decide (event table). */
static int derive(climb_store *st, const climb_ladder *l, const json_t *root, long long pid,
                  const touched *t, import_result *r)
{
    long k = 0;
    for (size_t p = 0; p < l->n_phases; p++) {
        for (size_t i = 0; i < l->phases[p].n_criteria; i++, k++) {
            if (!t->crit[k])
                continue;
            const climb_criterion *c = &l->phases[p].criteria[i];
            const json_t *sc = snapshot_criterion(root, c->id);
            ops_hint h = {c->text, sc ? get_time(sc, "done_at") : 0,
                          sc ? get_str(sc, "text_at_done") : NULL, NULL};
            if (ops_event_derive(st, pid, "state", c->id, &h) ||
                ops_event_derive(st, pid, "note", c->id, &h))
                return -1;
            r->criteria_updated++;
        }
    }
    for (size_t i = 0; i < l->n_roadblocks; i++)
        if (t->block[i] && ops_event_derive(st, pid, "roadblock", l->roadblocks[i].id, NULL))
            return -1;
    for (int i = 0; store_settings[i]; i++)
        if ((t->settings & (1 << i)) && ops_event_derive(st, pid, "setting", store_settings[i], NULL))
            return -1;
    for (size_t i = 0; i < t->n_entries; i++)
        if (ops_event_derive(st, pid, "evidence", t->entries[i], NULL))
            return -1;
    if ((t->target && ops_event_derive(st, pid, "target", NULL, NULL)) ||
        (t->name && ops_event_derive(st, pid, "name", NULL, NULL)))
        return -1;
    return t->title ? ops_event_derive(st, pid, "title", NULL, NULL) : 0;
}

/* The whole merge, inside the transaction. Returns 1 when something changed. */
static int merge(climb_store *st, const climb_ladder *l, const json_t *root, const char *user,
                 touched *t, import_result *r)
{
    const json_t *profile = json_object_get(root, "profile");
    long long pid, created, snap_created = get_time(profile, "created_at");
    int rc = snap_profile_find(st, user, &pid, &created);
    if (rc < 0)
        return -1;
    if (rc == 1) {
        if (snap_profile_create(st, user, snap_created, &pid))
            return -1;
        r->profile_created = 1;
    }
    snap_writer *w;
    if (snap_writer_open(st, &w))
        return -1;
    rc = merge_events(st, w, l, json_object_get(root, "events"), pid, t, r);
    if (rc == 0)
        rc = merge_quiz(w, json_object_get(root, "quiz_attempts"), pid, r);
    snap_writer_close(w);
    if (rc == 0 && r->profile_created && !t->has_profile_event)
        rc = store_event_add(st, pid, clock_now(), "profile", NULL, user, NULL, NULL, NULL);
    if (rc == 0)
        rc = derive(st, l, root, pid, t, r);
    if (rc != 0)
        return -1;
    int changed = r->profile_created || r->events_added || r->quiz_added;
    /* An older profile's creation time comes along with what is new, never alone:
     * an import with nothing new leaves the database as it was. */
    if (changed && !r->profile_created && snap_created < created &&
        snap_profile_created_min(st, pid, snap_created))
        return -1;
    return changed;
}

int import_apply(climb_store *st, const climb_ladder *l, const import_snapshot *s,
                 const char *user, import_result *r, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    const char *hash = get_str(json_object_get(s->root, "ladder"), "hash");
    r->ladder_differs = hash && strcmp(hash, l->hash) != 0;
    size_t n_crit = 0;
    for (size_t p = 0; p < l->n_phases; p++)
        n_crit += l->phases[p].n_criteria;
    touched t = {calloc(n_crit + 1, 1), calloc(l->n_roadblocks + 1, 1), 0, 0, 0, 0, NULL, 0, 0};
    int rc = -1;
    if (!t.crit || !t.block) {
        snprintf(err, errlen, "out of memory");
    } else if (store_begin(st) != 0) {
        snprintf(err, errlen, "%s", store_error(st));
    } else {
        rc = merge(st, l, s->root, user, &t, r);
        if (rc == 1 && store_commit(st) == 0) {
            rc = 0;
        } else {
            if (rc != 0)
                snprintf(err, errlen, "%s; nothing was imported", store_error(st));
            store_rollback(st);
            rc = rc == 0 ? 0 : -1;
        }
    }
    free(t.crit);
    free(t.block);
    for (size_t i = 0; i < t.n_entries; i++)
        free(t.entries[i]);
    free(t.entries);
    return rc;
}
