/* sync.c - sync through git (see sync.h for the design). The order of one sync
 * keeps the promise that a failed fetch or push leaves the database untouched:
 *   1. fetch the remote; reset the clone to it (the clone is only a cache, so a
 *      repository changed by hand, or an earlier push that failed, costs nothing);
 *   2. write this machine's snapshot from the database, only when its bytes
 *      differ (exported-at is the newest event's time, so the same database gives
 *      the same bytes), commit it, push;
 *   3. only then merge the other machines' snapshots into the database.
 * A merge adds events to the database, so this machine's file catches up on the
 * next sync; after that, syncing again changes nothing. */
#define _GNU_SOURCE
#include "climb/sync.h"
#include "climb/atomic_file.h"
#include "climb/export.h"
#include "climb/import.h"
#include "climb/ops.h"
#include "climb/store_checkin.h"
#include "climb/sync_git.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char BRANCH_REF[] = "HEAD:refs/heads/main";
static const char REMOTE_REF[] = "refs/remotes/origin/main";

void sync_clone_path(const char *db_path, char *buf, size_t len)
{
    snprintf(buf, len, "%s.sync", db_path);
}

const char *sync_check_machine(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 64)
        return "a machine name has 1 to 64 characters";
    if (name[0] == '.' || strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                       "0123456789._-") != n)
        return "a machine name uses only letters, digits, '.', '_' and '-', and does not "
               "start with '.'";
    return NULL;
}

void sync_default_machine(char *buf, size_t len)
{
    char host[256] = "";
    if (gethostname(host, sizeof host - 1) != 0 || !host[0])
        snprintf(host, sizeof host, "machine");
    host[64] = '\0';
    for (char *p = host; *p; p++)
        if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-", *p))
            *p = '-';
    if (host[0] == '.')
        host[0] = '-';
    snprintf(buf, len, "%s", host);
}

/* A profile name as a directory name: '/', '\', control characters and a
 * leading '.' become '-'; other bytes (UTF-8 included) stay. */
static void profile_dir(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s", name);
    for (unsigned char *p = (unsigned char *)buf; *p; p++)
        if (*p == '/' || *p == '\\' || *p < 0x20 || *p == 0x7F)
            *p = '-';
    if (buf[0] == '.')
        buf[0] = '-';
}

/* A URL (scheme://, or scp-like host:path) rather than a local directory. */
static int is_url(const char *where)
{
    const char *colon = strchr(where, ':'), *slash = strchr(where, '/');
    return strstr(where, "://") || (colon && where[0] != '/' && where[0] != '.' &&
                                     (!slash || colon < slash));
}

static int dir_is_empty(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int empty = 1;
    while (d && empty && (e = readdir(d)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    if (d)
        closedir(d);
    return d && empty;
}

/* The remote for a local directory: a new bare repository when it is missing or
 * empty, else the repository that is there; its absolute path in remote. */
static int local_remote(const char *where, char *remote, size_t len, char *err, size_t errlen)
{
    char out[1024];
    struct stat sb;
    int exists = stat(where, &sb) == 0;
    if (exists && !S_ISDIR(sb.st_mode)) {
        snprintf(err, errlen, "%s is a file, not a directory for the sync repository", where);
        return -1;
    }
    if (!exists || dir_is_empty(where)) {
        if (sync_git(NULL, out, sizeof out, "init", "-q", "--bare", "--initial-branch=main",
                     where, NULL) != 0) {
            snprintf(err, errlen, "cannot make a git repository at %s: %s", where,
                     sync_git_last_line(out));
            return -1;
        }
    } else if (sync_git(where, out, sizeof out, "rev-parse", "--git-dir", NULL) != 0) {
        snprintf(err, errlen, "%s is neither empty nor a git repository", where);
        return -1;
    }
    char *abs = realpath(where, NULL);
    if (!abs) {
        snprintf(err, errlen, "cannot resolve %s: %s", where, strerror(errno));
        return -1;
    }
    snprintf(remote, len, "%s", abs);
    free(abs);
    return 0;
}

/* Points an existing clone at the remote, or clones it. */
static int make_clone(const sync_place *p, char *err, size_t errlen)
{
    char out[1024];
    struct stat sb;
    int rc;
    if (stat(p->clone, &sb) == 0)
        rc = sync_git(p->clone, out, sizeof out, "remote", "set-url", "origin", p->remote, NULL);
    else
        rc = sync_git(NULL, out, sizeof out, "clone", "-q", "--", p->remote, p->clone, NULL);
    if (rc != 0) {
        snprintf(err, errlen, "cannot clone %s: %s", p->remote, sync_git_last_line(out));
        return -1;
    }
    if (sync_git(p->clone, out, sizeof out, "config", "climb.machine", p->machine, NULL) != 0) {
        snprintf(err, errlen, "cannot configure %s: %s", p->clone, sync_git_last_line(out));
        return -1;
    }
    return 0;
}

int sync_init(const char *db_path, const char *where, const char *machine, sync_place *out,
              char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    sync_clone_path(db_path, out->clone, sizeof out->clone);
    snprintf(out->machine, sizeof out->machine, "%s", machine);
    if (is_url(where))
        snprintf(out->remote, sizeof out->remote, "%s", where);
    else if (local_remote(where, out->remote, sizeof out->remote, err, errlen))
        return -1;
    return make_clone(out, err, errlen);
}

/* Reads the clone's remote and machine name; 1 when sync was never set up. */
static int read_place(const char *db_path, sync_place *p, char *err, size_t errlen)
{
    char out[4096];
    memset(p, 0, sizeof *p);
    sync_clone_path(db_path, p->clone, sizeof p->clone);
    if (access(p->clone, F_OK) != 0) {
        snprintf(err, errlen, "sync is not set up for this database: climb sync init DIR|URL");
        return 1;
    }
    if (sync_git(p->clone, out, sizeof out, "config", "--get", "remote.origin.url", NULL) != 0) {
        snprintf(err, errlen, "%s is not a sync clone (no remote): climb sync init DIR|URL",
                 p->clone);
        return -1;
    }
    snprintf(p->remote, sizeof p->remote, "%s", out);
    if (sync_git(p->clone, out, sizeof out, "config", "--get", "climb.machine", NULL) != 0 ||
        sync_check_machine(out)) {
        snprintf(err, errlen, "%s has no machine name: climb sync init %s", p->clone, p->remote);
        return -1;
    }
    snprintf(p->machine, sizeof p->machine, "%.64s", out);
    return 0;
}

/* Step 1: the clone becomes exactly what the remote holds. */
static int fetch_and_reset(const sync_place *p, char *err, size_t errlen)
{
    char out[2048];
    if (sync_git(p->clone, out, sizeof out, "fetch", "-q", "origin", NULL) != 0) {
        snprintf(err, errlen,
                 "cannot fetch from %s: %s\nNothing was changed. Check that the remote can be "
                 "reached (a mounted disk, the network), then run climb sync again.",
                 p->remote, sync_git_last_line(out));
        return -1;
    }
    if (sync_git(p->clone, NULL, 0, "rev-parse", "-q", "--verify", REMOTE_REF, NULL) != 0)
        return 0; /* an empty remote: nothing to follow yet */
    if (sync_git(p->clone, out, sizeof out, "reset", "-q", "--hard", REMOTE_REF, NULL) != 0) {
        snprintf(err, errlen, "cannot update %s: %s\nNothing was changed; remove that directory "
                 "and run climb sync init again.", p->clone, sync_git_last_line(out));
        return -1;
    }
    return 0;
}

/* The profile's snapshot in memory, dated by its newest event so that the same
 * database always gives the same bytes. */
static int snapshot(climb_model *m, char **buf, size_t *len, char *err, size_t errlen)
{
    long long at;
    if (store_last_event_at(m->store, m->profile.id, &at)) {
        snprintf(err, errlen, "%s", ops_error(m));
        return -1;
    }
    FILE *f = open_memstream(buf, len);
    if (!f) { /* GCOVR_EXCL_START: open_memstream fails only when out of memory */
        snprintf(err, errlen, "out of memory");
        return -1;
    } /* GCOVR_EXCL_STOP */
    int rc = export_json(m, f, at ? at : m->profile.created_at, err, errlen);
    if (fclose(f) != 0 && rc == 0) {
        /* GCOVR_EXCL_START: a memstream's fclose fails only when out of memory */
        snprintf(err, errlen, "out of memory");
        rc = -1;
    } /* GCOVR_EXCL_STOP */
    return rc;
}

/* 1 when the file at path holds exactly buf. */
static int same_bytes(const char *path, const char *buf, size_t len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    char chunk[8192];
    size_t off = 0, n;
    int same = 1;
    while (same && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        same = off + n <= len && memcmp(chunk, buf + off, n) == 0;
        off += n;
    }
    fclose(f);
    return same && off == len;
}

/* Step 2a: this machine's file, written only when its bytes change. */
static int write_own(climb_model *m, const sync_place *p, const char *file, int *changed,
                     char *err, size_t errlen)
{
    char path[5120], dir[4700];
    char *buf = NULL;
    size_t len = 0;
    *changed = 0;
    snprintf(path, sizeof path, "%s/%s", p->clone, file);
    snprintf(dir, sizeof dir, "%s/%.*s", p->clone, (int)(strrchr(file, '/') - file), file);
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "cannot make %s: %s", dir, strerror(errno));
        return -1;
    }
    if (snapshot(m, &buf, &len, err, errlen)) {
        free(buf);
        return -1;
    }
    atomic_file af;
    int rc = 0;
    if (!same_bytes(path, buf, len)) {
        rc = atomic_file_open(&af, path, 1, err, errlen);
        if (rc == 0 && fwrite(buf, 1, len, af.fp) != len) {
            atomic_file_abort(&af);
            snprintf(err, errlen, "cannot write %s", path);
            rc = -1;
        } else if (rc == 0) {
            rc = atomic_file_commit(&af, err, errlen);
        }
        *changed = rc == 0;
    }
    free(buf);
    return rc;
}

/* Step 2b: commit the file when git sees a change, then push what the remote
 * lacks. */
static int commit_and_push(const sync_place *p, const char *file, sync_result *r, char *err,
                           size_t errlen)
{
    char out[2048], email[128], msg[700];
    if (sync_git(p->clone, out, sizeof out, "add", "--", file, NULL) != 0) {
        snprintf(err, errlen, "cannot add %s: %s", file, sync_git_last_line(out));
        return -1;
    }
    if (sync_git(p->clone, NULL, 0, "diff", "--cached", "--quiet", NULL) == 1) {
        snprintf(email, sizeof email, "user.email=climb@%s", p->machine);
        snprintf(msg, sizeof msg, "%s: snapshot of %s", p->machine, file);
        if (sync_git(p->clone, out, sizeof out, "-c", "user.name=climb", "-c", email, "-c",
                     "commit.gpgsign=false", "commit", "-q", "-m", msg, NULL) != 0) {
            snprintf(err, errlen, "cannot commit in %s: %s", p->clone, sync_git_last_line(out));
            return -1;
        }
        r->written = 1;
    }
    char head[64] = "", theirs[64] = "";
    if (sync_git(p->clone, head, sizeof head, "rev-parse", "-q", "--verify", "HEAD", NULL) != 0)
        return 0; /* nothing committed anywhere yet */
    sync_git(p->clone, theirs, sizeof theirs, "rev-parse", "-q", "--verify", REMOTE_REF, NULL);
    if (strcmp(head, theirs) == 0)
        return 0;
    if (sync_git(p->clone, out, sizeof out, "push", "-q", "origin", BRANCH_REF, NULL) != 0) {
        snprintf(err, errlen,
                 "cannot push to %s: %s\nThe database was not changed and nothing was merged. "
                 "Check that the remote can be reached and written, then run climb sync again.",
                 p->remote, sync_git_last_line(out));
        return -1;
    }
    r->pushed = 1;
    return 0;
}

static int json_file(const struct dirent *e)
{
    size_t n = strlen(e->d_name);
    return e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".json") == 0;
}

/* Appends sep, name, open, text, close to buf, as much as fits. */
static void append(char *buf, size_t len, const char *sep, const char *name, const char *open,
                   const char *text, const char *close)
{
    size_t used = strlen(buf);
    if (used + 1 < len)
        snprintf(buf + used, len - used, "%s%.200s%s%.600s%s", sep, name, open, text, close);
}

/* Merges one other machine's file; a file that cannot be read is named in r. */
static int merge_one(climb_model *m, const char *path, const char *name, sync_result *r,
                     char *err, size_t errlen)
{
    import_snapshot *snap;
    import_result ir;
    char why[1024], said[64];
    if (import_load_file(path, m->ladder, &snap, why, sizeof why) != 0) {
        r->skipped++;
        append(r->skipped_why, sizeof r->skipped_why, r->skipped > 1 ? "\n" : "", name, ": ",
               why, "");
        return 0;
    }
    int rc = ops_import(m->store, m->ladder, snap, m->profile.name, &ir, err, errlen);
    import_free(snap);
    if (rc != 0)
        return -1;
    r->merged++;
    r->events_added += ir.events_added;
    if (ir.events_added)
        snprintf(said, sizeof said, "%ld new", ir.events_added);
    else
        snprintf(said, sizeof said, "nothing new");
    append(r->merged_names, sizeof r->merged_names, r->merged > 1 ? ", " : "", name, " (", said,
           ")");
    return 0;
}

/* Step 3: every other machine's file of this profile, in name order. */
static int merge_others(climb_model *m, const sync_place *p, const char *pdir, sync_result *r,
                        char *err, size_t errlen)
{
    char dir[4700], path[5000], own[80];
    struct dirent **list;
    snprintf(dir, sizeof dir, "%s/%s", p->clone, pdir);
    snprintf(own, sizeof own, "%s.json", p->machine);
    int n = scandir(dir, &list, json_file, alphasort), rc = 0;
    for (int i = 0; i < n; i++) {
        if (rc == 0 && strcmp(list[i]->d_name, own) != 0) {
            char name[256];
            snprintf(name, sizeof name, "%.*s", (int)strlen(list[i]->d_name) - 5,
                     list[i]->d_name);
            snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
            rc = merge_one(m, path, name, r, err, errlen);
        }
        free(list[i]);
    }
    if (n >= 0)
        free(list);
    if (rc == 0 && r->events_added && model_reload(m) != 0) {
        snprintf(err, errlen, "%s", ops_error(m));
        rc = -1;
    }
    return rc;
}

int sync_run(climb_model *m, const char *db_path, sync_result *r, char *err, size_t errlen)
{
    char pdir[300];
    int changed;
    memset(r, 0, sizeof *r);
    int rc = read_place(db_path, &r->place, err, errlen);
    if (rc != 0)
        return rc;
    profile_dir(m->profile.name, pdir, sizeof pdir);
    snprintf(r->file, sizeof r->file, "%s/%s.json", pdir, r->place.machine);
    if (fetch_and_reset(&r->place, err, errlen) ||
        write_own(m, &r->place, r->file, &changed, err, errlen) ||
        commit_and_push(&r->place, r->file, r, err, errlen))
        return -1;
    return merge_others(m, &r->place, pdir, r, err, errlen);
}
