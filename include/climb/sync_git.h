/* sync_git.h - running the system's git for sync: posix_spawnp with an argument
 * vector (never a shell), in a given repository (git -C), with what it printed
 * kept for the message a person sees. */
#ifndef CLIMB_SYNC_GIT_H
#define CLIMB_SYNC_GIT_H

#include <stddef.h>

/* Runs `git -C dir ARGS...` (dir NULL: no -C), the arguments ending with NULL.
 * Its standard output and error (up to outlen-1 bytes, NUL-terminated, trailing
 * newlines trimmed) go to out when not NULL. Returns git's exit status, or -1
 * when git could not be started (out then says why). */
int sync_git(const char *dir, char *out, size_t outlen, ...);
/* The last non-empty line of git's output, for one-line messages. */
const char *sync_git_last_line(const char *out);

#endif
