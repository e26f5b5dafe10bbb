/* test_powerloss.c - power loss, simulated the way SQLite tests itself: climb's
 * database lives in an in-memory SQLite VFS (registered as the default before
 * climb opens anything) that keeps, for every file, the image that reached the
 * "disk" at the last xSync and the writes made since. At a random I/O operation
 * the power goes: every later call fails, the writes since the last sync of the
 * database, its -wal and any journal are each kept, dropped or torn (some of
 * their 512-byte sectors written, one of them partly or with garbage), and the
 * -shm (shared memory) is lost. The file is then opened again through climb's
 * own store_open and model_open, PRAGMA integrity_check must say ok, and every
 * change whose ops_* call returned 0 must be there, with nothing that was never
 * asked for: ticks, notes, quiz attempts, an imported snapshot (all of it or
 * none) and a migration of a release 0.1 database.
 *
 * Environment:
 *   CLIMB_POWERLOSS_CRASHES  how many crashes (1000)
 *   CLIMB_POWERLOSS_SEED     the seed (else from the clock; printed on failure)
 *   CLIMB_POWERLOSS_BREAK    "sync": xSync makes nothing durable; "synchronous"
 *                            or "normal": PRAGMA synchronous=OFF or NORMAL after
 *                            store_open instead of climb's FULL. Each must make
 *                            this test report lost changes (a check of the check).
 *
 * store_open stats and reads the real path before SQLite opens it, so a small
 * "shadow" of each file (the first 100 bytes of the database, its size, an empty
 * -wal when the in-memory -wal has content) is written to a temporary directory
 * before each open; SQLite itself reads and writes only memory. Creating and
 * deleting a file count as durable at once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "climb/content.h"
#include "climb/export.h"
#include "climb/import.h"
#include "climb/model.h"
#include "climb/ops.h"
#include "climb/store.h"

#include "support.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ PRNG */

static uint64_t rng_state;

static uint64_t rng_next(void)
{
    /* splitmix64: any seed, including 0, gives a good sequence */
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static unsigned rng_below(unsigned n)
{
    return n ? (unsigned)(rng_next() % n) : 0;
}

/* ------------------------------------------------------------ the VFS */

/* A write or truncate since the file's last sync. */
typedef struct {
    sqlite3_int64 off;   /* write: where; truncate: the new size */
    int len;             /* -1 for a truncate */
    size_t at;           /* write: where its bytes are in the file's arena */
} pending_op;

typedef struct mem_file mem_file;
struct mem_file {
    char *name;                /* NULL for a temporary file */
    unsigned char *cur;        /* what SQLite reads: every write so far */
    size_t cur_len, cur_cap;
    unsigned char *dur;        /* what is on the disk: up to the last sync */
    size_t dur_len, dur_cap;
    pending_op *ops;           /* the writes since then, in order */
    size_t n_ops, cap_ops;
    unsigned char *arena;      /* their bytes */
    size_t arena_len, arena_cap;
    int refs;                  /* open handles */
    int linked;                /* in the directory (not deleted) */
    /* file locks, as unix keeps them per inode */
    int n_shared;
    const void *reserved, *pending, *exclusive;
    /* the -shm: volatile, lost on a crash */
    unsigned char **regions;
    int n_regions, shm_users;
    int shm_shared[SQLITE_SHM_NLOCK];
    const void *shm_excl[SQLITE_SHM_NLOCK];
    mem_file *next;
};

typedef struct {
    sqlite3_file base;
    mem_file *f;
    int lock;
    int shm_mapped;
    unsigned shm_shared_held, shm_excl_held;
} mem_handle;

static struct {
    mem_file *files;
    mem_file *spare; /* freed files, their buffers kept for the next (fewer allocations) */
    sqlite3_vfs *orig;
    long io_count;   /* writes, truncates and syncs so far */
    long crash_at;   /* the one at which the power goes; 0: never */
    int crashed;
    int broken_sync; /* CLIMB_POWERLOSS_BREAK=sync */
} vfs;

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    assert_non_null(p);
    return p;
}

static void grow(unsigned char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap : 4096;
    while (n < need)
        n *= 2;
    unsigned char *p = realloc(*buf, n);
    assert_non_null(p);
    *buf = p;
    *cap = n;
}

/* Writes n bytes at off into an image, zero-filling any gap. */
static void image_write(unsigned char **buf, size_t *len, size_t *cap, sqlite3_int64 off,
                        const void *data, size_t n)
{
    if (n == 0)
        return;
    size_t end = (size_t)off + n;
    grow(buf, cap, end);
    if ((size_t)off > *len)
        memset(*buf + *len, 0, (size_t)off - *len);
    memcpy(*buf + off, data, n);
    if (end > *len)
        *len = end;
}

static void image_truncate(unsigned char **buf, size_t *len, size_t *cap, sqlite3_int64 size)
{
    if ((size_t)size > *len) {
        grow(buf, cap, (size_t)size);
        assert_non_null(*buf);
        memset(*buf + *len, 0, (size_t)size - *len);
    }
    *len = (size_t)size;
}

static void ops_clear(mem_file *f)
{
    f->n_ops = 0;
    f->arena_len = 0;
}

static void shm_drop(mem_file *f)
{
    for (int i = 0; i < f->n_regions; i++)
        free(f->regions[i]);
    free(f->regions);
    f->regions = NULL;
    f->n_regions = 0;
}

/* Keeps f's buffers for the next file_create. */
static void file_free(mem_file *f)
{
    shm_drop(f);
    free(f->name);
    f->name = NULL;
    f->next = vfs.spare;
    vfs.spare = f;
}

static void file_destroy(mem_file *f)
{
    free(f->arena);
    free(f->ops);
    free(f->cur);
    free(f->dur);
    free(f->name);
    free(f);
}

static mem_file *file_find(const char *name)
{
    for (mem_file *f = vfs.files; f; f = f->next)
        if (f->name && strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

static void file_unlink(mem_file *f)
{
    for (mem_file **p = &vfs.files; *p; p = &(*p)->next) {
        if (*p == f) {
            *p = f->next;
            break;
        }
    }
    f->linked = 0;
    if (f->refs == 0)
        file_free(f);
}

/* A new, empty, linked file (durable at once, like its directory entry). */
static mem_file *file_create(const char *name)
{
    mem_file *f = vfs.spare;
    if (f) {
        vfs.spare = f->next;
        mem_file keep = *f;
        memset(f, 0, sizeof *f);
        f->cur = keep.cur;
        f->cur_cap = keep.cur_cap;
        f->dur = keep.dur;
        f->dur_cap = keep.dur_cap;
        f->ops = keep.ops;
        f->cap_ops = keep.cap_ops;
        f->arena = keep.arena;
        f->arena_cap = keep.arena_cap;
    } else {
        f = calloc(1, sizeof *f);
        assert_non_null(f);
    }
    if (name) {
        f->name = strdup(name);
        assert_non_null(f->name);
        f->linked = 1;
        f->next = vfs.files;
        vfs.files = f;
    }
    return f;
}

/* Counts one write, truncate or sync; 1 when the power goes now. */
static int io_tick(void)
{
    if (vfs.crashed)
        return 1;
    vfs.io_count++;
    if (vfs.crash_at && vfs.io_count >= vfs.crash_at)
        vfs.crashed = 1;
    return vfs.crashed;
}

static int mem_close(sqlite3_file *pf)
{
    mem_handle *h = (mem_handle *)pf;
    mem_file *f = h->f;
    if (!f)
        return SQLITE_OK;
    if (h->lock >= SQLITE_LOCK_SHARED)
        f->n_shared--;
    if (f->reserved == h)
        f->reserved = NULL;
    if (f->pending == h)
        f->pending = NULL;
    if (f->exclusive == h)
        f->exclusive = NULL;
    h->f = NULL;
    if (--f->refs == 0 && !f->linked)
        file_free(f);
    return SQLITE_OK;
}

static int mem_read(sqlite3_file *pf, void *buf, int n, sqlite3_int64 off)
{
    mem_file *f = ((mem_handle *)pf)->f;
    if (vfs.crashed)
        return SQLITE_IOERR_READ;
    size_t have = (size_t)off < f->cur_len ? f->cur_len - (size_t)off : 0;
    size_t take = have < (size_t)n ? have : (size_t)n;
    if (take)
        memcpy(buf, f->cur + off, take);
    if (take < (size_t)n) {
        memset((unsigned char *)buf + take, 0, (size_t)n - take);
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

static void op_add(mem_file *f, sqlite3_int64 off, int len, const void *data)
{
    if (f->n_ops == f->cap_ops) {
        f->cap_ops = f->cap_ops ? 2 * f->cap_ops : 64;
        f->ops = realloc(f->ops, f->cap_ops * sizeof *f->ops);
        assert_non_null(f->ops);
    }
    pending_op *o = &f->ops[f->n_ops++];
    o->off = off;
    o->len = len;
    o->at = f->arena_len;
    if (len > 0) {
        grow(&f->arena, &f->arena_cap, f->arena_len + (size_t)len);
        memcpy(f->arena + f->arena_len, data, (size_t)len);
        f->arena_len += (size_t)len;
    }
}

static int mem_write(sqlite3_file *pf, const void *buf, int n, sqlite3_int64 off)
{
    mem_file *f = ((mem_handle *)pf)->f;
    if (io_tick())
        return SQLITE_IOERR_WRITE;
    image_write(&f->cur, &f->cur_len, &f->cur_cap, off, buf, (size_t)n);
    if (f->name)
        op_add(f, off, n, buf);
    return SQLITE_OK;
}

static int mem_truncate(sqlite3_file *pf, sqlite3_int64 size)
{
    mem_file *f = ((mem_handle *)pf)->f;
    if (io_tick())
        return SQLITE_IOERR_TRUNCATE;
    image_truncate(&f->cur, &f->cur_len, &f->cur_cap, size);
    if (f->name)
        op_add(f, size, -1, NULL);
    return SQLITE_OK;
}

/* Replays pending op o onto the durable image. */
static void op_apply(mem_file *f, const pending_op *o)
{
    if (o->len < 0)
        image_truncate(&f->dur, &f->dur_len, &f->dur_cap, o->off);
    else
        image_write(&f->dur, &f->dur_len, &f->dur_cap, o->off, f->arena + o->at,
                    (size_t)o->len);
}

static int mem_sync(sqlite3_file *pf, int flags)
{
    mem_file *f = ((mem_handle *)pf)->f;
    (void)flags;
    if (io_tick())
        return SQLITE_IOERR_FSYNC;
    if (vfs.broken_sync)
        return SQLITE_OK; /* the negative control: a sync that keeps nothing */
    for (size_t i = 0; i < f->n_ops; i++)
        op_apply(f, &f->ops[i]);
    ops_clear(f);
    return SQLITE_OK;
}

static int mem_file_size(sqlite3_file *pf, sqlite3_int64 *size)
{
    if (vfs.crashed)
        return SQLITE_IOERR_FSTAT;
    *size = (sqlite3_int64)((mem_handle *)pf)->f->cur_len;
    return SQLITE_OK;
}

/* File locks with unix's rules, between the connections of this process. */
static int mem_lock(sqlite3_file *pf, int level)
{
    mem_handle *h = (mem_handle *)pf;
    mem_file *f = h->f;
    if (vfs.crashed)
        return SQLITE_IOERR_LOCK;
    if (h->lock >= level)
        return SQLITE_OK;
    if (level == SQLITE_LOCK_SHARED) {
        if ((f->pending && f->pending != h) || (f->exclusive && f->exclusive != h))
            return SQLITE_BUSY;
        f->n_shared++;
    } else if (level == SQLITE_LOCK_RESERVED) {
        if (f->reserved && f->reserved != h)
            return SQLITE_BUSY;
        f->reserved = h;
    } else {
        if (f->pending && f->pending != h)
            return SQLITE_BUSY;
        f->pending = h;
        if (level == SQLITE_LOCK_EXCLUSIVE) {
            if (f->n_shared > 1 || (f->exclusive && f->exclusive != h))
                return SQLITE_BUSY; /* holds PENDING meanwhile */
            f->exclusive = h;
        }
    }
    h->lock = level;
    return SQLITE_OK;
}

static int mem_unlock(sqlite3_file *pf, int level)
{
    mem_handle *h = (mem_handle *)pf;
    mem_file *f = h->f;
    if (h->lock <= level)
        return SQLITE_OK;
    if (level < SQLITE_LOCK_EXCLUSIVE) {
        if (f->exclusive == h)
            f->exclusive = NULL;
        if (f->pending == h)
            f->pending = NULL;
    }
    if (level < SQLITE_LOCK_RESERVED && f->reserved == h)
        f->reserved = NULL;
    if (level == SQLITE_LOCK_NONE)
        f->n_shared--;
    h->lock = level;
    return SQLITE_OK;
}

static int mem_check_reserved(sqlite3_file *pf, int *out)
{
    mem_file *f = ((mem_handle *)pf)->f;
    if (vfs.crashed)
        return SQLITE_IOERR_CHECKRESERVEDLOCK;
    *out = f->reserved || f->pending || f->exclusive;
    return SQLITE_OK;
}

static int mem_file_control(sqlite3_file *pf, int op, void *arg)
{
    (void)pf;
    (void)op;
    (void)arg;
    return SQLITE_NOTFOUND;
}

static int mem_sector_size(sqlite3_file *pf)
{
    (void)pf;
    return 512;
}

static int mem_device_characteristics(sqlite3_file *pf)
{
    (void)pf;
    /* as the unix VFS says by default: a write never changes bytes outside its range */
    return SQLITE_IOCAP_POWERSAFE_OVERWRITE;
}

static int mem_shm_map(sqlite3_file *pf, int region, int size, int extend, void volatile **pp)
{
    mem_handle *h = (mem_handle *)pf;
    mem_file *f = h->f;
    *pp = NULL;
    if (vfs.crashed)
        return SQLITE_IOERR_SHMMAP;
    if (!h->shm_mapped) {
        h->shm_mapped = 1;
        f->shm_users++;
    }
    if (region >= f->n_regions) {
        if (!extend)
            return SQLITE_OK;
        unsigned char **r = realloc(f->regions, (size_t)(region + 1) * sizeof *r);
        assert_non_null(r);
        for (int i = f->n_regions; i <= region; i++) {
            r[i] = calloc(1, (size_t)size);
            assert_non_null(r[i]);
        }
        f->regions = r;
        f->n_regions = region + 1;
    }
    *pp = f->regions[region];
    return SQLITE_OK;
}

static int mem_shm_lock(sqlite3_file *pf, int ofst, int n, int flags)
{
    mem_handle *h = (mem_handle *)pf;
    mem_file *f = h->f;
    if (vfs.crashed && !(flags & SQLITE_SHM_UNLOCK))
        return SQLITE_IOERR_SHMLOCK;
    for (int i = ofst; i < ofst + n; i++) {
        unsigned bit = 1u << i;
        if (flags & SQLITE_SHM_UNLOCK) {
            if (h->shm_excl_held & bit)
                f->shm_excl[i] = NULL;
            if (h->shm_shared_held & bit)
                f->shm_shared[i]--;
            h->shm_excl_held &= ~bit;
            h->shm_shared_held &= ~bit;
        } else if (flags & SQLITE_SHM_SHARED) {
            if (f->shm_excl[i] && f->shm_excl[i] != h)
                return SQLITE_BUSY;
            if (!(h->shm_shared_held & bit)) {
                f->shm_shared[i]++;
                h->shm_shared_held |= bit;
            }
        } else {
            if ((f->shm_excl[i] && f->shm_excl[i] != h) ||
                f->shm_shared[i] - ((h->shm_shared_held & bit) ? 1 : 0) > 0)
                return SQLITE_BUSY;
        }
    }
    if (flags & SQLITE_SHM_EXCLUSIVE)
        for (int i = ofst; i < ofst + n; i++) {
            f->shm_excl[i] = h;
            h->shm_excl_held |= 1u << i;
        }
    return SQLITE_OK;
}

static void mem_shm_barrier(sqlite3_file *pf)
{
    (void)pf;
}

static int mem_shm_unmap(sqlite3_file *pf, int delete_flag)
{
    mem_handle *h = (mem_handle *)pf;
    mem_file *f = h->f;
    (void)delete_flag;
    mem_shm_lock(pf, 0, SQLITE_SHM_NLOCK, SQLITE_SHM_UNLOCK | SQLITE_SHM_SHARED);
    if (h->shm_mapped) {
        h->shm_mapped = 0;
        /* the last one out: like a -shm that the next opener finds stale */
        if (--f->shm_users == 0)
            shm_drop(f);
    }
    return SQLITE_OK;
}

static const sqlite3_io_methods mem_io = {
    2,
    mem_close,
    mem_read,
    mem_write,
    mem_truncate,
    mem_sync,
    mem_file_size,
    mem_lock,
    mem_unlock,
    mem_check_reserved,
    mem_file_control,
    mem_sector_size,
    mem_device_characteristics,
    mem_shm_map,
    mem_shm_lock,
    mem_shm_barrier,
    mem_shm_unmap,
    NULL,
    NULL,
};

static int mem_open(sqlite3_vfs *v, const char *name, sqlite3_file *pf, int flags, int *out)
{
    mem_handle *h = (mem_handle *)pf;
    (void)v;
    memset(h, 0, sizeof *h);
    if (vfs.crashed)
        return SQLITE_CANTOPEN;
    mem_file *f = name ? file_find(name) : NULL;
    if (!f) {
        if (name && !(flags & SQLITE_OPEN_CREATE))
            return SQLITE_CANTOPEN;
        f = file_create((flags & SQLITE_OPEN_DELETEONCLOSE) ? NULL : name);
    }
    f->refs++;
    h->f = f;
    h->base.pMethods = &mem_io;
    if (out)
        *out = flags;
    return SQLITE_OK;
}

static int mem_delete(sqlite3_vfs *v, const char *name, int sync_dir)
{
    (void)v;
    (void)sync_dir;
    if (vfs.crashed)
        return SQLITE_IOERR_DELETE;
    mem_file *f = file_find(name);
    if (f)
        file_unlink(f);
    return SQLITE_OK;
}

static int mem_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
    (void)v;
    mem_file *f = file_find(name);
    /* as unix: an empty file does not "exist" for SQLITE_ACCESS_EXISTS */
    *out = f && (flags != SQLITE_ACCESS_EXISTS || f->cur_len > 0);
    return vfs.crashed ? SQLITE_IOERR_ACCESS : SQLITE_OK;
}

static int mem_full_pathname(sqlite3_vfs *v, const char *name, int n, char *out)
{
    (void)v;
    if (name[0] == '/') {
        snprintf(out, (size_t)n, "%s", name);
    } else {
        char cwd[512];
        if (!getcwd(cwd, sizeof cwd))
            return SQLITE_CANTOPEN;
        snprintf(out, (size_t)n, "%s/%s", cwd, name);
    }
    return SQLITE_OK;
}

static void *mem_dlopen(sqlite3_vfs *v, const char *name)
{
    (void)v;
    (void)name;
    return NULL;
}

static void mem_dlerror(sqlite3_vfs *v, int n, char *msg)
{
    (void)v;
    snprintf(msg, (size_t)n, "no extensions under the crash VFS");
}

static void (*mem_dlsym(sqlite3_vfs *v, void *lib, const char *sym))(void)
{
    (void)v;
    (void)lib;
    (void)sym;
    return NULL;
}

static void mem_dlclose(sqlite3_vfs *v, void *lib)
{
    (void)v;
    (void)lib;
}

static int mem_randomness(sqlite3_vfs *v, int n, char *out)
{
    (void)v;
    for (int i = 0; i < n; i++)
        out[i] = (char)rng_next();
    return n;
}

static int mem_sleep(sqlite3_vfs *v, int us)
{
    (void)v;
    return us;
}

static int mem_current_time(sqlite3_vfs *v, double *t)
{
    (void)v;
    return vfs.orig->xCurrentTime(vfs.orig, t);
}

static int mem_last_error(sqlite3_vfs *v, int n, char *msg)
{
    (void)v;
    if (n > 0)
        msg[0] = '\0';
    return 0;
}

static int mem_current_time64(sqlite3_vfs *v, sqlite3_int64 *t)
{
    (void)v;
    return vfs.orig->xCurrentTimeInt64(vfs.orig, t);
}

static sqlite3_vfs mem_vfs = {
    2, (int)sizeof(mem_handle), 512, NULL, "climb-crash", NULL,
    mem_open, mem_delete, mem_access, mem_full_pathname,
    mem_dlopen, mem_dlerror, mem_dlsym, mem_dlclose,
    mem_randomness, mem_sleep, mem_current_time, mem_last_error,
    mem_current_time64, NULL, NULL, NULL,
};

/* The power goes: for every file, the writes since its last sync are each kept,
 * dropped or torn; memory (the -shm, what SQLite had read) is gone. */
static void power_loss(int style)
{
    for (mem_file *f = vfs.files; f; f = f->next) {
        for (size_t i = 0; i < f->n_ops; i++) {
            pending_op *o = &f->ops[i];
            unsigned r = rng_below(100);
            int keep = style == 0 ? 0 : style == 1 ? r < 50 : r < 40;
            int tear = style == 2 && r >= 40 && r < 75 && o->len > 0;
            if (keep) {
                op_apply(f, o);
            } else if (tear) {
                /* some sectors reach the disk, one of them only in part or as garbage */
                int sectors = (o->len + 511) / 512, torn = (int)rng_below((unsigned)sectors);
                for (int s = 0; s < sectors; s++) {
                    int from = s * 512, n = o->len - from < 512 ? o->len - from : 512;
                    if (s == torn) {
                        unsigned char junk[512];
                        int part = (int)rng_below((unsigned)n) + 1;
                        if (rng_below(2)) {
                            for (int k = 0; k < part; k++)
                                junk[k] = (unsigned char)rng_next();
                            image_write(&f->dur, &f->dur_len, &f->dur_cap, o->off + from, junk,
                                        (size_t)part);
                        } else {
                            image_write(&f->dur, &f->dur_len, &f->dur_cap, o->off + from,
                                        f->arena + o->at + from, (size_t)part);
                        }
                    } else if (rng_below(2)) {
                        image_write(&f->dur, &f->dur_len, &f->dur_cap, o->off + from,
                                    f->arena + o->at + from, (size_t)n);
                    }
                }
            }
        }
        ops_clear(f);
        shm_drop(f);
        f->shm_users = 0;
        memset(f->shm_shared, 0, sizeof f->shm_shared);
        memset(f->shm_excl, 0, sizeof f->shm_excl);
        /* after the reboot SQLite reads what the disk has */
        f->cur_len = 0;
        image_write(&f->cur, &f->cur_len, &f->cur_cap, 0, f->dur, f->dur_len);
    }
    vfs.crashed = 0;
    vfs.crash_at = 0;
}

static void vfs_reset(void)
{
    while (vfs.files) {
        mem_file *f = vfs.files;
        vfs.files = f->next;
        assert_int_equal(f->refs, 0);
        file_free(f);
    }
    vfs.crashed = 0;
    vfs.crash_at = 0;
    vfs.io_count = 0;
}

/* A durable file holding data (a copy), as if written and synced long ago. */
static void vfs_put(const char *name, const unsigned char *data, size_t len)
{
    mem_file *f = file_create(name);
    image_write(&f->dur, &f->dur_len, &f->dur_cap, 0, data, len);
    image_write(&f->cur, &f->cur_len, &f->cur_cap, 0, data, len);
}

/* A copy of a file's durable image (NULL with *len 0 when there is none). */
static unsigned char *vfs_take(const char *name, size_t *len)
{
    mem_file *f = file_find(name);
    *len = 0;
    if (!f || f->dur_len == 0)
        return NULL;
    assert_int_equal(f->n_ops, 0);
    unsigned char *p = xmalloc(f->dur_len);
    memcpy(p, f->dur, f->dur_len);
    *len = f->dur_len;
    return p;
}

/* ----------------------------------------------------------- the shadow */

static char dir[64], db_path[128], wal_path[136], src_path[128];

/* What store_open looks at on the real file system before SQLite opens the file:
 * its existence and size, its first 100 bytes, whether a -wal exists. */
static void shadow_write(void)
{
    mem_file *db = file_find(db_path), *wal = file_find(wal_path);
    unlink(db_path);
    unlink(wal_path);
    if (db) {
        int fd = open(db_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        assert_true(fd >= 0);
        size_t head = db->cur_len < 100 ? db->cur_len : 100;
        assert_int_equal(write(fd, db->cur, head), (ssize_t)head);
        assert_int_equal(ftruncate(fd, (off_t)db->cur_len), 0);
        close(fd);
    }
    if (wal && wal->cur_len > 0) {
        int fd = open(wal_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        assert_true(fd >= 0);
        close(fd);
    }
}

/* -------------------------------------------------------- the workload */

enum { TRACKED = 6, NOTE_LEN = 128 };

typedef enum { OP_NONE, OP_STATE, OP_NOTE, OP_QUIZ, OP_IMPORT, OP_MIGRATE } op_kind;

/* What the database must hold: every change acknowledged (its ops_* returned 0),
 * and the one in flight when the power went, which may or may not be there. */
typedef struct {
    crit_state state[TRACKED];
    char note[TRACKED][NOTE_LEN];
    int quiz;          /* attempts acknowledged */
    int imported;      /* the snapshot's import acknowledged */
    int migrated;      /* store_open (with its migration) acknowledged */
    op_kind inflight;
    int in_crit;
    crit_state in_state;
    char in_note[NOTE_LEN];
} expect;

static struct {
    climb_ladder ladder;
    size_t phase[TRACKED], index[TRACKED]; /* the criteria the workload changes */
    import_snapshot *snap;                 /* profile "bea", to import */
    long snap_events;                      /* its events */
    crit_state snap_state[TRACKED];
    unsigned char *base;                   /* "ana" made, nothing else: the start */
    size_t base_len;
    unsigned char *old;                    /* a release 0.1 database (schema 1) */
    size_t old_len;
    long old_events;
    expect old_expect;                     /* its tracked criteria and quiz attempts */
    const char *synchronous; /* CLIMB_POWERLOSS_BREAK=synchronous|normal: set after open */
    /* results */
    long crashes, midop, acked, lost, integrity, open_failed, phantom;
    long first_bad_trial;
    char first_bad[512];
    long last_io; /* writes and syncs of the last trial before its crash */
} g;

static uint64_t seed;

static void set_now(void)
{
    setenv("CLIMB_NOW", "2026-03-14T09:30:00Z", 1);
}

static int open_store(climb_store **st, char *err, size_t errlen)
{
    shadow_write();
    int rc = store_open(db_path, st, err, errlen);
    if (rc == 0 && g.synchronous)
        assert_int_equal(sqlite3_exec(store_db(*st), g.synchronous, NULL, NULL, NULL), SQLITE_OK);
    return rc;
}

static void close_all(climb_store *st, climb_model *m)
{
    if (m && m->ladder)
        model_close(m);
    store_close(st);
}

/* Notes a finding of trial t; the first one is kept for the failure message. */
static void bad(long t, long *counter, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void bad(long t, long *counter, const char *fmt, ...)
{
    (*counter)++;
    if (g.first_bad[0])
        return;
    g.first_bad_trial = t;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g.first_bad, sizeof g.first_bad, fmt, ap);
    va_end(ap);
}

static int quiz_count(climb_store *st, const char *user)
{
    char sql[160];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM quiz_attempts q JOIN profiles p ON p.id = q.profile_id "
             "WHERE p.name = '%s'", user);
    return (int)test_sql_int(st, sql);
}

/* One random change to ana; 0 when acknowledged, 1 when the power went. */
static int random_change(climb_model *m, expect *e, int allow_import, climb_store *st)
{
    unsigned pick = rng_below(100);
    int k = (int)rng_below(TRACKED), rc;
    if (pick < 45) {
        static const crit_state states[] = {STATE_TODO, STATE_DOING, STATE_DONE};
        crit_state s = states[rng_below(3)];
        e->inflight = OP_STATE;
        e->in_crit = k;
        e->in_state = s;
        rc = ops_set_state(m, g.phase[k], g.index[k], s, NULL, NULL);
        if (rc == 0)
            e->state[k] = s;
    } else if (pick < 80) {
        e->inflight = OP_NOTE;
        e->in_crit = k;
        if (rng_below(5) == 0)
            e->in_note[0] = '\0';
        else
            snprintf(e->in_note, NOTE_LEN, "note %u for criterion %d", (unsigned)rng_below(1000000), k);
        rc = ops_set_note(m, g.phase[k], g.index[k], e->in_note, NULL);
        if (rc == 0)
            memcpy(e->note[k], e->in_note, NOTE_LEN);
    } else if (pick < 92 || !allow_import || e->imported) {
        quiz_answer a[QUIZ_MAX_QUESTIONS];
        quiz_placement p;
        for (size_t i = 0; i < g.ladder.n_questions; i++)
            a[i] = (quiz_answer)rng_below(ANSWER_COUNT);
        e->inflight = OP_QUIZ;
        rc = ops_quiz_take(m, a, g.ladder.n_questions, &p, NULL);
        if (rc == 0)
            e->quiz++;
        else if (rc > 0 && !vfs.crashed)
            rc = 0; /* no band for these answers: refused, nothing written */
    } else {
        import_result r;
        char err[512];
        e->inflight = OP_IMPORT;
        rc = ops_import(st, &g.ladder, g.snap, "bea", &r, err, sizeof err);
        if (rc == 0)
            e->imported = 1;
    }
    if (rc != 0 && !vfs.crashed)
        fail_msg("seed %llu: an operation failed without a crash: %s",
                 (unsigned long long)seed, ops_error(m));
    if (rc == 0) {
        e->inflight = OP_NONE;
        g.acked++;
    }
    return rc != 0;
}

/* After the reboot: opens through climb, checks the file and every acknowledged
 * change. */
static void verify(long t, const expect *e, int migration)
{
    climb_store *st = NULL;
    climb_model m = {0};
    char err[512];
    int created;
    if (open_store(&st, err, sizeof err)) {
        bad(t, &g.open_failed, "store_open after the crash: %s", err);
        return;
    }
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(store_db(st), "PRAGMA integrity_check", -1, &s, NULL),
                     SQLITE_OK);
    int rc = sqlite3_step(s);
    const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
    if (!res || strcmp(res, "ok") != 0)
        bad(t, &g.integrity, "integrity_check: %s", res ? res : sqlite3_errmsg(store_db(st)));
    sqlite3_finalize(s);
    if (test_sql_int(st, "PRAGMA user_version") != store_schema_version())
        bad(t, &g.lost, "schema version %lld after reopening",
            test_sql_int(st, "PRAGMA user_version"));
    if (model_open(&m, &g.ladder, st, "ana", 0, &created) != 0) {
        bad(t, &g.lost, "profile ana cannot be opened: %s", ops_db_error(st));
        close_all(st, NULL);
        return;
    }
    for (int k = 0; k < TRACKED; k++) {
        const model_crit *c = model_crit_at(&m, g.phase[k], g.index[k]);
        const char *note = c->note ? c->note : "";
        int in = e->in_crit == k;
        if (c->state != e->state[k] &&
            !(in && e->inflight == OP_STATE && c->state == e->in_state))
            bad(t, &g.lost, "criterion %d is %s, acknowledged %s", k, crit_state_name(c->state),
                crit_state_name(e->state[k]));
        if (strcmp(note, e->note[k]) != 0 &&
            !(in && e->inflight == OP_NOTE && strcmp(note, e->in_note) == 0))
            bad(t, &g.lost, "criterion %d has note '%s', acknowledged '%s'", k, note,
                e->note[k]);
    }
    int quiz = quiz_count(st, "ana");
    if (quiz < e->quiz || quiz > e->quiz + (e->inflight == OP_QUIZ))
        bad(t, quiz < e->quiz ? &g.lost : &g.phantom, "%d quiz attempts, %d acknowledged",
            quiz, e->quiz);
    if (migration) {
        /* the rest of release 0.1's profile (its criteria are in e) */
        if (!m.profile.title || strcmp(m.profile.title, "mid") != 0)
            bad(t, &g.lost, "the release 0.1 title is gone");
        if (test_sql_int(st, "SELECT count(*) FROM events") < g.old_events)
            bad(t, &g.lost, "release 0.1 events are gone");
        if (test_sql_int(st, "SELECT count(*) FROM roadblock_flags") != 1)
            bad(t, &g.lost, "the release 0.1 roadblock flag is gone");
    }
    model_close(&m);
    /* the snapshot: all of it when acknowledged or in flight, else none of it */
    long events = test_sql_int(st, "SELECT count(*) FROM events e JOIN profiles p ON "
                                   "p.id = e.profile_id WHERE p.name = 'bea'");
    int bea = model_open(&m, &g.ladder, st, "bea", 0, &created) == 0;
    if (bea) {
        for (int k = 0; k < TRACKED; k++)
            if (model_crit_at(&m, g.phase[k], g.index[k])->state != g.snap_state[k])
                bad(t, &g.lost, "imported criterion %d differs", k);
        model_close(&m);
    }
    if (e->imported && (!bea || events != g.snap_events))
        bad(t, &g.lost, "the acknowledged import has %ld of %ld events", events, g.snap_events);
    else if (!e->imported && e->inflight != OP_IMPORT && bea)
        bad(t, &g.phantom, "an import that never ran is there");
    else if (bea && events != g.snap_events)
        bad(t, &g.integrity, "the import is there in part: %ld of %ld events", events,
            g.snap_events);
    store_close(st);
}

/* One trial: from the start image, changes until the power goes at I/O crash_at
 * (or after the last change), then the check. */
static void trial(long t, int migration, long crash_at, int check)
{
    expect e;
    if (migration)
        e = g.old_expect;
    else
        memset(&e, 0, sizeof e);
    e.in_crit = -1;
    climb_store *st = NULL;
    climb_model m = {0};
    char err[512];
    int created;
    vfs_reset();
    if (migration)
        vfs_put(db_path, g.old, g.old_len);
    else
        vfs_put(db_path, g.base, g.base_len);
    vfs.crash_at = crash_at;
    e.inflight = migration ? OP_MIGRATE : OP_NONE;
    if (open_store(&st, err, sizeof err) == 0) {
        e.inflight = OP_NONE;
        e.migrated = 1;
        g.acked += migration;
        if (model_open(&m, &g.ladder, st, "ana", 0, &created) == 0) {
            int n = migration ? 3 : 4 + (int)rng_below(6);
            for (int i = 0; i < n && !vfs.crashed; i++)
                if (random_change(&m, &e, !migration, st))
                    break;
        } else if (!vfs.crashed) {
            fail_msg("seed %llu: model_open without a crash: %s", (unsigned long long)seed,
                     ops_db_error(st));
        }
    } else if (!vfs.crashed) {
        fail_msg("seed %llu: store_open without a crash: %s", (unsigned long long)seed, err);
    }
    /* the power goes now, if it has not yet: with the store still open */
    g.last_io = vfs.io_count;
    vfs.crashed = 1;
    close_all(st, &m);
    power_loss((int)rng_below(3));
    if (!check)
        return;
    g.crashes++;
    g.midop += e.inflight != OP_NONE;
    verify(t, &e, migration);
}

/* How many writes and syncs one trial of a kind makes, with no crash. */
static long calibrate(int migration)
{
    uint64_t keep = rng_state;
    long before = g.acked;
    vfs.crash_at = 0;
    trial(-1, migration, 0, 0);
    long n = g.last_io;
    rng_state = keep;
    g.acked = before;
    return n > 0 ? n : 1;
}

/* ---------------------------------------------------------------- setup */

static unsigned char *read_whole(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    rewind(fp);
    unsigned char *p = xmalloc((size_t)n);
    assert_int_equal(fread(p, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    *len = (size_t)n;
    return p;
}

static void make_start_images(void)
{
    climb_content_error cerr;
    climb_store *st;
    climb_model m = {0};
    char err[512];
    int created;
    assert_int_equal(content_load_default(&g.ladder, &cerr), 0);
    size_t n = 0;
    for (size_t p = 0; p < g.ladder.n_phases && n < TRACKED; p++)
        for (size_t i = 0; i < g.ladder.phases[p].n_criteria && n < TRACKED; i++, n++) {
            g.phase[n] = p;
            g.index[n] = i;
        }
    assert_int_equal(n, TRACKED);

    /* the snapshot to import: profile bea, made in another database */
    vfs_reset();
    if (store_open(src_path, &st, err, sizeof err))
        fail_msg("%s", err);
    assert_int_equal(model_open(&m, &g.ladder, st, "bea", 1, &created), 0);
    for (int k = 0; k < TRACKED; k += 2)
        assert_int_equal(ops_set_state(&m, g.phase[k], g.index[k], STATE_DONE, NULL, NULL), 0);
    assert_int_equal(ops_set_note(&m, g.phase[1], g.index[1], "imported note", NULL), 0);
    for (int k = 0; k < TRACKED; k++)
        g.snap_state[k] = model_crit_at(&m, g.phase[k], g.index[k])->state;
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    assert_int_equal(export_json(&m, tmp, 1773480600, err, sizeof err), 0);
    char *json = test_file_text(tmp);
    if (import_load_buffer(json, strlen(json), "bea.json", &g.ladder, &g.snap, err, sizeof err))
        fail_msg("%s", err);
    free(json);
    g.snap_events = test_sql_int(st, "SELECT count(*) FROM events");
    close_all(st, &m);

    /* the start of every trial: profile ana, nothing done, all in the main file */
    vfs_reset();
    shadow_write();
    if (store_open(db_path, &st, err, sizeof err))
        fail_msg("%s", err);
    assert_int_equal(model_open(&m, &g.ladder, st, "ana", 1, &created), 0);
    close_all(st, &m);
    assert_null(file_find(wal_path)); /* the last connection checkpointed and deleted it */
    g.base = vfs_take(db_path, &g.base_len);
    assert_non_null(g.base);

    /* release 0.1's database, as that release wrote it */
    g.old = read_whole("tests/fixtures/db/release-0.1.db", &g.old_len);
    if (!g.old)
        fail_msg("tests/fixtures/db/release-0.1.db is missing (run from the top directory)");
    assert_int_equal(g.old[60] << 24 | g.old[61] << 16 | g.old[62] << 8 | g.old[63], 1);
    vfs_reset();
    vfs_put(db_path, g.old, g.old_len);
    shadow_write();
    sqlite3 *db;
    assert_int_equal(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *s;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM events", -1, &s, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    g.old_events = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    assert_true(g.old_events > 0);
    /* what its tracked criteria hold, read through a migrated copy */
    if (store_open(db_path, &st, err, sizeof err))
        fail_msg("%s", err);
    assert_int_equal(model_open(&m, &g.ladder, st, "ana", 0, &created), 0);
    for (int k = 0; k < TRACKED; k++) {
        const model_crit *c = model_crit_at(&m, g.phase[k], g.index[k]);
        g.old_expect.state[k] = c->state;
        snprintf(g.old_expect.note[k], NOTE_LEN, "%s", c->note ? c->note : "");
    }
    g.old_expect.quiz = quiz_count(st, "ana");
    close_all(st, &m);
}

static void test_power_loss_keeps_acknowledged_changes(void **state)
{
    (void)state;
    const char *v = getenv("CLIMB_POWERLOSS_CRASHES");
    long crashes = v && *v ? atol(v) : 1000;
    v = getenv("CLIMB_POWERLOSS_SEED");
    seed = v && *v ? strtoull(v, NULL, 10) : (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 20);
    v = getenv("CLIMB_POWERLOSS_BREAK");
    vfs.broken_sync = v && strcmp(v, "sync") == 0;
    if (v && strcmp(v, "synchronous") == 0)
        g.synchronous = "PRAGMA synchronous=OFF";
    else if (v && strcmp(v, "normal") == 0)
        g.synchronous = "PRAGMA synchronous=NORMAL";
    g.first_bad_trial = -1;
    rng_state = seed;
    set_now();

    snprintf(dir, sizeof dir, "/tmp/climb-powerloss-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(db_path, sizeof db_path, "%s/c.db", dir);
    snprintf(wal_path, sizeof wal_path, "%s-wal", db_path);
    snprintf(src_path, sizeof src_path, "%s/src.db", dir);
    vfs.orig = sqlite3_vfs_find(NULL);
    assert_non_null(vfs.orig);
    assert_int_equal(sqlite3_vfs_register(&mem_vfs, 1), SQLITE_OK);

    int sync_broken = vfs.broken_sync;
    vfs.broken_sync = 0; /* the start images are made with honest syncs */
    make_start_images();
    vfs.broken_sync = sync_broken;
    long io_mixed = calibrate(0), io_migration = calibrate(1);

    for (long t = 0; t < crashes; t++) {
        int migration = t % 5 == 4;
        long span = migration ? io_migration : io_mixed;
        /* a little past the end too: a crash after the last acknowledged change */
        trial(t, migration, 1 + (long)rng_below((unsigned)(span + span / 10)), 1);
    }

    vfs_reset();
    while (vfs.spare) {
        mem_file *f = vfs.spare;
        vfs.spare = f->next;
        file_destroy(f);
    }
    assert_int_equal(sqlite3_vfs_unregister(&mem_vfs), SQLITE_OK);
    unlink(db_path);
    unlink(wal_path);
    unlink(src_path);
    rmdir(dir);
    import_free(g.snap);
    free(g.base);
    free(g.old);
    content_free(&g.ladder);
    print_message("power loss: %ld crashes (%ld during a change), %ld acknowledged changes, "
                  "%ld lost, %ld phantom, %ld integrity failures, %ld refused to open "
                  "(seed %llu)\n",
                  g.crashes, g.midop, g.acked, g.lost, g.phantom, g.integrity, g.open_failed,
                  (unsigned long long)seed);
    if (g.lost || g.phantom || g.integrity || g.open_failed)
        fail_msg("power loss broke the database: first in crash %ld: %s; rerun with "
                 "CLIMB_POWERLOSS_SEED=%llu",
                 g.first_bad_trial, g.first_bad, (unsigned long long)seed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_power_loss_keeps_acknowledged_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
