/* export_json.c - the JSON snapshot (docs/snapshot.schema.json): every value is
 * serialised by jansson, one small object per record, written as it is read, so a
 * long history never sits in memory as one tree. Everything is written through
 * json_write_escaped, so no control character is left raw. */
#include "climb/export.h"
#include "climb/clock.h"
#include "climb/store_snapshot.h"
#include "climb/version.h"
#include "climb/json_values.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    FILE *out;
    int first;       /* no record written yet in the current array */
    int oom;
} json_writer;

/* Set when jansson could not add a value (out of memory; its setters fail quietly):
 * the export is then refused, never written with the member left out
 * (tests/unit/test_faults.c, export json under malloc failures, N=45, wrote a
 * profile without its "target" and reported success). */
static int lost;

/* Both take v, as jansson's _new setters do, even when they fail. */
static void set_new(json_t *o, const char *key, json_t *v)
{
    if (!o) {
        json_decref(v);
        lost = 1;
    } else if (json_object_set_new(o, key, v) != 0) {
        lost = 1;
    }
}

static void append_new(json_t *a, json_t *v)
{
    if (!a) {
        json_decref(v);
        lost = 1;
    } else if (json_array_append_new(a, v) != 0) {
        lost = 1;
    }
}

/* Writes one value compactly and drops it. */
static void put_value(json_writer *w, json_t *v)
{
    char *s = v ? json_dumps_whole(v, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
    if (!s)
        w->oom = 1;
    else
        json_write_escaped(s, strlen(s), w->out);
    free(s);
    json_decref(v);
}

/* "  "key": value,\n" for a member of the top-level object. */
static void put_member(json_writer *w, const char *key, json_t *v)
{
    fprintf(w->out, "  \"%s\": ", key);
    put_value(w, v);
    fputs(",\n", w->out);
}

static void open_array(json_writer *w, const char *key)
{
    fprintf(w->out, "  \"%s\": [", key);
    w->first = 1;
}

static void put_record(json_writer *w, json_t *v)
{
    fputs(w->first ? "\n    " : ",\n    ", w->out);
    w->first = 0;
    put_value(w, v);
}

static void close_array(json_writer *w, int last)
{
    fputs(w->first ? "]" : "\n  ]", w->out);
    fputs(last ? "\n" : ",\n", w->out);
}

static json_t *criterion_json(const climb_criterion *c, const model_crit *mc)
{
    json_t *o = json_object();
    set_new(o, "id", json_string(c->id));
    set_new(o, "text", json_string(c->text));
    set_new(o, "state", json_string(crit_state_name(mc->state)));
    set_new(o, "done_at", json_time_or_null(mc->done_at));
    set_new(o, "note", json_str_or_null(mc->note));
    set_new(o, "note_at", json_time_or_null(mc->note ? mc->note_at : 0));
    set_new(o, "reason", json_str_or_null(mc->state == STATE_NA ? mc->reason : NULL));
    set_new(o, "text_at_done", json_str_or_null(mc->done_at ? mc->text_at_done : NULL));
    json_t *entries = json_array();
    for (size_t k = 0; k < mc->n_entries; k++) {
        const evidence_row *e = &mc->entries[k];
        json_t *x = json_object(), *links = json_array();
        for (size_t j = 0; j < e->n_links; j++)
            append_new(links, json_string(e->links[j]));
        set_new(x, "id", json_string(e->entry));
        set_new(x, "text", json_string(e->text));
        set_new(x, "links", links);
        set_new(x, "date", json_time_or_null(e->happened_at));
        set_new(x, "recorded_at", json_time_or_null(e->recorded_at));
        append_new(entries, x);
    }
    set_new(o, "evidence", entries);
    return o;
}

static json_t *phase_json(const climb_model *m, size_t p)
{
    const climb_phase *ph = &m->ladder->phases[p];
    json_t *o = json_object(), *list = json_array();
    set_new(o, "id", json_string(ph->id));
    set_new(o, "number", json_integer(ph->number));
    set_new(o, "level", json_string(ph->level));
    set_new(o, "next_level", json_str_or_null(ph->next_level));
    set_new(o, "operating", json_boolean(ph->operating));
    set_new(o, "title", json_string(ph->title));
    for (size_t i = 0; i < ph->n_criteria; i++)
        append_new(list, criterion_json(&ph->criteria[i], model_crit_at(m, p, i)));
    set_new(o, "criteria", list);
    return o;
}

static int flag_record(void *ctx, const snap_flag *f)
{
    json_t *o = json_object();
    set_new(o, "id", json_string(f->roadblock_id));
    set_new(o, "flagged_at", json_time_or_null(f->flagged_at));
    put_record(ctx, o);
    return 0;
}

/* "no,once,regularly" -> ["no","once","regularly"] */
static json_t *answers_json(const char *answers)
{
    json_t *list = json_array();
    const char *p = answers ? answers : "";
    while (*p) {
        size_t n = strcspn(p, ",");
        append_new(list, json_stringn(p, n));
        p += n + (p[n] == ',');
    }
    return list;
}

static int quiz_record(void *ctx, const snap_quiz *q)
{
    json_t *o = json_object(), *place = json_object();
    set_new(o, "event_uuid", json_string(q->event_uuid));
    set_new(o, "taken_at", json_time_or_null(q->taken_at));
    set_new(o, "answers", answers_json(q->answers));
    set_new(o, "yes", json_integer(q->yes));
    set_new(o, "regularly", json_integer(q->regularly));
    set_new(place, "phase", json_integer(q->phase));
    set_new(place, "on_edge_of", q->on_edge_of ? json_integer(q->on_edge_of)
                                                           : json_null());
    set_new(o, "placement", place);
    put_record(ctx, o);
    return 0;
}

/* Events are the bulk of a snapshot, so they take a faster path that is still
 * jansson's encoding: the member names are fixed, each value is one reused
 * jansson string dumped straight into a reused record buffer, and the record is
 * written with one fwrite. Text that is not UTF-8 makes jansson's dump fail. */
typedef struct {
    json_writer *w;
    json_t *str;
    char *buf;
    size_t len, cap;
    long long day;        /* UTC day of `at`, to reformat only the clock part */
    char at[32];
    int bad_text;
} event_encoder;

static const char *const EVENT_KEYS[] = {"{\"uuid\":", ",\"at\":", ",\"kind\":", ",\"item\":",
                                         ",\"value\":", ",\"previous\":", ",\"detail\":"};

static int reserve(event_encoder *enc, size_t more)
{
    if (enc->len + more <= enc->cap)
        return 0;
    size_t cap = (enc->len + more) * 2;
    char *grown = realloc(enc->buf, cap);
    if (!grown) {
        enc->w->oom = 1;
        return -1;
    }
    enc->buf = grown;
    enc->cap = cap;
    return 0;
}

static int append(event_encoder *enc, const char *s, size_t n)
{
    if (reserve(enc, n))
        return -1;
    memcpy(enc->buf + enc->len, s, n);
    enc->len += n;
    return 0;
}

/* Appends s as a JSON string, encoded by jansson (null when s is NULL). */
static int put_text(event_encoder *enc, const char *s)
{
    if (!s)
        return append(enc, "null", 4);
    if (json_string_setn_nocheck(enc->str, s, strlen(s)) != 0) {
        enc->w->oom = 1;
        return -1;
    }
    size_t room = enc->cap - enc->len;
    size_t n = json_dumpb(enc->str, enc->buf + enc->len, room, JSON_ENCODE_ANY);
    if (n > room) {
        if (reserve(enc, n))
            return -1;
        n = json_dumpb(enc->str, enc->buf + enc->len, enc->cap - enc->len, JSON_ENCODE_ANY);
    }
    if (n == 0) {
        enc->bad_text = 1;
        return -1;
    }
    enc->len += n;
    return 0;
}

/* enc->at = t as "YYYY-MM-DDTHH:MM:SSZ"; the date part is reused within a day. */
static void format_at(event_encoder *enc, long long t)
{
    long long day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    int sec = (int)(t - day * 86400);
    if (day != enc->day || !enc->at[0]) {
        clock_format_utc(t, enc->at, sizeof enc->at);
        enc->day = day;
        return;
    }
    char *p = enc->at + 11;
    int parts[3] = {sec / 3600, sec / 60 % 60, sec % 60};
    for (int i = 0; i < 3; i++, p += 3) {
        p[0] = (char)('0' + parts[i] / 10);
        p[1] = (char)('0' + parts[i] % 10);
    }
}

static int event_record(void *ctx, const snap_event *e)
{
    event_encoder *enc = ctx;
    json_writer *w = enc->w;
    format_at(enc, e->at);
    const char *vals[] = {e->uuid, enc->at, e->kind, e->item, e->value, e->previous, e->detail};
    enc->len = 0;
    if (append(enc, w->first ? "\n    " : ",\n    ", w->first ? 5 : 6))
        return 1;
    w->first = 0;
    for (size_t i = 0; i < sizeof vals / sizeof *vals; i++)
        if (append(enc, EVENT_KEYS[i], strlen(EVENT_KEYS[i])) || put_text(enc, vals[i]))
            return 1;
    if (append(enc, "}", 1))
        return 1;
    return json_write_escaped(enc->buf, enc->len, w->out) == 0 ? 0 : 1;
}

static int write_events(const climb_model *m, json_writer *w, int *bad_text)
{
    event_encoder enc;
    memset(&enc, 0, sizeof enc);
    enc.w = w;
    enc.str = json_string("");
    int rc = 1;
    if (enc.str && reserve(&enc, 1024) == 0)
        rc = snap_events_each(m->store, m->profile.id, NULL, event_record, &enc);
    else
        w->oom = 1;
    *bad_text = enc.bad_text;
    json_decref(enc.str);
    free(enc.buf);
    return rc;
}

int export_json(const climb_model *m, FILE *out, long long now, char *err, size_t errlen)
{
    const climb_ladder *l = m->ladder;
    json_writer w = {out, 1, 0};
    json_t *o;
    lost = 0;
    fputs("{\n", out);
    put_member(&w, "format", json_string(EXPORT_FORMAT_NAME));
    put_member(&w, "format_version", json_integer(EXPORT_FORMAT_VERSION));
    put_member(&w, "app_version", json_string(CLIMB_VERSION));
    put_member(&w, "exported_at", json_time_or_null(now));
    o = json_object();
    set_new(o, "name", json_string(m->profile.name));
    set_new(o, "title", json_str_or_null(m->profile.title));
    set_new(o, "created_at", json_time_or_null(m->profile.created_at));
    set_new(o, "display_name", json_str_or_null(m->profile.display_name));
    json_t *target = json_null();
    if (m->profile.target_level) {
        target = json_object();
        set_new(target, "level", json_string(m->profile.target_level));
        set_new(target, "date", json_time_or_null(m->profile.target_at));
    }
    set_new(o, "target", target);
    put_member(&w, "profile", o);
    o = json_object();
    set_new(o, "id", json_string(l->id));
    set_new(o, "hash", json_string(l->hash));
    put_member(&w, "ladder", o);
    open_array(&w, "levels");
    for (size_t i = 0; i < l->n_levels; i++) {
        o = json_object();
        set_new(o, "id", json_string(l->levels[i].id));
        set_new(o, "name", json_string(l->levels[i].name));
        put_record(&w, o);
    }
    close_array(&w, 0);
    open_array(&w, "phases");
    for (size_t p = 0; p < l->n_phases; p++)
        put_record(&w, phase_json(m, p));
    close_array(&w, 0);
    int rc = 0;
    open_array(&w, "roadblocks");
    rc = rc ? rc : snap_flags_each(m->store, m->profile.id, flag_record, &w);
    close_array(&w, 0);
    open_array(&w, "quiz_attempts");
    rc = rc ? rc : snap_quiz_each(m->store, m->profile.id, quiz_record, &w);
    close_array(&w, 0);
    open_array(&w, "events");
    int bad_text = 0;
    rc = rc ? rc : write_events(m, &w, &bad_text);
    close_array(&w, 1);
    fputs("}\n", out);
    if (rc < 0) {
        snprintf(err, errlen, "%s", store_error(m->store));
        return -1;
    }
    if (bad_text) {
        snprintf(err, errlen, "the history holds text that is not valid UTF-8");
        return -1;
    }
    if (w.oom || lost) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        snprintf(err, errlen, "cannot write the snapshot");
        return -1;
    }
    return 0;
}
