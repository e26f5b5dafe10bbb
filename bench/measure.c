/* measure.c - the bench's stopwatch: runs one or more commands in interleaved
 * rounds (A B C, A B C, ...) so that drift in the machine's load hits all of them
 * alike, and prints every run's wall time and the peak resident memory of each
 * command (getrusage of the child through wait4). Statistics are left to run.sh.
 *
 * usage: measure [-n RUNS] [-w WARMUP] [-i STDIN] [-o STDOUT] [-p PREP]
 *                LABEL CMD [ARGS...] [::: LABEL CMD [ARGS...]]...
 *   -p PREP  a shell command run (untimed) before every round, e.g. to undo the
 *            rows a previous round appended.
 * Output, one line per command:  LABEL MAXRSS_KB T1_MS T2_MS ... (milliseconds).
 * Exits 1 when a run fails (non-zero exit status), naming the command. */
#define _POSIX_C_SOURCE 200809L
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MAX_CMDS = 16 };

typedef struct {
    const char *label;
    char **argv;
    double *ms;
    long maxrss_kb;
} command;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Runs one command; returns its wall time in ms, or -1 when it failed. */
static double run_once(command *c, const char *in_path, const char *out_path)
{
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return -1;
    }
    if (pid == 0) {
        int in = open(in_path, O_RDONLY), out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0) {
            perror("measure: redirect");
            _exit(127);
        }
        dup2(in, STDIN_FILENO);
        dup2(out, STDOUT_FILENO);
        close(in);
        close(out);
        execvp(c->argv[0], c->argv);
        perror(c->argv[0]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("measure: wait4");
        return -1;
    }
    double t = now_ms() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "measure: %s (%s) failed with status %d\n", c->label, c->argv[0],
                WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
        return -1;
    }
    if (ru.ru_maxrss > c->maxrss_kb)
        c->maxrss_kb = ru.ru_maxrss;
    return t;
}

static void usage(void)
{
    fprintf(stderr, "usage: measure [-n RUNS] [-w WARMUP] [-i STDIN] [-o STDOUT] [-p PREP]"
                    " LABEL CMD [ARGS...] [::: LABEL CMD [ARGS...]]...\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int runs = 10, warmup = 1, opt;
    const char *in_path = "/dev/null", *out_path = "/dev/null", *prep = NULL;
    while ((opt = getopt(argc, argv, "+n:w:i:o:p:")) != -1) {
        switch (opt) {
        case 'n': runs = atoi(optarg); break;
        case 'w': warmup = atoi(optarg); break;
        case 'i': in_path = optarg; break;
        case 'o': out_path = optarg; break;
        case 'p': prep = optarg; break;
        default: usage();
        }
    }
    if (runs < 1 || warmup < 0 || optind + 2 > argc)
        usage();
    command cmds[MAX_CMDS];
    int n = 0;
    for (int i = optind; i < argc;) {
        if (n == MAX_CMDS || i + 1 >= argc)
            usage();
        cmds[n].label = argv[i];
        cmds[n].argv = &argv[i + 1];
        cmds[n].maxrss_kb = 0;
        cmds[n].ms = calloc((size_t)runs, sizeof *cmds[n].ms);
        if (!cmds[n].ms)
            return 1;
        int j = i + 1;
        while (j < argc && strcmp(argv[j], ":::") != 0)
            j++;
        if (j < argc)
            argv[j++] = NULL; /* ends this command's argv */
        i = j;
        n++;
    }
    for (int r = -warmup; r < runs; r++) {
        if (prep && system(prep) != 0) {
            fprintf(stderr, "measure: preparation failed: %s\n", prep);
            return 1;
        }
        for (int k = 0; k < n; k++) {
            double t = run_once(&cmds[k], in_path, out_path);
            if (t < 0)
                return 1;
            if (r >= 0)
                cmds[k].ms[r] = t;
        }
    }
    for (int k = 0; k < n; k++) {
        printf("%s %ld", cmds[k].label, cmds[k].maxrss_kb);
        for (int r = 0; r < runs; r++)
            printf(" %.4f", cmds[k].ms[r]);
        putchar('\n');
        free(cmds[k].ms);
    }
    return 0;
}
