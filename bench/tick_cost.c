/* tick_cost.c - the cost of one tick itself, without the process start-up a
 * `climb tick` pays: opens the database and profile the way every climb command
 * does (app_open), then times N calls of ops_set_state, the operation behind
 * `climb tick`/`untick` and the TUI's Space, alternating done and todo on one
 * criterion. Each call is one BEGIN IMMEDIATE transaction that reads the state,
 * appends its event and writes the state it decides, commits with
 * synchronous=FULL, and reloads the criterion into the model.
 * Linked with climb's own objects (all but main.o) by bench/run.sh.
 *
 * usage: tick_cost DB USER CRITERION N
 * Output (measure's format):  tick MAXRSS_KB T1_MS ... TN_MS */
#define _POSIX_C_SOURCE 200809L
#include "climb/app.h"
#include "climb/model.h"
#include "climb/ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc != 5 || atoi(argv[4]) < 1) {
        fprintf(stderr, "usage: tick_cost DB USER CRITERION N\n");
        return 2;
    }
    int n = atoi(argv[4]), rc = 1;
    app a;
    memset(&a, 0, sizeof a);
    a.opt.db_path = argv[1];
    a.opt.user = argv[2];
    size_t phase, index;
    double *ms = calloc((size_t)n, sizeof *ms);
    if (!ms || app_open(&a, 0) != EXIT_OK)
        goto out;
    if (model_find(&a.model, argv[3], &phase, &index)) {
        fprintf(stderr, "tick_cost: no criterion %s\n", argv[3]);
        goto out;
    }
    crit_state start = model_crit_at(&a.model, phase, index)->state;
    for (int i = -3; i < n; i++) { /* three warm-up calls */
        crit_state next = model_crit_at(&a.model, phase, index)->state == STATE_DONE
                              ? STATE_TODO : STATE_DONE;
        int changed = 0;
        double t0 = now_ms();
        if (ops_set_state(&a.model, phase, index, next, NULL, &changed) || !changed) {
            fprintf(stderr, "tick_cost: %s\n", ops_error(&a.model));
            goto out;
        }
        if (i >= 0)
            ms[i] = now_ms() - t0;
    }
    if (model_crit_at(&a.model, phase, index)->state != start &&
        ops_set_state(&a.model, phase, index, start, NULL, NULL))
        goto out;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("tick %ld", ru.ru_maxrss);
    for (int i = 0; i < n; i++)
        printf(" %.4f", ms[i]);
    putchar('\n');
    rc = 0;
out:
    free(ms);
    app_close(&a);
    return rc;
}
