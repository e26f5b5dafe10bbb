/* cli_keys.c - `climb keys [VIEW|--all]`: the TUI's key tables, printed from the
 * same tables that dispatch the keys and fill the help overlay: the main view's
 * (keymap.h) by default, one view's by name (each of its modes under a heading),
 * or all of them, which is what README.md and docs/climb.1 list (make keys-doc;
 * tests/e2e/test_docs.sh checks they are up to date). */
#include "climb/cli.h"
#include "climb/keymap.h"
#include "climb/view.h"

#include <string.h>

/* "KEYS  HELP": the keys padded to 20 columns; two blanks after wider ones, so
 * that the keys always end at the first two blanks (tools/keys-doc.sh). */
static void print_row(const char *keys, const char *help)
{
    printf(strlen(keys) < 20 ? "%-20s %s\n" : "%s  %s\n", keys, help);
}

static void print_main(void)
{
    for (int i = 1; i < ACT_COUNT; i++) {
        char keys[64];
        keymap_keys((action)i, keys, sizeof keys);
        print_row(keys, keymap_help((action)i));
    }
}

/* Each mode of a view under its heading ("export, typing the file name:"). */
static void print_set(const view_key_set *set)
{
    int named = set->modes != NULL; /* modes names every table (NULL ends the names) */
    for (int m = 0; named && set->tables[m]; m++)
        named = set->modes[m] != NULL;
    for (int m = 0; set->tables[m]; m++) {
        view_help_row rows[96];
        size_t n = view_help_rows(set->tables[m], rows, sizeof rows / sizeof *rows);
        if (m > 0)
            printf("\n");
        if (named)
            printf("%s, %s:\n", set->name, set->modes[m]);
        else
            printf("%s:\n", set->name);
        for (size_t i = 0; i < n; i++)
            print_row(rows[i].keys, rows[i].help);
    }
}

static const view_key_set *find_set(const char *name)
{
    for (const view_key_set *s = view_key_sets; s->name; s++)
        if (strcmp(s->name, name) == 0)
            return s;
    return NULL;
}

int cli_keys(app *a, int argc, char **argv)
{
    (void)a;
    if (argc == 1) {
        print_main();
        return EXIT_OK;
    }
    if (argc != 2)
        return cli_usage_error(cli_find("keys"), argv[2]);
    if (strcmp(argv[1], "--all") == 0) {
        printf("main view:\n");
        print_main();
        for (const view_key_set *s = view_key_sets; s->name; s++) {
            printf("\n");
            print_set(s);
        }
        return EXIT_OK;
    }
    const view_key_set *set = find_set(argv[1]);
    if (!set) {
        char names[512] = "";
        for (const view_key_set *s = view_key_sets; s->name; s++) {
            size_t used = strlen(names);
            snprintf(names + used, sizeof names - used, "%s%s", used ? ", " : "", s->name);
        }
        app_error("keys: no view '%s'; the views are %s (or --all)", argv[1], names);
        return EXIT_USAGE;
    }
    print_set(set);
    return EXIT_OK;
}
