/* import_check.c - checks a parsed snapshot before import: format and version,
 * every field's type, times and UUIDs, duplicate events, that every id (level,
 * phase, criterion, roadblock, state) is one the ladder knows, that every text
 * follows the input rule (text_check_input), and that everything the command line
 * checks passes the same functions (rules.h): notes, n/a reasons, the stale
 * period, times (1970 to now plus a day), canonical UUIDs, evidence entries with
 * their links and dates, quiz placements against their answers. An 'undo' event
 * may only name an event of the same snapshot. Messages name the field by its
 * path, e.g. "events[3].at". */
#include "climb/import_check.h"
#include "climb/clock.h"
#include "climb/quiz.h"
#include "climb/export.h"
#include "climb/rules.h"
#include "climb/store.h"
#include "climb/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const climb_ladder *l;
    char *err;
    size_t errlen;
    long long now;
} checker;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int bad(checker *c, const char *path, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(c->err, c->errlen, "%s: %s", path, msg);
    return -1;
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "a list";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "true/false";
    default: return "null";
    }
}

/* Member `key` of obj: 0 and *out (NULL when absent and optional), or -1. */
static int member(checker *c, const json_t *obj, const char *path, const char *key,
                  int required, json_t **out, char *sub, size_t sublen)
{
    snprintf(sub, sublen, "%s%s%s", path, *path ? "." : "", key);
    *out = json_object_get(obj, key);
    if (!*out && required)
        return bad(c, sub, "missing");
    return 0;
}

/* A string member; allow_null lets JSON null through as *out == NULL. */
static int want_string(checker *c, const json_t *obj, const char *path, const char *key,
                       int allow_null, const char **out)
{
    char sub[256];
    json_t *v;
    *out = NULL;
    if (member(c, obj, path, key, !allow_null, &v, sub, sizeof sub))
        return -1;
    if (!v || (allow_null && json_is_null(v)))
        return 0;
    if (!json_is_string(v))
        return bad(c, sub, "expected a string%s, found %s", allow_null ? " or null" : "",
                   type_name(v));
    const char *why;
    if (text_check_input(json_string_value(v), json_string_length(v), &why) != 0)
        return bad(c, sub, "the text %s", why);
    *out = json_string_value(v);
    return 0;
}

/* A rules_check_* answer for the field path.key: 0 when fine (why NULL), else -1. */
static int rule(checker *c, const char *path, const char *key, const char *why)
{
    char sub[160];
    if (!why)
        return 0;
    snprintf(sub, sizeof sub, "%s.%s", path, key);
    return bad(c, sub, "%s", why);
}

static int want_int(checker *c, const json_t *obj, const char *path, const char *key,
                    int allow_null, long long min, long long max, long long *out)
{
    char sub[256];
    json_t *v;
    *out = 0;
    if (member(c, obj, path, key, 1, &v, sub, sizeof sub))
        return -1;
    if (allow_null && json_is_null(v))
        return 0;
    if (!json_is_integer(v))
        return bad(c, sub, "expected a whole number%s, found %s", allow_null ? " or null" : "",
                   type_name(v));
    *out = json_integer_value(v);
    if (*out < min || *out > max)
        return bad(c, sub, "%lld is out of range (%lld to %lld)", *out, min, max);
    return 0;
}

/* The time rule (rules_check_time) for a time written as `shown` at path. */
static int check_time(checker *c, const char *path, const char *shown, long long t)
{
    const char *why = rules_check_time(t, c->now);
    char now[32];
    if (!why)
        return 0;
    clock_format_utc(c->now, now, sizeof now);
    return bad(c, path, "%s %s (now is %s)", shown, why, now);
}

/* A time member, in the form clock_parse_iso reads and, unless it is only
 * information (exported_at, never stored), within the time rule. */
static int want_time_of(checker *c, const json_t *obj, const char *path, const char *key,
                        int allow_null, int stored)
{
    const char *s;
    long long t;
    char sub[256];
    if (want_string(c, obj, path, key, allow_null, &s))
        return -1;
    snprintf(sub, sizeof sub, "%s%s%s", path, *path ? "." : "", key);
    if (s && clock_parse_iso(s, &t) != 0)
        return bad(c, sub, "'%s' is not an ISO 8601 time (e.g. 2026-03-14T09:30:00Z)", s);
    return s && stored ? check_time(c, sub, s, t) : 0;
}

static int want_time(checker *c, const json_t *obj, const char *path, const char *key,
                     int allow_null)
{
    return want_time_of(c, obj, path, key, allow_null, 1);
}

/* An array member: 0 and *out (NULL when absent and optional), or -1. */
static int want_array(checker *c, const json_t *obj, const char *path, const char *key,
                      int required, json_t **out)
{
    char sub[256];
    if (member(c, obj, path, key, required, out, sub, sizeof sub))
        return -1;
    if (*out && !json_is_array(*out))
        return bad(c, sub, "expected a list, found %s", type_name(*out));
    return 0;
}

static int want_object(checker *c, const json_t *v, const char *path)
{
    return json_is_object(v) ? 0 : bad(c, path, "expected an object, found %s", type_name(v));
}

long import_criterion_index(const climb_ladder *l, const char *id)
{
    long k = 0;
    for (size_t p = 0; p < l->n_phases; p++)
        for (size_t i = 0; i < l->phases[p].n_criteria; i++, k++)
            if (strcmp(l->phases[p].criteria[i].id, id) == 0)
                return k;
    return -1;
}

long import_roadblock_index(const climb_ladder *l, const char *id)
{
    for (size_t i = 0; i < l->n_roadblocks; i++)
        if (strcmp(l->roadblocks[i].id, id) == 0)
            return (long)i;
    return -1;
}

static int known_level(checker *c, const char *path, const char *id)
{
    if (id && content_level_index(c->l, id) < 0)
        return bad(c, path, "unknown level id '%s' (not in ladder '%s')", id, c->l->id);
    return 0;
}

static int check_profile(checker *c, const json_t *root)
{
    json_t *p = json_object_get(root, "profile");
    const char *name, *title;
    if (!p)
        return bad(c, "profile", "missing");
    if (want_object(c, p, "profile") || want_string(c, p, "profile", "name", 0, &name) ||
        want_string(c, p, "profile", "title", 1, &title) ||
        want_time(c, p, "profile", "created_at", 0))
        return -1;
    if (!*name)
        return bad(c, "profile.name", "empty");
    return known_level(c, "profile.title", title);
}

static int check_ladder(checker *c, const json_t *root)
{
    json_t *ld = json_object_get(root, "ladder");
    const char *id, *hash;
    if (!ld)
        return bad(c, "ladder", "missing");
    if (want_object(c, ld, "ladder") || want_string(c, ld, "ladder", "id", 0, &id) ||
        want_string(c, ld, "ladder", "hash", 1, &hash))
        return -1;
    if (strcmp(id, c->l->id) != 0)
        return bad(c, "ladder.id", "the snapshot is of ladder '%s', but this climb uses '%s'", id,
                   c->l->id);
    return 0;
}

static int check_levels(checker *c, const json_t *root)
{
    json_t *list, *v;
    size_t i;
    char path[64];
    const char *id, *name;
    if (want_array(c, root, "", "levels", 0, &list))
        return -1;
    if (!list)
        return 0;
    json_array_foreach(list, i, v) {
        snprintf(path, sizeof path, "levels[%zu]", i);
        if (want_object(c, v, path) || want_string(c, v, path, "id", 0, &id) ||
            want_string(c, v, path, "name", 1, &name))
            return -1;
        strncat(path, ".id", sizeof path - strlen(path) - 1);
        if (known_level(c, path, id))
            return -1;
    }
    return 0;
}

static int want_uuid(checker *c, const json_t *v, const char *path, const char *key,
                     const char **out)
{
    char sub[128];
    if (want_string(c, v, path, key, 0, out))
        return -1;
    snprintf(sub, sizeof sub, "%s.%s", path, key);
    const char *why = rules_check_uuid(*out);
    return why ? bad(c, sub, "'%s' %s", *out, why) : 0;
}

/* The links of an evidence entry at path (a list of strings), by the rule of an
 * entry's links (rules_check_entry). */
static int check_links(checker *c, const json_t *list, const char *path)
{
    const char *links[RULES_LINKS_MAX + 1];
    char sub[160], why[256];
    size_t i, n = 0;
    json_t *v;
    if (!json_is_array(list))
        return bad(c, path, "expected a list, found %s", list ? type_name(list) : "nothing");
    json_array_foreach(list, i, v) {
        snprintf(sub, sizeof sub, "%s[%zu]", path, i);
        if (!json_is_string(v))
            return bad(c, sub, "expected a string, found %s", type_name(v));
        if (n <= RULES_LINKS_MAX)
            links[n++] = json_string_value(v);
    }
    if (rules_check_entry(NULL, links, n, why, sizeof why))
        return bad(c, path, "%s", why);
    return 0;
}

/* An entry's text at path (NULL: none given), by rules_check_entry. */
static int check_entry_text(checker *c, const char *path, const char *text)
{
    char why[256];
    return rules_check_entry(text, NULL, 0, why, sizeof why) ? bad(c, path, "%s", why) : 0;
}

/* criteria[].evidence: the entries as the snapshot shows them. */
static int check_entries(checker *c, const json_t *crit, const char *path)
{
    json_t *list, *v;
    size_t i;
    char sub[160], field[192];
    const char *s;
    if (want_array(c, crit, path, "evidence", 0, &list))
        return -1;
    if (!list)
        return 0;
    json_array_foreach(list, i, v) {
        snprintf(sub, sizeof sub, "%s.evidence[%zu]", path, i);
        if (want_object(c, v, sub) || want_uuid(c, v, sub, "id", &s) ||
            want_string(c, v, sub, "text", 0, &s))
            return -1;
        snprintf(field, sizeof field, "%s.text", sub);
        if (check_entry_text(c, field, s))
            return -1;
        snprintf(field, sizeof field, "%s.links", sub);
        if (check_links(c, json_object_get(v, "links"), field) ||
            want_time(c, v, sub, "date", 0) || want_time(c, v, sub, "recorded_at", 0))
            return -1;
    }
    return 0;
}

static int check_criterion(checker *c, const json_t *v, const char *path)
{
    const char *id, *state, *s, *note, *reason;
    crit_state cs;
    char sub[128];
    if (want_object(c, v, path) || want_string(c, v, path, "id", 0, &id) ||
        want_string(c, v, path, "state", 0, &state) || want_string(c, v, path, "text", 1, &s) ||
        want_time(c, v, path, "done_at", 1) || want_string(c, v, path, "note", 1, &note) ||
        want_time(c, v, path, "note_at", 1) || want_string(c, v, path, "reason", 1, &reason) ||
        want_string(c, v, path, "text_at_done", 1, &s))
        return -1;
    snprintf(sub, sizeof sub, "%s.id", path);
    if (import_criterion_index(c->l, id) < 0)
        return bad(c, sub, "unknown criterion id '%s' (not in ladder '%s')", id, c->l->id);
    snprintf(sub, sizeof sub, "%s.state", path);
    if (crit_state_parse(state, &cs) != 0)
        return bad(c, sub, "unknown state '%s' (todo, doing, done or n/a)", state);
    if (note && rule(c, path, "note", rules_check_note(note, strlen(note))))
        return -1;
    if (cs == STATE_NA &&
        rule(c, path, "reason", rules_check_reason(reason, reason ? strlen(reason) : 0)))
        return -1;
    return check_entries(c, v, path);
}

static int check_phases(checker *c, const json_t *root)
{
    json_t *list, *v, *crit, *cv;
    size_t i, j;
    char path[64], sub[96];
    const char *id;
    if (want_array(c, root, "", "phases", 0, &list))
        return -1;
    if (!list)
        return 0;
    json_array_foreach(list, i, v) {
        snprintf(path, sizeof path, "phases[%zu]", i);
        if (want_object(c, v, path) || want_string(c, v, path, "id", 0, &id) ||
            want_array(c, v, path, "criteria", 0, &crit))
            return -1;
        size_t p = 0;
        while (p < c->l->n_phases && strcmp(c->l->phases[p].id, id) != 0)
            p++;
        if (p == c->l->n_phases) {
            snprintf(sub, sizeof sub, "%s.id", path);
            return bad(c, sub, "unknown phase id '%s' (not in ladder '%s')", id, c->l->id);
        }
        if (!crit)
            continue;
        json_array_foreach(crit, j, cv) {
            snprintf(sub, sizeof sub, "%s.criteria[%zu]", path, j);
            if (check_criterion(c, cv, sub))
                return -1;
        }
    }
    return 0;
}

static int check_roadblocks(checker *c, const json_t *root)
{
    json_t *list, *v;
    size_t i;
    char path[64];
    const char *id;
    if (want_array(c, root, "", "roadblocks", 0, &list))
        return -1;
    if (!list)
        return 0;
    json_array_foreach(list, i, v) {
        snprintf(path, sizeof path, "roadblocks[%zu]", i);
        if (want_object(c, v, path) || want_string(c, v, path, "id", 0, &id) ||
            want_time(c, v, path, "flagged_at", 0))
            return -1;
        strncat(path, ".id", sizeof path - strlen(path) - 1);
        if (import_roadblock_index(c->l, id) < 0)
            return bad(c, path, "unknown roadblock id '%s' (not in ladder '%s')", id, c->l->id);
    }
    return 0;
}

/* An 'evidence' event: its item is the entry's UUID, its value the entry's text
 * (null when it removed the entry), its detail the entry as JSON:
 * {"criterion": ID, "links": [...], "happened": EPOCH SECONDS}. */
static int check_evidence_event(checker *c, const char *path, const char *item,
                                const char *value, const char *detail)
{
    char sub[160];
    const char *why;
    json_error_t jerr;
    snprintf(sub, sizeof sub, "%s.item", path);
    if (!item)
        return bad(c, sub, "an evidence event needs the entry's UUID");
    if ((why = rules_check_uuid(item)) != NULL)
        return bad(c, sub, "'%s' %s", item, why);
    snprintf(sub, sizeof sub, "%s.value", path);
    if (check_entry_text(c, sub, value))
        return -1;
    snprintf(sub, sizeof sub, "%s.detail", path);
    json_t *d = detail ? json_loads(detail, JSON_REJECT_DUPLICATES, &jerr) : NULL;
    if (!json_is_object(d)) {
        json_decref(d);
        return bad(c, sub, "expected the entry as a JSON object "
                           "{\"criterion\", \"links\", \"happened\"}");
    }
    const char *crit = json_string_value(json_object_get(d, "criterion"));
    json_t *happened = json_object_get(d, "happened");
    int rc = 0;
    char shown[64], date[32];
    snprintf(sub, sizeof sub, "%s.detail.criterion", path);
    if (!crit)
        rc = bad(c, sub, "expected a criterion id");
    else if (import_criterion_index(c->l, crit) < 0)
        rc = bad(c, sub, "unknown criterion id '%s' (not in ladder '%s')", crit, c->l->id);
    snprintf(sub, sizeof sub, "%s.detail.links", path);
    if (rc == 0)
        rc = check_links(c, json_object_get(d, "links"), sub);
    snprintf(sub, sizeof sub, "%s.detail.happened", path);
    if (rc == 0 && !json_is_integer(happened))
        rc = bad(c, sub, "expected a time in seconds since 1970");
    if (rc == 0) {
        long long t = json_integer_value(happened);
        clock_format_utc(t, date, sizeof date);
        snprintf(shown, sizeof shown, t >= 0 && t < 253402300800LL ? "%lld (%s)" : "%lld", t,
                 date);
        rc = check_time(c, sub, shown, t);
    }
    json_decref(d);
    return rc;
}

/* The ids an event of a known kind refers to must be in the ladder. */
static int check_event_ids(checker *c, const char *path, const char *kind, const char *item,
                           const char *value, const char *detail)
{
    char sub[128];
    crit_state cs;
    snprintf(sub, sizeof sub, "%s.item", path);
    if (strcmp(kind, "state") == 0 || strcmp(kind, "note") == 0) {
        if (!item)
            return bad(c, sub, "a %s event needs the criterion id", kind);
        if (import_criterion_index(c->l, item) < 0)
            return bad(c, sub, "unknown criterion id '%s' (not in ladder '%s')", item, c->l->id);
        snprintf(sub, sizeof sub, "%s.value", path);
        if (strcmp(kind, "state") == 0 && (!value || crit_state_parse(value, &cs) != 0))
            return bad(c, sub, "unknown state '%s' (todo, doing, done or n/a)",
                       value ? value : "null");
        if (strcmp(kind, "state") == 0 && cs == STATE_NA)
            return rule(c, path, "detail",
                        rules_check_reason(detail, detail ? strlen(detail) : 0));
        if (strcmp(kind, "note") == 0 && value)
            return rule(c, path, "value", rules_check_note(value, strlen(value)));
    } else if (strcmp(kind, "roadblock") == 0) {
        if (!item || import_roadblock_index(c->l, item) < 0)
            return bad(c, sub, "unknown roadblock id '%s' (not in ladder '%s')",
                       item ? item : "null", c->l->id);
        snprintf(sub, sizeof sub, "%s.value", path);
        if (!value || (strcmp(value, "on") != 0 && strcmp(value, "off") != 0))
            return bad(c, sub, "a roadblock event is \"on\" or \"off\"");
    } else if (strcmp(kind, "setting") == 0 && item &&
               (strcmp(item, "stale_months") == 0 || strcmp(item, "quiz_offered") == 0 ||
                strcmp(item, "checkin_days") == 0)) {
        snprintf(sub, sizeof sub, "%s.value", path);
        if (!value || !*value || strspn(value, "0123456789") != strlen(value) ||
            strlen(value) > 6)
            return bad(c, sub, "the setting %s needs a whole number", item);
        if (strcmp(item, "stale_months") == 0)
            return rule(c, path, "value", rules_check_stale_months(atoll(value)));
    } else if (strcmp(kind, "title") == 0) {
        snprintf(sub, sizeof sub, "%s.value", path);
        return known_level(c, sub, value);
    } else if (strcmp(kind, "evidence") == 0) {
        return check_evidence_event(c, path, item, value, detail);
    }
    return 0;
}

static int check_kind(checker *c, const char *path, const char *kind)
{
    char sub[128];
    snprintf(sub, sizeof sub, "%s.kind", path);
    if (!*kind)
        return bad(c, sub, "empty");
    for (const char *p = kind; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '_'))
            return bad(c, sub, "'%s' is not an event kind", kind);
    return 0;
}

typedef struct {
    const char *uuid;
    const json_t *event;
} uuid_entry;

static int cmp_uuid(const void *a, const void *b)
{
    return strcmp(((const uuid_entry *)a)->uuid, ((const uuid_entry *)b)->uuid);
}

/* The event of the snapshot with this UUID (uuids sorted), or NULL. */
static const json_t *find_event(const uuid_entry *uuids, size_t n, const char *uuid)
{
    uuid_entry key = {uuid, NULL};
    const uuid_entry *hit = uuid ? bsearch(&key, uuids, n, sizeof *uuids, cmp_uuid) : NULL;
    return hit ? hit->event : NULL;
}

/* An 'undo' event names (item) an event of this snapshot, of the kind (value) and
 * item (detail) it says, and (previous) the reverse event undo wrote, also in the
 * snapshot: an undo can never take back an event the snapshot does not hold. */
static int check_undo(checker *c, const char *path, const json_t *v, const uuid_entry *uuids,
                      size_t n)
{
    const char *item = json_string_value(json_object_get(v, "item"));
    const char *value = json_string_value(json_object_get(v, "value"));
    const char *prev = json_string_value(json_object_get(v, "previous"));
    const char *detail = json_string_value(json_object_get(v, "detail"));
    char sub[128];
    const char *why;
    snprintf(sub, sizeof sub, "%s.item", path);
    if (!item)
        return bad(c, sub, "an undo event needs the UUID of the event it took back");
    if ((why = rules_check_uuid(item)) != NULL)
        return bad(c, sub, "'%s' %s", item, why);
    const json_t *undone = find_event(uuids, n, item);
    if (!undone)
        return bad(c, sub, "the undo takes back event %s, which is not in the snapshot", item);
    const char *kind = json_string_value(json_object_get(undone, "kind"));
    const char *its_item = json_string_value(json_object_get(undone, "item"));
    snprintf(sub, sizeof sub, "%s.value", path);
    if (!value || strcmp(value, kind) != 0)
        return bad(c, sub, "the undone event %s is a '%s' event, not '%s'", item, kind,
                   value ? value : "null");
    snprintf(sub, sizeof sub, "%s.detail", path);
    if ((detail == NULL) != (its_item == NULL) || (detail && strcmp(detail, its_item) != 0))
        return bad(c, sub, "the undone event %s is about '%s', not '%s'", item,
                   its_item ? its_item : "null", detail ? detail : "null");
    snprintf(sub, sizeof sub, "%s.previous", path);
    if (prev && (why = rules_check_uuid(prev)) != NULL)
        return bad(c, sub, "'%s' %s", prev, why);
    if (prev && !find_event(uuids, n, prev))
        return bad(c, sub, "the reverse event %s is not in the snapshot", prev);
    return 0;
}

static int check_events(checker *c, const json_t *root, json_t **list_out)
{
    json_t *list, *v;
    size_t i;
    char path[64];
    const char *uuid, *kind, *item, *value, *detail, *s;
    if (want_array(c, root, "", "events", 1, &list))
        return -1;
    *list_out = list;
    uuid_entry *uuids = malloc((json_array_size(list) + 1) * sizeof *uuids);
    if (!uuids) /* GCOVR_EXCL_BR_LINE: malloc fails only when out of memory */
        return bad(c, "events", "out of memory"); /* GCOVR_EXCL_LINE: out of memory */
    json_array_foreach(list, i, v) {
        snprintf(path, sizeof path, "events[%zu]", i);
        if (want_object(c, v, path) || want_uuid(c, v, path, "uuid", &uuid) ||
            want_time(c, v, path, "at", 0) || want_string(c, v, path, "kind", 0, &kind) ||
            want_string(c, v, path, "item", 1, &item) ||
            want_string(c, v, path, "value", 1, &value) ||
            want_string(c, v, path, "previous", 1, &s) ||
            want_string(c, v, path, "detail", 1, &detail) || check_kind(c, path, kind) ||
            check_event_ids(c, path, kind, item, value, detail)) {
            free(uuids);
            return -1;
        }
        uuids[i].uuid = uuid;
        uuids[i].event = v;
    }
    size_t n = json_array_size(list);
    qsort(uuids, n, sizeof *uuids, cmp_uuid);
    for (i = 1; i < n; i++) {
        if (strcmp(uuids[i - 1].uuid, uuids[i].uuid) == 0) {
            bad(c, "events", "the event %s appears twice", uuids[i].uuid);
            free(uuids);
            return -1;
        }
    }
    int rc = 0;
    json_array_foreach(list, i, v) {
        snprintf(path, sizeof path, "events[%zu]", i);
        if (rc == 0 && strcmp(json_string_value(json_object_get(v, "kind")), "undo") == 0)
            rc = check_undo(c, path, v, uuids, n);
    }
    free(uuids);
    return rc;
}

/* 1 when the snapshot has a 'quiz' event with this UUID. */
static int has_quiz_event(const json_t *events, const char *uuid)
{
    size_t i;
    json_t *v;
    json_array_foreach(events, i, v) {
        const char *u = json_string_value(json_object_get(v, "uuid"));
        const char *k = json_string_value(json_object_get(v, "kind"));
        if (strcmp(u, uuid) == 0)
            return strcmp(k, "quiz") == 0;
    }
    return 0;
}

/* The answers of an attempt into out (at most QUIZ_MAX_QUESTIONS); *n their count. */
static int check_answers(checker *c, const json_t *v, const char *path, quiz_answer *out,
                         size_t *n)
{
    json_t *list, *a;
    size_t i;
    char sub[128];
    *n = 0;
    if (want_array(c, v, path, "answers", 1, &list))
        return -1;
    snprintf(sub, sizeof sub, "%s.answers", path);
    if (json_array_size(list) > QUIZ_MAX_QUESTIONS)
        return bad(c, sub, "more than %d answers", QUIZ_MAX_QUESTIONS);
    json_array_foreach(list, i, a) {
        const char *s = json_string_value(a);
        snprintf(sub, sizeof sub, "%s.answers[%zu]", path, i);
        if (!s)
            return bad(c, sub, "expected a string, found %s", type_name(a));
        if (quiz_answer_parse(s, &out[i]) != 0)
            return bad(c, sub, "unknown answer '%s' (no, once or regularly)", s);
    }
    *n = json_array_size(list);
    return 0;
}

/* The counts and placement of an attempt are what its answers give (rules.h). */
static int check_placement(checker *c, const char *path, const quiz_answer *answers, size_t n,
                           const quiz_placement *said)
{
    char why[256], sub[128];
    const char *field;
    if (!rules_check_placement(c->l, answers, n, said, &field, why, sizeof why))
        return 0;
    snprintf(sub, sizeof sub, "%s.%s%s", path,
             strcmp(field, "phase") == 0 || strcmp(field, "on_edge_of") == 0 ? "placement." : "",
             field);
    return bad(c, sub, "%s", why);
}

static int check_quiz(checker *c, const json_t *root, const json_t *events)
{
    json_t *list, *v, *place;
    size_t i, n_answers;
    char path[64], sub[96];
    const char *uuid;
    long long yes, regularly, phase, edge, phases = (long long)c->l->n_phases;
    quiz_answer answers[QUIZ_MAX_QUESTIONS];
    if (want_array(c, root, "", "quiz_attempts", 0, &list))
        return -1;
    if (!list)
        return 0;
    json_array_foreach(list, i, v) {
        snprintf(path, sizeof path, "quiz_attempts[%zu]", i);
        snprintf(sub, sizeof sub, "%s.placement", path);
        if (want_object(c, v, path) || want_uuid(c, v, path, "event_uuid", &uuid) ||
            want_time(c, v, path, "taken_at", 0) ||
            check_answers(c, v, path, answers, &n_answers) ||
            want_int(c, v, path, "yes", 0, 0, 1000, &yes) ||
            want_int(c, v, path, "regularly", 0, 0, 1000, &regularly))
            return -1;
        if (!(place = json_object_get(v, "placement")))
            return bad(c, sub, "missing");
        if (want_object(c, place, sub) ||
            want_int(c, place, sub, "phase", 0, 1, phases, &phase) ||
            want_int(c, place, sub, "on_edge_of", 1, 1, phases, &edge))
            return -1;
        quiz_placement said = {(int)yes, (int)regularly, (int)phase, (int)edge, NULL};
        if (check_placement(c, path, answers, n_answers, &said))
            return -1;
        if (!has_quiz_event(events, uuid)) {
            snprintf(sub, sizeof sub, "%s.event_uuid", path);
            return bad(c, sub, "no 'quiz' event with UUID %s in the snapshot", uuid);
        }
    }
    return 0;
}

int import_check(const json_t *root, const climb_ladder *l, char *err, size_t errlen)
{
    checker c = {l, err, errlen, clock_now()};
    const char *format, *s;
    long long version;
    json_t *events = NULL;
    *err = '\0';
    if (!json_is_object(root))
        return bad(&c, "snapshot", "expected an object, found %s", type_name(root));
    if (want_string(&c, root, "", "format", 0, &format))
        return -1;
    if (strcmp(format, EXPORT_FORMAT_NAME) != 0)
        return bad(&c, "format", "'%s' is not a climb snapshot", format);
    if (want_int(&c, root, "", "format_version", 0, 0, 1000000, &version))
        return -1;
    if (version != EXPORT_FORMAT_VERSION)
        return bad(&c, "format_version",
                   "unknown format version %lld (this climb reads version %d)", version,
                   EXPORT_FORMAT_VERSION);
    if (want_string(&c, root, "", "app_version", 1, &s) ||
        want_time_of(&c, root, "", "exported_at", 1, 0) || check_profile(&c, root) ||
        check_ladder(&c, root) || check_levels(&c, root) || check_phases(&c, root) ||
        check_roadblocks(&c, root) || check_events(&c, root, &events) ||
        check_quiz(&c, root, events))
        return -1;
    return 0;
}
