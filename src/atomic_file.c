/* atomic_file.c - temporary file beside the target, fsync, then rename (or link,
 * which refuses to replace, when the caller did not ask to overwrite), then fsync
 * of the directory so the new name survives a crash. Only a regular file is ever
 * replaced: never a FIFO, device, socket, directory or symbolic link. */
#include "climb/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_file_exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0;
}

void atomic_file_dir(const char *path, char *dir, size_t len)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, len, ".");
    else if (slash == path)
        snprintf(dir, len, "/");
    else
        snprintf(dir, len, "%.*s", (int)(slash - path), path);
}

int atomic_file_open(atomic_file *af, const char *path, int force, char *err, size_t errlen)
{
    struct stat sb;
    memset(af, 0, sizeof *af);
    if (!*path) {
        snprintf(err, errlen, "no file name given");
        return -1;
    }
    if (strlen(path) + 16 > sizeof af->tmp) {
        snprintf(err, errlen, "file name too long: %s", path);
        return -1;
    }
    if (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        const char *what = S_ISDIR(sb.st_mode)    ? "a directory"
                           : S_ISLNK(sb.st_mode)  ? "a symbolic link"
                           : S_ISFIFO(sb.st_mode) ? "a FIFO (named pipe)"
                           : S_ISCHR(sb.st_mode)  ? "a character device"
                           : S_ISBLK(sb.st_mode)  ? "a block device"
                           : S_ISSOCK(sb.st_mode) ? "a socket"
                                                  : "not a regular file"; /* GCOVR_EXCL_LINE:
                                                   * every file type Linux has is named above */
        snprintf(err, errlen, "%s is %s; climb only writes or replaces regular files", path,
                 what);
        return -1;
    }
    if (!force && atomic_file_exists(path)) {
        snprintf(err, errlen, "%s exists; not overwritten (use --force to replace it)", path);
        return -1;
    }
    char dir[sizeof af->tmp - 16];
    atomic_file_dir(path, dir, sizeof dir);
    snprintf(af->path, sizeof af->path, "%s", path);
    snprintf(af->tmp, sizeof af->tmp, "%s/.climb-XXXXXX", dir);
    int fd = mkstemp(af->tmp);
    if (fd < 0) {
        snprintf(err, errlen, "cannot write in %s: %s", dir, strerror(errno));
        return -1;
    }
    af->fp = fdopen(fd, "w");
    if (!af->fp) {
        snprintf(err, errlen, "cannot write %s: %s", af->tmp, strerror(errno));
        close(fd);
        unlink(af->tmp);
        return -1;
    }
    af->force = force;
    return 0;
}

static void sync_dir(const char *path)
{
    char dir[4096];
    atomic_file_dir(path, dir, sizeof dir);
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        fsync(fd); /* best effort: some file systems refuse fsync on a directory */
        close(fd);
    }
}

int atomic_file_commit(atomic_file *af, char *err, size_t errlen)
{
    int failed = fflush(af->fp) != 0 || ferror(af->fp) || fsync(fileno(af->fp)) != 0;
    int saved = errno;
    if (fclose(af->fp) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    af->fp = NULL;
    if (failed) {
        snprintf(err, errlen, "cannot write %s: %s", af->path, strerror(saved));
        atomic_file_abort(af);
        return -1;
    }
    if (af->force) {
        if (rename(af->tmp, af->path) != 0) {
            snprintf(err, errlen, "cannot write %s: %s", af->path, strerror(errno));
            atomic_file_abort(af);
            return -1;
        }
    } else {
        /* link() never replaces: a file that appeared since open is kept. */
        if (link(af->tmp, af->path) != 0) {
            if (errno == EEXIST)
                snprintf(err, errlen, "%s exists; not overwritten (use --force to replace it)",
                         af->path);
            else
                snprintf(err, errlen, "cannot write %s: %s", af->path, strerror(errno));
            atomic_file_abort(af);
            return -1;
        }
        unlink(af->tmp);
    }
    af->tmp[0] = '\0';
    sync_dir(af->path);
    return 0;
}

void atomic_file_abort(atomic_file *af)
{
    if (af->fp) {
        fclose(af->fp);
        af->fp = NULL;
    }
    if (af->tmp[0]) {
        unlink(af->tmp);
        af->tmp[0] = '\0';
    }
}
