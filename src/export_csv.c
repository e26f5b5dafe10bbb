/* export_csv.c - the history as CSV (RFC 4180): one header row, CRLF line ends,
 * fields quoted when they hold a comma, quote or line break, quotes doubled. A
 * cell that begins with = + - @ tab or carriage return gets a leading apostrophe
 * so a spreadsheet shows it as text instead of running it as a formula. Every cell
 * goes through text_visible first: no control character reaches the file raw. */
#include "climb/export.h"
#include "climb/clock.h"
#include "climb/store_snapshot.h"
#include "climb/text.h"

#include <stdlib.h>
#include <string.h>

/* 1 when a spreadsheet could take the cell for a formula. */
static int formula_like(const char *s)
{
    return *s && strchr("=+-@\t\r", *s) != NULL;
}

/* Set when a piece of text could not be made (out of memory): the file is then
 * refused, never written with a "?" in its place (tests/unit/test_faults.c found
 * a row of "?" cells written and reported as a success). */
static int lost;

static void put_cell(FILE *out, const char *raw, int last)
{
    char *safe = text_visible(raw ? raw : "", TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS);
    if (!safe) {
        lost = 1;
        return;
    }
    const char *s = safe;
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        fputc('"', out);
    if (formula_like(s))
        fputc('\'', out);
    if (quote) {
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                fputc('"', out);
            fputc(*p, out);
        }
        fputc('"', out);
    } else {
        fputs(s, out);
    }
    fputs(last ? "\r\n" : ",", out);
    free(safe);
}

static int event_row(void *ctx, const snap_event *e)
{
    FILE *out = ctx;
    char at[32];
    clock_format_utc(e->at, at, sizeof at);
    put_cell(out, e->uuid, 0);
    put_cell(out, at, 0);
    put_cell(out, e->kind, 0);
    put_cell(out, e->item, 0);
    put_cell(out, e->value, 0);
    put_cell(out, e->previous, 0);
    put_cell(out, e->detail, 1);
    return ferror(out) || lost ? 1 : 0;
}

int export_csv(const climb_model *m, FILE *out, long long now, char *err, size_t errlen)
{
    (void)now;
    fputs("uuid,at,kind,item,value,previous,detail\r\n", out);
    lost = 0;
    int rc = snap_events_each(m->store, m->profile.id, NULL, event_row, out);
    if (rc < 0) {
        snprintf(err, errlen, "%s", store_error(m->store));
        return -1;
    }
    if (lost) {
        snprintf(err, errlen, "cannot write the CSV file: out of memory");
        return -1;
    }
    if (fflush(out) != 0 || ferror(out)) {
        snprintf(err, errlen, "cannot write the CSV file");
        return -1;
    }
    return 0;
}
