#!/bin/sh
# run.sh - runs climb's libFuzzer harnesses (built by `make fuzz` into BUILD): for
# each NAME, replays every input kept in tests/fuzz/regressions/NAME/ (inputs that
# once crashed, leaked or tripped a sanitizer), then fuzzes for SECONDS starting
# from a copy of tests/fuzz/corpus/NAME/ in BUILD/corpus/NAME (the tracked corpus is
# never written). Findings go to BUILD/artifacts/NAME/. Exits non-zero on the first
# failure.
#   tests/fuzz/run.sh BUILD SECONDS NAME...
set -u
build=${1:?usage: tests/fuzz/run.sh BUILD SECONDS NAME...}
seconds=${2:?usage: tests/fuzz/run.sh BUILD SECONDS NAME...}
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
for name in "$@"; do
    bin=$build/${name}_fuzzer
    corpus=$build/corpus/$name
    artifacts=$build/artifacts/$name
    mkdir -p "$corpus" "$artifacts" || exit 1
    cp tests/fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null
    dict=
    [ -f tests/fuzz/"$name".dict ] && dict=-dict=tests/fuzz/$name.dict
    regs=$(ls tests/fuzz/regressions/"$name"/* 2>/dev/null)
    if [ -n "$regs" ]; then
        echo "fuzz $name: replaying $(echo "$regs" | wc -l) regression inputs"
        # shellcheck disable=SC2086 # one argument per file
        "$bin" $regs >"$artifacts/replay.log" 2>&1 || {
            cat "$artifacts/replay.log" >&2
            echo "fuzz $name: a regression input fails again" >&2
            exit 1
        }
    fi
    echo "fuzz $name: ${seconds}s from $(ls "$corpus" | wc -l) corpus inputs"
    # shellcheck disable=SC2086 # $dict is empty or one option
    "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" $dict "$corpus" >"$artifacts/fuzz.log" 2>&1
    rc=$?
    grep -E '^Done' "$artifacts/fuzz.log" |
        sed "s/^/fuzz $name: /"
    if [ "$rc" -ne 0 ]; then
        tail -n 60 "$artifacts/fuzz.log" >&2
        echo "fuzz $name: FAILED (log: $artifacts/fuzz.log)" >&2
        exit 1
    fi
done
echo "fuzz: $# fuzzers passed"
