/* sync_git.c - runs git for sync with posix_spawnp and an argv, never a shell, so
 * no path or URL is ever parsed as shell syntax. Output goes to a temporary file
 * (no pipe to drain, no deadlock) and comes back for the messages. git is kept
 * from prompting for a password on the terminal under cron (GIT_TERMINAL_PROMPT
 * when stdin is not a terminal), and from opening an editor. */
#define _GNU_SOURCE
#include "climb/sync_git.h"

#include <errno.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

enum { MAX_ARGS = 32 };

/* The environment git runs with: ours, plus what keeps it from asking anything. */
static char **git_environ(char **extra, size_t n_extra)
{
    size_t n = 0;
    while (environ[n])
        n++;
    char **env = calloc(n + n_extra + 1, sizeof *env);
    if (!env)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n_extra; i++)
        env[k++] = extra[i];
    for (size_t i = 0; i < n; i++) {
        int ours = 0;
        for (size_t j = 0; j < n_extra; j++) {
            size_t len = strcspn(extra[j], "=") + 1;
            ours |= strncmp(environ[i], extra[j], len) == 0;
        }
        if (!ours)
            env[k++] = environ[i];
    }
    return env;
}

static void read_back(FILE *f, char *out, size_t outlen)
{
    if (!out || !outlen)
        return;
    rewind(f);
    size_t n = fread(out, 1, outlen - 1, f);
    out[n] = '\0';
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
        out[--n] = '\0';
}

int sync_git(const char *dir, char *out, size_t outlen, ...)
{
    char *argv[MAX_ARGS + 4];
    size_t n = 0;
    argv[n++] = (char *)"git";
    if (dir) {
        argv[n++] = (char *)"-C";
        argv[n++] = (char *)dir;
    }
    va_list ap;
    va_start(ap, outlen);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && n < MAX_ARGS + 3)
        argv[n++] = (char *)a;
    va_end(ap);
    argv[n] = NULL;
    if (out && outlen)
        out[0] = '\0';
    FILE *f = tmpfile();
    char *extra[] = {(char *)"GIT_EDITOR=true", (char *)"GIT_MERGE_AUTOEDIT=no",
                     (char *)"GIT_TERMINAL_PROMPT=0", (char *)"LC_ALL=C"};
    char **env = git_environ(extra, isatty(STDIN_FILENO) ? 2 : 4);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (f) {
        posix_spawn_file_actions_adddup2(&fa, fileno(f), STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&fa, fileno(f), STDERR_FILENO);
    }
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", 0, 0);
    pid_t pid;
    int rc = !f || !env ? ENOMEM : posix_spawnp(&pid, "git", &fa, NULL, argv, env);
    posix_spawn_file_actions_destroy(&fa);
    free(env);
    if (rc != 0) {
        if (out)
            snprintf(out, outlen, "cannot run git: %s (install git)", strerror(rc));
        if (f)
            fclose(f);
        return -1;
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    read_back(f, out, outlen);
    fclose(f);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const char *sync_git_last_line(const char *out)
{
    const char *end = out + strlen(out), *p = end;
    while (p > out && p[-1] != '\n')
        p--;
    return p;
}
