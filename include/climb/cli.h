/* cli.h - the command-line interface: the command table and each command's entry
 * point. Commands call the same model functions as the TUI. */
#ifndef CLIMB_CLI_H
#define CLIMB_CLI_H

#include "climb/app.h"
#include "climb/ops.h"
#include <stdio.h>

/* What an option or a positional argument takes. Completion offers the values of
 * each kind (cli_complete.c); "did you mean" reads the option names. */
typedef enum {
    CLI_NONE = 0,  /* nothing: a flag, or no more positional arguments */
    CLI_TEXT,      /* free text, nothing to offer */
    CLI_FILE,      /* a path: the shell completes file names */
    CLI_ID,        /* a criterion id of the ladder */
    CLI_STATE,     /* todo doing done n/a */
    CLI_LEVEL,     /* a level id of the ladder */
    CLI_FORMAT,    /* json md html csv */
    CLI_PROFILE,   /* a profile of the database */
    CLI_KIND,      /* an event kind */
    CLI_ROADBLOCK, /* a roadblock id of the ladder */
    CLI_ONOFF,     /* on off */
    CLI_SHELL,     /* bash zsh fish */
    CLI_PHASE,     /* a phase number of the ladder */
    CLI_USERS_SUB, /* add rename rm (users) */
    CLI_EVIDENCE_SUB, /* add list edit rm check (evidence) */
    CLI_SYNC_SUB,  /* init (sync) */
} cli_value;

typedef struct {
    const char *name; /* "--format", "-o" */
    cli_value value;  /* CLI_NONE for a flag */
} cli_option;

enum { CLI_MAX_OPTIONS = 6, CLI_MAX_ARGS = 3 };

typedef struct {
    const char *name;
    int (*run)(app *a, int argc, char **argv); /* argv[0] is the command name */
    const char *usage;                          /* arguments after the name */
    const char *summary;
    cli_option options[CLI_MAX_OPTIONS];        /* up to the first NULL name */
    cli_value args[CLI_MAX_ARGS];               /* positional arguments, in order */
    int hidden;                                 /* left out of --help and completion */
} cli_command;

/* The table of commands, ending with a NULL name. */
extern const cli_command cli_commands[];
/* The options before the command, ending with a NULL name. */
extern const cli_option cli_global_options[];

const cli_command *cli_find(const char *name);
void cli_usage(FILE *out);

/* Prints one command's usage and summary to stdout; returns EXIT_OK. */
int cli_command_help(const cli_command *c);
/* Names the unexpected argument (when not NULL) with the closest option when it
 * looks like a mistyped one, prints "usage: climb NAME USAGE"
 * to stderr and returns EXIT_USAGE. */
int cli_usage_error(const cli_command *c, const char *bad);
/* The option of a NULL-ended list (or --help) closest to a mistyped one, or NULL. */
const char *cli_closest_option(const cli_option *options, const char *bad);
/* Finds a criterion by id, or prints the closest ids and returns -1. */
int cli_find_criterion(app *a, const char *id, size_t *phase, size_t *index);

int cli_status(app *a, int argc, char **argv);
int cli_tick(app *a, int argc, char **argv);
int cli_untick(app *a, int argc, char **argv);
int cli_check_content(app *a, int argc, char **argv);
int cli_history(app *a, int argc, char **argv);
int cli_quiz(app *a, int argc, char **argv);
int cli_users(app *a, int argc, char **argv);
int cli_title(app *a, int argc, char **argv);
int cli_set(app *a, int argc, char **argv);
int cli_keys(app *a, int argc, char **argv);
int cli_note(app *a, int argc, char **argv);
int cli_stale_after(app *a, int argc, char **argv);
int cli_roadblock(app *a, int argc, char **argv);
int cli_export(app *a, int argc, char **argv);
int cli_import(app *a, int argc, char **argv);
int cli_backup(app *a, int argc, char **argv);
int cli_check(app *a, int argc, char **argv);
int cli_cadence(app *a, int argc, char **argv);
int cli_due(app *a, int argc, char **argv);
int cli_sync(app *a, int argc, char **argv);
/* users add|rename|rm: argv[0] is the verb. */
int cli_users_edit(app *a, int argc, char **argv);
int cli_config(app *a, int argc, char **argv);
int cli_ids(app *a, int argc, char **argv);
int cli_completions(app *a, int argc, char **argv);
int cli_complete(app *a, int argc, char **argv);

/* `climb status --line [--format FMT]` (cli_status_line.c); format NULL: the default. */
int cli_status_line(app *a, const char *format);
/* Writes the status JSON document (jansson) to out. */
int cli_status_json(app *a, FILE *out);
int cli_evidence(app *a, int argc, char **argv);
int cli_evidence_check(app *a, int argc, char **argv);
int cli_name(app *a, int argc, char **argv);
int cli_target(app *a, int argc, char **argv);

/* All of stdin, without its final line end (LF or CRLF): at most max + 2 bytes
 * are read, so a text over max is seen by its check; *len counts NUL bytes too.
 * NULL (after saying so) when out of memory. */
char *cli_read_stdin(size_t max, size_t *len);
/* Prints a JSON value (taking it) and a newline: EXIT_OK or EXIT_RUNTIME. */
struct json_t;
int cli_print_json(struct json_t *o);
/* Checks note text from the shell against rules_check_note (note[0..len), NUL
 * bytes included): 0, or -1 after printing why. */
int cli_check_note(const char *note, size_t len);
/* A --date argument: YYYY-MM-DD (local) or an ISO 8601 time, not in the future.
 * 0, or -1 after printing why. */
int cli_parse_date(const char *s, long long *out);

#endif
