/* faults.c - the fault injector of faults.h: link-time wrappers around the C
 * library's allocation and I/O calls made by climb's objects, a wrapper allocator
 * for SQLite and jansson, and one counter that decides which call fails. */
#include "faults.h"

#include <errno.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static unsigned armed;  /* kinds counted; 0 when disarmed */
static long fail_at;    /* the call that fails */
static long calls;      /* counted calls since faults_arm */
static long failed;     /* calls made to fail since faults_arm */

static int fault(unsigned kind)
{
    if (!(armed & kind))
        return 0;
    ++calls;
    if (calls == fail_at || ((armed & FAULT_STICKY) && calls > fail_at)) {
        ++failed;
        return 1;
    }
    return 0;
}

void faults_arm(unsigned mask, long n)
{
    calls = failed = 0;
    fail_at = n;
    armed = mask;
}

long faults_disarm(void)
{
    armed = 0;
    return failed;
}

long faults_calls(void)
{
    return calls;
}

/* ---- climb's allocations: -Wl,--wrap=malloc,... sends them here */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

void *__wrap_malloc(size_t n)
{
    if (fault(FAULT_ALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (fault(FAULT_ALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    if (fault(FAULT_ALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
    if (fault(FAULT_ALLOC)) {
        errno = ENOMEM;
        return NULL;
    }
    return __real_strdup(s);
}

/* ---- climb's I/O */

ssize_t __real_write(int fd, const void *buf, size_t n);
int __real_fsync(int fd);
int __real_rename(const char *from, const char *to);
int __real_link(const char *from, const char *to);
int __real_fflush(FILE *fp);
int __real_fclose(FILE *fp);
ssize_t __wrap_write(int fd, const void *buf, size_t n);
int __wrap_fsync(int fd);
int __wrap_rename(const char *from, const char *to);
int __wrap_link(const char *from, const char *to);
int __wrap_fflush(FILE *fp);
int __wrap_fclose(FILE *fp);

ssize_t __wrap_write(int fd, const void *buf, size_t n)
{
    if (fault(FAULT_IO)) {
        errno = ENOSPC;
        return -1;
    }
    return __real_write(fd, buf, n);
}

int __wrap_fsync(int fd)
{
    if (fault(FAULT_IO)) {
        errno = EIO;
        return -1;
    }
    return __real_fsync(fd);
}

int __wrap_rename(const char *from, const char *to)
{
    if (fault(FAULT_IO)) {
        errno = EIO;
        return -1;
    }
    return __real_rename(from, to);
}

int __wrap_link(const char *from, const char *to)
{
    if (fault(FAULT_IO)) {
        errno = EIO;
        return -1;
    }
    return __real_link(from, to);
}

int __wrap_fflush(FILE *fp)
{
    if (fault(FAULT_IO)) {
        errno = ENOSPC;
        return EOF;
    }
    return __real_fflush(fp);
}

int __wrap_fclose(FILE *fp)
{
    /* a failed close has still closed the stream (C11 7.21.5.1) */
    int rc = __real_fclose(fp);
    if (fault(FAULT_IO)) {
        errno = EIO;
        return EOF;
    }
    return rc;
}

/* ---- SQLite's and jansson's allocators */

static sqlite3_mem_methods sqlite_real;

static void *sqlite_malloc(int n)
{
    return fault(FAULT_SQLITE) ? NULL : sqlite_real.xMalloc(n);
}

static void *sqlite_realloc(void *p, int n)
{
    return fault(FAULT_SQLITE) ? NULL : sqlite_real.xRealloc(p, n);
}

static void *json_malloc(size_t n)
{
    return __wrap_malloc(n);
}

static void json_free(void *p)
{
    free(p);
}

void faults_install(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    sqlite3_mem_methods m;
    /* the default allocator is only filled in by sqlite3_initialize, and
     * configuring is allowed again after sqlite3_shutdown */
    if (sqlite3_initialize() != SQLITE_OK || sqlite3_shutdown() != SQLITE_OK ||
        sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_real) != SQLITE_OK ||
        !sqlite_real.xMalloc)
        abort();
    m = sqlite_real;
    m.xMalloc = sqlite_malloc;
    m.xRealloc = sqlite_realloc;
    /* no lookaside: every allocation of a connection reaches the allocator */
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK ||
        sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) != SQLITE_OK)
        abort();
    json_set_alloc_funcs(json_malloc, json_free);
}
