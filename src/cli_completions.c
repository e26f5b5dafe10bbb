/* cli_completions.c - `climb completions bash|zsh|fish`: the completion script of
 * each shell. The scripts are thin on purpose: they hand the words typed so far
 * to `climb __complete` (cli_complete.c), which reads them against the command
 * table, so commands, options, ids and profiles cannot drift from the binary. The
 * Makefile writes these to build/completions/ and installs them from there. */
#include "climb/cli.h"

#include <string.h>

static const char BASH[] =
    "# bash completion for climb, from `climb completions bash`.\n"
    "# It asks climb itself (climb __complete) for the candidates of the word under\n"
    "# the cursor, so they follow the binary: commands, options, criterion ids,\n"
    "# profiles, levels, formats and states.\n"
    "_climb()\n"
    "{\n"
    "    local cur=${COMP_WORDS[COMP_CWORD]} prog=${COMP_WORDS[0]} out\n"
    "    [[ $prog == \"~/\"* ]] && prog=$HOME/${prog#\\~/}\n"
    "    command -v \"$prog\" >/dev/null 2>&1 || prog=climb\n"
    "    out=$(command \"$prog\" __complete -- \"${COMP_WORDS[@]:0:COMP_CWORD}\" \"$cur\" \\\n"
    "        2>/dev/null) || return\n"
    "    COMPREPLY=()\n"
    "    if [[ $out == :files ]]; then\n"
    "        compopt -o filenames 2>/dev/null\n"
    "        mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
    "    elif [[ -n $out ]]; then\n"
    "        mapfile -t COMPREPLY <<<\"$out\"\n"
    "    fi\n"
    "}\n"
    "complete -F _climb climb\n";

static const char ZSH[] =
    "#compdef climb\n"
    "# zsh completion for climb, from `climb completions zsh`.\n"
    "# It asks climb itself (climb __complete) for the candidates of the word under\n"
    "# the cursor, with their descriptions, so they follow the binary.\n"
    "_climb() {\n"
    "  local prog=${~words[1]} out line\n"
    "  local -a specs\n"
    "  (( $+commands[$prog] )) || [[ -x $prog ]] || prog=climb\n"
    "  out=$(command $prog __complete --describe -- \"${(@)words[1,CURRENT]}\" 2>/dev/null) ||\n"
    "    return 1\n"
    "  if [[ $out == :files ]]; then\n"
    "    _files\n"
    "    return\n"
    "  fi\n"
    "  for line in \"${(@f)out}\"; do\n"
    "    [[ -z $line ]] && continue\n"
    "    if [[ $line == *$'\\t'* ]]; then\n"
    "      specs+=(\"${${line%%$'\\t'*}//:/\\\\:}:${line#*$'\\t'}\")\n"
    "    else\n"
    "      specs+=(\"${line//:/\\\\:}\")\n"
    "    fi\n"
    "  done\n"
    "  (( ${#specs} )) || return 1\n"
    "  _describe -t values climb specs\n"
    "}\n"
    "if [[ $funcstack[1] == _climb ]]; then\n"
    "  _climb \"$@\"\n"
    "else\n"
    "  compdef _climb climb\n"
    "fi\n";

static const char FISH[] =
    "# fish completion for climb, from `climb completions fish`.\n"
    "# It asks climb itself (climb __complete) for the candidates of the token under\n"
    "# the cursor, with their descriptions, so they follow the binary.\n"
    "function __climb_complete\n"
    "    set -l tokens (commandline -opc) (commandline -ct)\n"
    "    set -l prog $tokens[1]\n"
    "    command -q $prog; or set prog climb\n"
    "    set -l out (command $prog __complete --describe -- $tokens 2>/dev/null)\n"
    "    if test \"$out\" = :files\n"
    "        __fish_complete_path (commandline -ct)\n"
    "    else if test (count $out) -gt 0\n"
    "        printf '%s\\n' $out\n"
    "    end\n"
    "end\n"
    "complete -c climb -f -a '(__climb_complete)'\n";

int cli_completions(app *a, int argc, char **argv)
{
    (void)a;
    const cli_command *cmd = cli_find("completions");
    if (argc != 2)
        return cli_usage_error(cmd, argc > 2 ? argv[2] : NULL);
    const char *script = strcmp(argv[1], "bash") == 0   ? BASH
                         : strcmp(argv[1], "zsh") == 0  ? ZSH
                         : strcmp(argv[1], "fish") == 0 ? FISH
                                                        : NULL;
    if (!script) {
        app_error("completions: no script for '%s' (bash, zsh or fish)", argv[1]);
        return EXIT_USAGE;
    }
    fputs(script, stdout);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_RUNTIME;
}
