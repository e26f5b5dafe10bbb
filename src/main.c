/* main.c - entry point: locale, file-creation mask, global options, then either a
 * command of the CLI or the full-screen TUI; last, the one check that everything
 * written to stdout really got there. */
#include "climb/app.h"
#include "climb/cli.h"
#include "climb/config.h"
#include "climb/draw.h"
#include "climb/suggest.h"
#include "climb/term_check.h"
#include "climb/tui.h"
#include "climb/version.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const struct option OPTIONS[] = {
    {"db", required_argument, NULL, 'd'},
    {"user", required_argument, NULL, 'u'},
    {"ladder", required_argument, NULL, 'l'},
    {"keys", required_argument, NULL, 'k'},
    {"create", no_argument, NULL, 'c'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* Flushes and closes stdout, so that no command can end "successfully" with its
 * output lost (a full disk, /dev/full, a closed pipe). A reader that went away
 * (EPIPE) is not worth a message; any other failure is exit 1 with the reason. */
static int finish_stdout(int rc)
{
    errno = 0;
    int failed = fflush(stdout) != 0;
    int why = failed ? errno : 0;
    if (ferror(stdout) && !failed) {
        /* An earlier write failed and its reason is gone: a write of nothing,
         * which adds no byte, names it on devices (on a file it may just succeed). */
        failed = 1;
        why = write(fileno(stdout), "", 0) < 0 ? errno : 0;
    }
    if (fclose(stdout) != 0 && !failed) {
        failed = 1;
        why = errno;
    }
    if (!failed || why == EPIPE)
        return rc;
    if (why)
        app_error("cannot write output: %s", strerror(why));
    else
        app_error("cannot write output");
    return EXIT_RUNTIME;
}

/* An option before the command that getopt refused: mistyped, or missing its value. */
static int unknown_option(const char *bad)
{
    const char *near = cli_closest_option(cli_global_options, bad);
    if (near && strncmp(near, bad, strcspn(bad, "=")) != 0)
        app_error("unknown option '%s'; did you mean %s? (see: climb --help)", bad, near);
    else
        app_error("unknown or incomplete option '%s' (see: climb --help)", bad);
    return EXIT_USAGE;
}

/* An unknown command, with the closest one when it looks like a typo. */
static int unknown_command(const char *name)
{
    const char *names[64];
    size_t n = 0;
    for (const cli_command *c = cli_commands; c->name && n < 64; c++)
        if (!c->hidden)
            names[n++] = c->name;
    const char *near = name[0] == '-' ? NULL : suggest_close(name, names, n);
    if (near)
        app_error("unknown command '%s'; did you mean '%s'? (see: climb --help)", name, near);
    else
        app_error("unknown command '%s' (see: climb --help)", name);
    return EXIT_USAGE;
}

/* Parses the options before the command. Returns -1 to go on, else an exit code. */
static int parse_globals(int argc, char **argv, app_options *o)
{
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+hV", OPTIONS, NULL)) != -1) {
        switch (c) {
        case 'd': o->db_path = optarg; break;
        case 'u': o->user = optarg; break;
        case 'l': o->ladder_path = optarg; break;
        case 'k': o->keys_path = optarg; break;
        case 'c': o->create = 1; break;
        case 'h': cli_usage(stdout); return finish_stdout(EXIT_OK);
        case 'V': printf("climb %s\n", CLIMB_VERSION); return finish_stdout(EXIT_OK);
        default:
            return unknown_option(argv[optind - 1]);
        }
    }
    return -1;
}

/* 1 when a command's arguments ask for its help (-h or --help, before any "--"). */
static int asks_help(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    return 0;
}

/* Reads the config file and binds its keys; errors go to stderr as FILE:LINE:COL
 * and leave the defaults for their lines. The completion helper reads none. */
static void load_config(app *a, climb_config *cfg, const char *command)
{
    char path[4096];
    config_defaults(cfg);
    a->config = cfg;
    if ((command && strcmp(command, "__complete") == 0) ||
        config_default_path(path, sizeof path) != 0)
        return;
    int bad = config_load(cfg, path, stderr);
    a->config_errors = bad < 0 ? 1 : bad;
    for (size_t i = 0; i < cfg->n_binds; i++)
        keymap_bind(cfg->binds[i].code, cfg->binds[i].is_char, cfg->binds[i].key_name,
                    cfg->binds[i].act);
}

/* 1 when the full-screen view may start on this terminal; else 0 after saying why.
 * Without a terminal at all (and no key file) tui_run says what to do instead;
 * headless runs (--keys) stand in xterm-256color for an unset TERM, as it does. */
static int terminal_usable(const app *a)
{
    int headless = a->opt.keys_path != NULL;
    if (!headless && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
        return 1;
    const char *term = getenv("TERM");
    if (headless && (!term || !*term))
        term = "xterm-256color";
    char why[512];
    if (term_check(term, why, sizeof why) == 0)
        return 1;
    app_error("%s", why);
    return 0;
}

int main(int argc, char **argv)
{
    app a;
    static climb_config cfg;
    memset(&a, 0, sizeof a);
    setlocale(LC_ALL, "");
    umask(077);
    int rc = parse_globals(argc, argv, &a.opt);
    if (rc >= 0)
        return rc;
    /* An empty name would give SQLite's private temporary database: nothing kept. */
    if (a.opt.db_path && !*a.opt.db_path) {
        app_error("--db names no file (it is empty); pass the database's path");
        return EXIT_USAGE;
    }
    if (!a.opt.db_path && getenv("CLIMB_DB") && !*getenv("CLIMB_DB")) {
        app_error("CLIMB_DB is set but empty; unset it or set it to the database's path");
        return EXIT_USAGE;
    }
    load_config(&a, &cfg, optind < argc ? argv[optind] : NULL);
    draw_use_config(&cfg);
    if (!a.opt.keys_path && getenv("CLIMB_KEYS") && *getenv("CLIMB_KEYS"))
        a.opt.keys_path = getenv("CLIMB_KEYS");
    if (optind >= argc) {
        rc = terminal_usable(&a) ? tui_run(&a) : EXIT_RUNTIME;
    } else if (strcmp(argv[optind], "help") == 0) {
        cli_usage(stdout);
        rc = EXIT_OK;
    } else {
        const cli_command *cmd = cli_find(argv[optind]);
        if (!cmd) {
            rc = unknown_command(argv[optind]);
        } else if (asks_help(argc - optind, argv + optind)) {
            rc = cli_command_help(cmd);
        } else {
            rc = cmd->run(&a, argc - optind, argv + optind);
        }
    }
    app_close(&a);
    return finish_stdout(rc);
}
