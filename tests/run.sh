#!/bin/sh
# run.sh - runs climb's suites against one build directory: every cmocka unit test
# binary in BUILD/tests, beside every end-to-end script in tests/e2e (real binary,
# real database files, real terminal through tmux), two suites at a time
# (E2E_JOBS=N for another number), each followed by its wall time. Prints one closing line
# "N passed, N failed" and exits non-zero when anything failed.
#   tests/run.sh [--unit-only|--e2e-only] BUILD
set -u
mode=all
case "${1:-}" in
--unit-only) mode=unit; shift ;;
--e2e-only) mode=e2e; shift ;;
esac
build=${1:?usage: tests/run.sh [--unit-only|--e2e-only] BUILD}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
passed=0
failed=0
failures=""

# The unit tests run beside the end-to-end suites (which mostly wait on a
# terminal), their output held in a file and printed once both are done; their
# counts come back through a second file.
units=$(mktemp -d)
if [ "$mode" != e2e ]; then
    (
        passed=0 failed=0 failures=""
        for t in "$build"/tests/test_*; do
            [ -x "$t" ] || continue
            case "$t" in *.d) continue ;; esac
            out=$("$t" 2>&1)
            rc=$?
            p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
            f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
            passed=$((passed + ${p:-0}))
            failed=$((failed + ${f:-0}))
            if [ "$rc" -ne 0 ]; then
                [ -z "$f" ] && failed=$((failed + 1))
                failures="$failures $(basename "$t")"
                printf '%s\n' "$out" | grep -v '^\[ \(RUN\|       OK\) ' >&2
            fi
            echo "unit $(basename "$t"): ${p:-0} passed, ${f:-0} failed"
        done
        echo "$passed $failed$failures" >"$units/counts"
    ) >"$units/out" 2>&1 &
    unit_pid=$!
fi

if [ "$mode" != unit ]; then
    # Two suites at a time (E2E_JOBS), each buffered in files and printed whole,
    # under a lock, once it ends: the output of two suites never interleaves.
    results=$(mktemp)
    logs=$(mktemp -d)
    CLIMB_BIN="$root/$build/climb" CLIMB_BUILD="$build" E2E_RESULTS="$results" E2E_LOGS="$logs"
    export CLIMB_BIN CLIMB_BUILD E2E_RESULTS E2E_LOGS
    printf '%s\n' tests/e2e/test_*.sh | xargs -P "${E2E_JOBS:-2}" -I {} sh -c '
        log="$E2E_LOGS/$(basename "$1")"
        start=$(date +%s)
        sh "$1" >"$log.out" 2>"$log.err"
        echo "  ($(basename "$1"): $(($(date +%s) - start)) s)" >>"$log.out"
        until mkdir "$E2E_LOGS/lock" 2>/dev/null; do sleep 0.1; done
        cat "$log.out"
        cat "$log.err" >&2
        rmdir "$E2E_LOGS/lock"' sh {}
    p=$(grep -c '^pass ' "$results")
    f=$(grep -c '^fail ' "$results")
    passed=$((passed + p))
    failed=$((failed + f))
    [ "$f" -gt 0 ] && failures="$failures $(sed -n 's/^fail //p' "$results" | tr '\n' ' ')"
    rm -f "$results"
    rm -rf "$logs"
fi

if [ "$mode" != e2e ]; then
    wait "$unit_pid"
    cat "$units/out"
    if [ -s "$units/counts" ]; then
        read -r p f more <"$units/counts"
        passed=$((passed + p))
        failed=$((failed + f))
        failures="$failures${more:+ $more}"
    else
        failed=$((failed + 1))
        failures="$failures unit-tests"
    fi
fi
rm -rf "$units"

[ -n "$failures" ] && echo "failed:$failures"
echo "$build: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
