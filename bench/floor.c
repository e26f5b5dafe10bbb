/* floor.c - the first-frame floor of the benchmark: the least a C program can do
 * to show a screen of data from a SQLite file. It opens the database, reads 200
 * rows of one profile's latest events, draws one ncurses screen of them on the
 * terminal named by $TERM (80x24 for xterm-256color when stdout is not a tty),
 * and exits.
 *
 * usage: floor DB */
#define _POSIX_C_SOURCE 200809L
#include <curses.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ROWS = 200, LINE = 96 };

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: floor DB\n");
        return 2;
    }
    setlocale(LC_ALL, "");
    sqlite3 *db;
    sqlite3_stmt *s;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT at, kind, item, value FROM events WHERE profile_id = 1"
                           " ORDER BY at DESC LIMIT ?1",
                           -1, &s, NULL) != SQLITE_OK) {
        fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_bind_int(s, 1, ROWS);
    static char lines[ROWS][LINE];
    int n = 0;
    while (n < ROWS && sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char *item = sqlite3_column_text(s, 2), *value = sqlite3_column_text(s, 3);
        snprintf(lines[n++], LINE, "%lld %s %s %s", (long long)sqlite3_column_int64(s, 0),
                 (const char *)sqlite3_column_text(s, 1), item ? (const char *)item : "-",
                 value ? (const char *)value : "-");
    }
    sqlite3_finalize(s);
    sqlite3_close(db);

    const char *term = getenv("TERM");
    SCREEN *scr = newterm(term && *term ? term : "xterm-256color", stdout, stdin);
    if (!scr) {
        fprintf(stderr, "floor: cannot use the terminal\n");
        return 1;
    }
    set_term(scr);
    box(stdscr, 0, 0);
    mvaddstr(0, 2, " floor ");
    for (int y = 1; y < 23 && y - 1 < n; y++)
        mvaddnstr(y, 1, lines[y - 1], 78);
    refresh();
    endwin();
    delscreen(scr);
    return 0;
}
