/* sync.h - keeping one profile in step on several machines through any git
 * remote. Each machine writes its own file, PROFILE/MACHINE.json (the JSON
 * snapshot of export_json), into a clone kept beside the database (DB.sync), so
 * two machines never write the same file and a merge conflict cannot happen; the
 * other machines' files are merged with the idempotent import (ops_import). The
 * database stays the truth: the clone is reset to the remote at every sync and
 * this machine's file written again from the database. */
#ifndef CLIMB_SYNC_H
#define CLIMB_SYNC_H

#include "climb/model.h"

#include <stddef.h>

enum { SYNC_BRANCH_MAX = 64 };

/* Where sync keeps things for the database at db_path. */
typedef struct {
    char clone[4096];  /* the git clone: DB.sync */
    char remote[4096]; /* its origin: an absolute directory or a URL */
    char machine[65];  /* this machine's file name, without .json */
} sync_place;

/* The clone's path for a database (DB.sync). */
void sync_clone_path(const char *db_path, char *buf, size_t len);
/* Checks a machine name: 1-64 of A-Z a-z 0-9 . _ -, not starting with '.'.
 * NULL when fine, else what is wrong. */
const char *sync_check_machine(const char *name);
/* This machine's default name: the host name with other characters as '-'. */
void sync_default_machine(char *buf, size_t len);

/* Sets up sync for the database at db_path: where is a directory (a bare
 * repository is made there when it is missing or empty) or a git URL; the clone
 * is made (or pointed at the new remote) and remembers the machine name (git
 * config climb.machine). 0, or -1 with a message in err; nothing is left behind
 * on failure. */
int sync_init(const char *db_path, const char *where, const char *machine, sync_place *out,
              char *err, size_t errlen);

typedef struct {
    sync_place place;
    char file[512];         /* this machine's file in the clone, PROFILE/MACHINE.json */
    int written;            /* that file changed and was committed */
    int pushed;             /* commits reached the remote */
    int merged;             /* other machines' files read */
    long events_added;      /* events new to this database */
    char merged_names[512]; /* "laptop (3 new), work (nothing new)" */
    int skipped;            /* other files that could not be read */
    char skipped_why[1024]; /* each with its reason, one per line */
} sync_result;

/* One sync of m's profile: fetch, reset the clone to the remote, write and
 * commit this machine's file when it changed, push, then merge the other
 * machines' files into the database. A failed fetch or push returns -1 before
 * the database is touched, err saying what to do; 1 (err says so) when sync was
 * never set up. Files that cannot be read are skipped and named in r. */
int sync_run(climb_model *m, const char *db_path, sync_result *r, char *err, size_t errlen);

#endif
