/* atomic_file.h - writing a file so that readers see either the old file or the
 * complete new one: a temporary file in the same directory, fsync, then rename.
 * An existing file is kept unless the caller passes force. */
#ifndef CLIMB_ATOMIC_FILE_H
#define CLIMB_ATOMIC_FILE_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *fp;            /* write here between open and commit */
    char path[4096];     /* the final name */
    char tmp[4096];      /* the temporary file beside it */
    int force;
} atomic_file;

/* 1 when something exists at path (a file, a link, a directory). */
int atomic_file_exists(const char *path);
/* The directory part of path ("." when none, "/" for the root). */
void atomic_file_dir(const char *path, char *dir, size_t len);
/* Creates the temporary file. Refuses when path is anything but a regular file
 * (a FIFO, device, socket, directory or symbolic link), and without force when
 * path exists. Returns 0, or -1 with a message in err (nothing is left behind). */
int atomic_file_open(atomic_file *af, const char *path, int force, char *err, size_t errlen);
/* Flushes, fsyncs and moves the file into place (without force, never replacing a
 * file that appeared meanwhile). Returns 0, or -1 with a message; on failure the
 * temporary file is removed and path is untouched. */
int atomic_file_commit(atomic_file *af, char *err, size_t errlen);
/* Drops the temporary file; path is untouched. Safe after a failed commit. */
void atomic_file_abort(atomic_file *af);

#endif
