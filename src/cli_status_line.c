/* cli_status_line.c - `climb status --line [--format FMT]`: one short line for a
 * shell prompt or a tmux status bar, e.g. "climb: P2 2/3 · due". It runs on every
 * prompt, so it builds no model and opens the database read-only (ops_line_read).
 *
 * FMT directives: %p phase number, %P phase title, %d criteria met, %t criteria
 * that apply, %D " · due" when a check-in is due (else nothing), %a days since the
 * last update, %s criteria with stale evidence, %% a percent sign. */
#include "climb/cli.h"
#include "climb/clock.h"
#include "climb/ops_checkin.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

static const char DEFAULT_FORMAT[] = "climb: P%p %d/%t%D";

/* Expands fmt into buf; -1 names an unknown directive in bad. */
static int expand(const char *fmt, const climb_ladder *l, const ops_line *ln, long long now,
                  char *buf, size_t len, char *bad)
{
    size_t n = 0;
    buf[0] = '\0';
    for (const char *p = fmt; *p && n + 1 < len; p++) {
        char piece[256];
        if (*p != '%' || !p[1]) {
            buf[n++] = *p;
            buf[n] = '\0';
            continue;
        }
        const climb_phase *ph = l->n_phases ? &l->phases[ln->phase] : NULL;
        switch (*++p) {
        case 'p': snprintf(piece, sizeof piece, "%d", ph ? ph->number : 0); break;
        case 'P': snprintf(piece, sizeof piece, "%s", ph ? ph->title : ""); break;
        case 'd': snprintf(piece, sizeof piece, "%d", ln->done); break;
        case 't': snprintf(piece, sizeof piece, "%d", ln->total); break;
        case 'D':
            snprintf(piece, sizeof piece, "%s", checkin_is_due(&ln->facts, now) ? " · due" : "");
            break;
        case 'a':
            snprintf(piece, sizeof piece, "%d", checkin_days_since(ln->facts.last_update, now));
            break;
        case 's': snprintf(piece, sizeof piece, "%d", ln->facts.stale); break;
        case '%': snprintf(piece, sizeof piece, "%%"); break;
        default: *bad = *p; return -1;
        }
        n += (size_t)snprintf(buf + n, len - n, "%s", piece);
        if (n >= len)
            n = len - 1;
    }
    return 0;
}

int cli_status_line(app *a, const char *format)
{
    int rc = app_prepare_path(a);
    if (rc != EXIT_OK)
        return rc;
    ops_line ln;
    char err[1024], line[1024], bad = 0;
    long long now = clock_now();
    rc = ops_line_read(a->db_path, &a->ladder, a->user, now, &ln, err, sizeof err);
    if (rc == OPS_NOT_FOUND) {
        app_error("no profile named '%s' (see: climb users)", a->user);
        return EXIT_RUNTIME;
    }
    if (rc != 0) {
        app_error("%s", err);
        return EXIT_RUNTIME;
    }
    if (expand(format ? format : DEFAULT_FORMAT, &a->ladder, &ln, now, line, sizeof line,
               &bad)) {
        app_error("status --format: unknown directive '%%%c' (%%p %%P %%d %%t %%D %%a %%s %%%%)",
                  bad);
        return EXIT_USAGE;
    }
    char *safe = text_visible(line, 0);
    puts(safe ? safe : line);
    free(safe);
    return EXIT_OK;
}
