/* tui_unsaved.c - text typed into the built-in editor that is still open when
 * climb has to stop without asking (SIGTERM, SIGHUP, the terminal gone) is kept,
 * never dropped: written beside the database as DB.unsaved-YYYYMMDDTHHMMSSZ.txt
 * (mode 0600, through atomic_file, so a crash leaves the whole file or none),
 * headed by what it was for. Until the person deletes it, every full-screen start
 * names the file. */
#include "climb/tui_unsaved.h"

#include "climb/atomic_file.h"
#include "climb/clock.h"
#include "climb/view_editor.h"

#include <glob.h>
#include <stdio.h>
#include <string.h>

/* Writes one text to a new file DB.unsaved-STAMP[-N].txt; 0, or -1 with err. */
static int write_one(const char *db, const char *title, const char *text, char *path,
                     size_t len, char *err, size_t errlen)
{
    char stamp[32], at[32];
    long long now = clock_now();
    clock_format_utc(now, at, sizeof at);
    size_t k = 0;
    for (const char *p = at; *p && k + 1 < sizeof stamp; p++)
        if (*p != '-' && *p != ':')
            stamp[k++] = *p; /* 20260314T093000Z */
    stamp[k] = '\0';
    atomic_file af;
    for (int n = 1; n < 100; n++) {
        if (n == 1)
            snprintf(path, len, "%s.unsaved-%s.txt", db, stamp);
        else
            snprintf(path, len, "%s.unsaved-%s-%d.txt", db, stamp, n);
        if (atomic_file_exists(path))
            continue;
        if (atomic_file_open(&af, path, 0, err, errlen) != 0)
            return -1;
        fprintf(af.fp, "# %s\n# not saved: climb had to stop at %s; copy what you need, then "
                       "delete this file\n\n%s\n",
                title, at, text);
        return atomic_file_commit(&af, err, errlen);
    }
    snprintf(err, errlen, "too many files named %s.unsaved-%s*.txt", db, stamp);
    return -1;
}

int tui_keep_unsaved(tui *t, char *said, size_t len)
{
    const char *db = app_db_path(t->app);
    int kept = 0;
    *said = '\0';
    for (int i = 0; db && i < t->n_views; i++) {
        const char *title = NULL;
        const char *text = editor_unsaved(t, i, &title);
        if (!text)
            continue;
        char path[4200], err[512];
        if (write_one(db, title, text, path, sizeof path, err, sizeof err) != 0) {
            snprintf(said, len, "the text you were editing could not be kept: %s", err);
            return -1;
        }
        snprintf(said, len, "the text you were editing was not saved; it is kept in %s", path);
        kept++;
    }
    return kept;
}

int tui_unsaved_earlier(const char *db_path, char *first, size_t len)
{
    char pattern[4200];
    glob_t g;
    *first = '\0';
    if (!db_path)
        return 0;
    size_t k = 0; /* the database's own name taken literally: its * ? [ \ escaped */
    for (const char *p = db_path; *p && k + 2 < sizeof pattern - 20; p++) {
        if (strchr("*?[\\", *p))
            pattern[k++] = '\\';
        pattern[k++] = *p;
    }
    snprintf(pattern + k, sizeof pattern - k, ".unsaved-*.txt");
    if (glob(pattern, 0, NULL, &g) != 0)
        return 0;
    int n = (int)g.gl_pathc;
    if (n > 0)
        snprintf(first, len, "%s", g.gl_pathv[0]);
    globfree(&g);
    return n;
}
