/* gen_db.c - builds the bench's deterministic synthetic databases. The database
 * must have been created by climb itself (`climb --db DB --user me status --json
 * > LADDER_JSON`), so the schema is climb's own; this program only bulk-inserts
 * rows into it: more profiles, EVENTS events in all (profile, state, note, quiz,
 * title, roadblock and setting kinds, with quiz_attempts rows for the quizzes),
 * and then the state those events lead to: criterion_state, roadblock_flags and
 * each profile's title and stale_months agree with the latest event of each.
 *
 * Sizes: one profile ("me", profile 1) up to 9,999 events; from 10,000 events one
 * more profile per 10,000 events, "me" holding half of all events and the others
 * sharing the rest. Events are spread evenly over the ten years before NOW, in id
 * order; the last two leave profile 1's first criterion todo without a note,
 * the one the bench ticks. The same arguments always give the same rows
 * (fixed-seed PRNG, UUIDs included). One transaction, prepared statements: 1,000,000 events in seconds.
 *
 * usage: gen_db DB LADDER_JSON EVENTS NOW_EPOCH    (EVENTS >= 10)
 * Prints the id of the criterion left for the bench to tick. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N_STATES = 4, N_ROADBLOCKS = 5, N_LEVELS = 5, N_SETTINGS = 4, TEXT = 192 };

static const char *const STATES[N_STATES] = {"todo", "doing", "done", "n/a"};
/* Ids of the built-in devops ladder's levels and roadblocks (content/devops.yaml). */
static const char *const LEVELS[N_LEVELS] = {"junior", "mid", "senior", "staff", "principal"};
static const char *const ROADBLOCKS[N_ROADBLOCKS] = {
    "rb-senior-stall", "rb-passed-over", "rb-firefighting", "rb-cert-stacking",
    "rb-no-staff-track"};
static const char *const STALE_MONTHS[N_SETTINGS] = {"6", "12", "18", "24"};
static const char *const ANSWERS[3] = {"no", "once", "regularly"};
static const char NA_REASON[] = "not part of this role";

typedef struct {
    int state;            /* index in STATES */
    long long done_at, note_at, updated_at;
    char note[TEXT];      /* "" when none */
    int has_note, touched, has_reason;
    const char *text_at_done;
} crit;

typedef struct {
    crit *crit;
    int title;            /* index in LEVELS, -1 when none */
    int stale;            /* index in STALE_MONTHS */
    long long flagged_at[N_ROADBLOCKS]; /* 0 when not flagged */
    long notes;
} profile;

typedef struct {
    char **id, **text;
    size_t n;
} criteria;

static uint64_t rng_state = 0x436C6D6242656E63ULL; /* "ClmbBenc" */

static uint64_t rnd(void) /* splitmix64 */
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static unsigned pick(unsigned n)
{
    return (unsigned)(rnd() % n);
}

static void make_uuid(char out[37])
{
    unsigned char b[16];
    uint64_t x = rnd(), y = rnd();
    memcpy(b, &x, 8);
    memcpy(b + 8, &y, 8);
    b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
}

static int load_criteria(const char *path, criteria *c)
{
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err), *phases = json_object_get(root, "phases");
    size_t i, j, n = 0;
    json_t *ph, *cr;
    if (!json_is_array(phases)) {
        fprintf(stderr, "gen_db: %s: not climb's status JSON (%s)\n", path, err.text);
        json_decref(root);
        return -1;
    }
    json_array_foreach(phases, i, ph) n += json_array_size(json_object_get(ph, "criteria"));
    c->id = calloc(n ? n : 1, sizeof *c->id);
    c->text = calloc(n ? n : 1, sizeof *c->text);
    c->n = 0;
    json_array_foreach(phases, i, ph) {
        json_array_foreach(json_object_get(ph, "criteria"), j, cr) {
            const char *id = json_string_value(json_object_get(cr, "id")),
                       *text = json_string_value(json_object_get(cr, "text"));
            if (id && text && c->id && c->text) {
                c->id[c->n] = strdup(id);
                c->text[c->n++] = strdup(text);
            }
        }
    }
    json_decref(root);
    if (c->n == 0) {
        fprintf(stderr, "gen_db: %s lists no criteria\n", path);
        return -1;
    }
    return 0;
}

static sqlite3 *db;

static int fail(const char *what)
{
    fprintf(stderr, "gen_db: %s: %s\n", what, sqlite3_errmsg(db));
    return -1;
}

static int exec(const char *sql)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : fail(sql);
}

static sqlite3_stmt *prepare(const char *sql)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        fail(sql);
    return s;
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, i);
}

static int step(sqlite3_stmt *s, const char *what)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE ? 0 : fail(what);
}

static sqlite3_stmt *ins_event, *ins_quiz;

static int add_event(long long pid, long long at, const char *kind, const char *item,
                     const char *value, const char *previous, const char *detail, char *uuid)
{
    make_uuid(uuid);
    sqlite3_bind_text(ins_event, 1, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins_event, 2, pid);
    sqlite3_bind_int64(ins_event, 3, at);
    sqlite3_bind_text(ins_event, 4, kind, -1, SQLITE_STATIC);
    bind_text(ins_event, 5, item);
    bind_text(ins_event, 6, value);
    bind_text(ins_event, 7, previous);
    bind_text(ins_event, 8, detail);
    return step(ins_event, "insert event");
}

static int ev_state(const criteria *cs, profile *p, long long pid, long long at)
{
    static const int weight[N_STATES] = {15, 30, 45, 10};
    unsigned c = pick((unsigned)cs->n);
    crit *k = &p->crit[c];
    int next;
    do {
        unsigned r = pick(100);
        for (next = 0; next < N_STATES - 1 && (int)r >= weight[next]; next++)
            r -= (unsigned)weight[next];
    } while (next == k->state);
    char uuid[37];
    if (add_event(pid, at, "state", cs->id[c], STATES[next], STATES[k->state],
                  next == 3 ? NA_REASON : NULL, uuid))
        return -1;
    if (next == 2) {
        k->done_at = at;
        k->text_at_done = cs->text[c];
    }
    k->has_reason = next == 3;
    k->state = next;
    k->updated_at = at;
    k->touched = 1;
    return 0;
}

static int ev_note(const criteria *cs, profile *p, long long pid, long long at)
{
    unsigned c = pick((unsigned)cs->n);
    crit *k = &p->crit[c];
    char note[TEXT], uuid[37];
    int clear = k->has_note && pick(100) < 12;
    if (!clear)
        snprintf(note, sizeof note,
                 "Evidence %ld: shipped change OPS-%u, reviewed with the team; runbook and"
                 " dashboard updated, see the postmortem of week %u.",
                 ++p->notes, 1000 + pick(9000), 1 + pick(52));
    if (add_event(pid, at, "note", cs->id[c], clear ? NULL : note, k->has_note ? k->note : NULL,
                  NULL, uuid))
        return -1;
    k->has_note = !clear;
    if (clear)
        k->note[0] = '\0';
    else
        memcpy(k->note, note, sizeof note);
    k->note_at = clear ? 0 : at;
    k->updated_at = at;
    k->touched = 1;
    return 0;
}

static int ev_quiz(long long pid, long long at)
{
    char answers[64] = "", detail[48], uuid[37];
    int yes = 0, regularly = 0;
    for (int q = 0; q < 5; q++) {
        unsigned a = pick(3);
        yes += a != 0;
        regularly += a == 2;
        strcat(answers, q ? "," : "");
        strcat(answers, ANSWERS[a]);
    }
    int phase = 1 + (yes + regularly) * 3 / 10, edge = (yes + regularly) % 3 == 2 && phase < 4;
    if (edge)
        snprintf(detail, sizeof detail, "phase=%d on_edge_of=%d", phase, phase + 1);
    else
        snprintf(detail, sizeof detail, "phase=%d", phase);
    if (add_event(pid, at, "quiz", NULL, answers, NULL, detail, uuid))
        return -1;
    sqlite3_bind_int64(ins_quiz, 1, pid);
    sqlite3_bind_text(ins_quiz, 2, uuid, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins_quiz, 3, at);
    sqlite3_bind_text(ins_quiz, 4, answers, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(ins_quiz, 5, yes);
    sqlite3_bind_int(ins_quiz, 6, regularly);
    sqlite3_bind_int(ins_quiz, 7, phase);
    if (edge)
        sqlite3_bind_int(ins_quiz, 8, phase + 1);
    return step(ins_quiz, "insert quiz attempt");
}

static int ev_title(profile *p, long long pid, long long at)
{
    char uuid[37];
    int next;
    do
        next = (int)pick(N_LEVELS);
    while (next == p->title);
    if (add_event(pid, at, "title", NULL, LEVELS[next], p->title >= 0 ? LEVELS[p->title] : NULL,
                  NULL, uuid))
        return -1;
    p->title = next;
    return 0;
}

static int ev_roadblock(profile *p, long long pid, long long at)
{
    char uuid[37];
    unsigned r = pick(N_ROADBLOCKS);
    int on = p->flagged_at[r] == 0;
    if (add_event(pid, at, "roadblock", ROADBLOCKS[r], on ? "on" : "off", NULL, NULL, uuid))
        return -1;
    p->flagged_at[r] = on ? at : 0;
    return 0;
}

static int ev_setting(profile *p, long long pid, long long at)
{
    char uuid[37];
    int next;
    do
        next = (int)pick(N_SETTINGS);
    while (next == p->stale);
    if (add_event(pid, at, "setting", "stale_months", STALE_MONTHS[next], STALE_MONTHS[p->stale],
                  NULL, uuid))
        return -1;
    p->stale = next;
    return 0;
}

static int one_event(const criteria *cs, profile *p, long long pid, long long at)
{
    unsigned r = pick(100);
    if (r < 62)
        return ev_state(cs, p, pid, at);
    if (r < 84)
        return ev_note(cs, p, pid, at);
    if (r < 89)
        return ev_quiz(pid, at);
    if (r < 93)
        return ev_title(p, pid, at);
    if (r < 97)
        return ev_roadblock(p, pid, at);
    return ev_setting(p, pid, at);
}

/* Writes the state the events led to: criterion_state, roadblock_flags, profiles. */
static int write_state(const criteria *cs, profile *ps, long long n_profiles, long long start)
{
    sqlite3_stmt *put = prepare("INSERT OR REPLACE INTO criterion_state (profile_id,"
                                " criterion_id, state, done_at, note, note_at, reason,"
                                " text_at_done, updated_at) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"),
                 *flag = prepare("INSERT OR REPLACE INTO roadblock_flags (profile_id,"
                                 " roadblock_id, flagged_at) VALUES (?1, ?2, ?3)"),
                 *prof = prepare("UPDATE profiles SET created_at = ?2, title = ?3,"
                                 " quiz_offered = 1, stale_months = ?4 WHERE id = ?1");
    int rc = put && flag && prof ? 0 : -1;
    for (long long pid = 1; rc == 0 && pid <= n_profiles; pid++) {
        profile *p = &ps[pid - 1];
        for (size_t c = 0; rc == 0 && c < cs->n; c++) {
            crit *k = &p->crit[c];
            if (!k->touched)
                continue;
            sqlite3_bind_int64(put, 1, pid);
            sqlite3_bind_text(put, 2, cs->id[c], -1, SQLITE_STATIC);
            sqlite3_bind_text(put, 3, STATES[k->state], -1, SQLITE_STATIC);
            if (k->done_at)
                sqlite3_bind_int64(put, 4, k->done_at);
            bind_text(put, 5, k->has_note ? k->note : NULL);
            if (k->note_at)
                sqlite3_bind_int64(put, 6, k->note_at);
            bind_text(put, 7, k->has_reason ? NA_REASON : NULL);
            bind_text(put, 8, k->text_at_done);
            sqlite3_bind_int64(put, 9, k->updated_at);
            rc = step(put, "insert criterion state");
        }
        for (int r = 0; rc == 0 && r < N_ROADBLOCKS; r++) {
            if (!p->flagged_at[r])
                continue;
            sqlite3_bind_int64(flag, 1, pid);
            sqlite3_bind_text(flag, 2, ROADBLOCKS[r], -1, SQLITE_STATIC);
            sqlite3_bind_int64(flag, 3, p->flagged_at[r]);
            rc = step(flag, "insert roadblock flag");
        }
        if (rc == 0) {
            sqlite3_bind_int64(prof, 1, pid);
            sqlite3_bind_int64(prof, 2, start);
            bind_text(prof, 3, p->title >= 0 ? LEVELS[p->title] : NULL);
            sqlite3_bind_int(prof, 4, atoi(STALE_MONTHS[p->stale]));
            rc = step(prof, "update profile");
        }
    }
    sqlite3_finalize(put);
    sqlite3_finalize(flag);
    sqlite3_finalize(prof);
    return rc;
}

static int generate(const criteria *cs, long long n_events, long long now)
{
    const long long span = 3653LL * 86400, start = now - span;
    long long n_profiles = n_events >= 10000 ? 1 + n_events / 10000 : 1;
    profile *ps = calloc((size_t)n_profiles, sizeof *ps);
    if (!ps)
        return -1;
    for (long long i = 0; i < n_profiles; i++) {
        ps[i].crit = calloc(cs->n, sizeof *ps[i].crit);
        ps[i].title = -1;
        ps[i].stale = 1; /* 12 months, the schema's default */
        if (!ps[i].crit)
            return -1;
    }
    sqlite3_stmt *ins_profile = prepare("INSERT INTO profiles (id, name, created_at)"
                                        " VALUES (?1, ?2, ?3)");
    ins_event = prepare("INSERT INTO events (uuid, profile_id, at, kind, item, value, previous,"
                        " detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    ins_quiz = prepare("INSERT INTO quiz_attempts (profile_id, event_uuid, taken_at, answers,"
                       " yes, regularly, phase, on_edge_of) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    if (!ins_profile || !ins_event || !ins_quiz || exec("BEGIN IMMEDIATE"))
        return -1;
    /* Profile 1 was made by climb; move its birth to the start of the history. */
    char sql[128], uuid[37];
    snprintf(sql, sizeof sql, "UPDATE events SET at = %lld WHERE profile_id = 1", start);
    if (exec(sql))
        return -1;
    long long i = 1; /* events written so far: profile 1's own */
    for (long long pid = 2; pid <= n_profiles; pid++, i++) {
        char name[32];
        snprintf(name, sizeof name, "engineer-%03lld", pid);
        long long at = start + i * span / n_events;
        sqlite3_bind_int64(ins_profile, 1, pid);
        sqlite3_bind_text(ins_profile, 2, name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(ins_profile, 3, at);
        if (step(ins_profile, "insert profile") ||
            add_event(pid, at, "profile", NULL, name, NULL, NULL, uuid))
            return -1;
    }
    for (; i < n_events - 2; i++) {
        long long pid = n_profiles == 1 || pick(2) ? 1 : 2 + (long long)pick((unsigned)(n_profiles - 1));
        if (one_event(cs, &ps[pid - 1], pid, start + i * span / n_events))
            return -1;
    }
    /* The last two events leave profile 1's first criterion todo without a note,
     * so the bench has a known criterion to tick and untick with Space (unticking
     * a criterion that has a note asks for confirmation). */
    crit *k = &ps[0].crit[0];
    for (; i < n_events; i++) {
        long long at = start + i * span / n_events;
        int rc;
        if (k->has_note) {
            rc = add_event(1, at, "note", cs->id[0], NULL, k->note, NULL, uuid);
            k->has_note = 0;
            k->note[0] = '\0';
            k->note_at = 0;
            k->updated_at = at;
        } else if (k->state != 0) {
            rc = add_event(1, at, "state", cs->id[0], STATES[0], STATES[k->state], NULL, uuid);
            k->state = 0;
            k->has_reason = 0;
            k->updated_at = at;
        } else {
            rc = ev_setting(&ps[0], 1, at);
        }
        k->touched = 1;
        if (rc)
            return -1;
    }
    if (write_state(cs, ps, n_profiles, start) || exec("COMMIT"))
        return -1;
    sqlite3_finalize(ins_profile);
    sqlite3_finalize(ins_event);
    sqlite3_finalize(ins_quiz);
    for (long long pi = 0; pi < n_profiles; pi++)
        free(ps[pi].crit);
    free(ps);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 5 || atoll(argv[3]) < 10) {
        fprintf(stderr, "usage: gen_db DB LADDER_JSON EVENTS NOW_EPOCH\n");
        return 2;
    }
    criteria cs;
    if (load_criteria(argv[2], &cs))
        return 1;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        fprintf(stderr, "gen_db: cannot open %s\n", argv[1]);
        return 1;
    }
    /* Bulk load without a WAL copy of every page, then back to climb's WAL mode. */
    int rc = exec("PRAGMA journal_mode=DELETE") || exec("PRAGMA synchronous=OFF") ||
             exec("PRAGMA cache_size=-262144") || exec("PRAGMA foreign_keys=ON") ||
             generate(&cs, atoll(argv[3]), atoll(argv[4])) || exec("PRAGMA journal_mode=WAL");
    sqlite3_close(db);
    if (!rc)
        printf("%s\n", cs.id[0]);
    for (size_t i = 0; i < cs.n; i++) {
        free(cs.id[i]);
        free(cs.text[i]);
    }
    free(cs.id);
    free(cs.text);
    return rc ? 1 : 0;
}
