#!/usr/bin/env bash
# Checks the materialized product the way a user meets it: the nernst launcher script runs the
# headless application (list, validate, run on the real NASA cells), its exit codes reach the
# shell, Ctrl-C cancels a run and leaves no output, and the workbench window opens (under Xvfb).
# Usage: smoke-test.sh PRODUCT_DIR REPO_DIR DATA_DIR WORK_DIR
set -uo pipefail
product="$1"; repo="$2"; data="$3"; work="$4"
nernst="$product/nernst"
example="$repo/examples/workflows/nasa-soh.workflow.json"
rm -rf "$work"; mkdir -p "$work"
failures=0; passed=0
check() { # name, condition command...
  local name="$1"; shift
  if "$@"; then echo "smoke: PASS $name"; passed=$((passed+1)); else echo "smoke: FAIL $name"; failures=$((failures+1)); fi
}
expect_code() { local want="$1"; shift; "$@" >"$work/last.out" 2>"$work/last.err"; local got=$?; [ "$got" = "$want" ] || { echo "  expected exit $want, got $got"; tail -5 "$work/last.err"; return 1; }; }

[ -d "$data/nasa-pcoe" ] || { echo "smoke: REAL DATA MISSING: $data/nasa-pcoe does not exist (set -Dnernst.data)"; exit 1; }

check "nernst --help exits 0" expect_code 0 "$nernst" --help
check "nernst list shows the estimators" bash -c "'$nernst' list | grep -q '^org.nernst.ml.smile.gaussianProcess  \[estimator\]'"
check "validate: missing workflow exits 3" expect_code 3 "$nernst" validate "$work/missing.workflow.json"
check "run: missing cell exits 4" expect_code 4 "$nernst" run "$example" --set "cells.folder=$data/nasa-pcoe" --set cells.cells=B9999 --out "$work/bad"
check "run: the example workflow exits 0" expect_code 0 "$nernst" run "$example" --set "cells.folder=$data/nasa-pcoe" --out "$work/nasa-soh"
cp "$work/last.out" "$work/nasa-soh.stdout" 2>/dev/null; cp "$work/last.err" "$work/nasa-soh.stderr" 2>/dev/null
check "run: wrote the GPR plot as PNG" bash -c "head -c 8 '$work/nasa-soh/plot_gpr.figure.png' | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'"
check "run: wrote metrics with a test-cell RMSE" grep -q '"rmse"' "$work/nasa-soh/cv_gpr.metrics.json"

# Ctrl-C: interrupt a running workflow; expect exit 6 and no output folder
set -m  # a background job of a script ignores SIGINT unless job control is on
"$nernst" run "$example" --set "cells.folder=$data/nasa-pcoe" --out "$work/interrupted" >"$work/int.out" 2>"$work/int.err" &
pid=$!
set +m
for _ in $(seq 1 200); do grep -q "cv_gpr .*fold" "$work/int.err" 2>/dev/null && break; sleep 0.1; done
kill -INT "$pid"
t0=$(date +%s%N); wait "$pid"; code=$?; t1=$(date +%s%N)
echo "  Ctrl-C: exit $code after $(( (t1 - t0) / 1000000 )) ms"
check "Ctrl-C exits 6 and writes nothing" bash -c "[ $code = 6 ] && [ ! -e '$work/interrupted' ] && ! ls -a '$work' | grep -q '.interrupted.partial'"

# The workbench window opens and is photographed
if command -v xvfb-run >/dev/null; then
  NERNST_WORKSPACE="$work/workspace" NERNST_JVM_ARGS="-Xmx1g -Dnernst.smokeTest=$work/workbench.png" timeout 180 xvfb-run -a -s "-screen 0 1400x900x24" \
    "$product/nernst-ui" >"$work/ui.out" 2>"$work/ui.err"
  code=$?
  check "workbench window opens (exit $code)" bash -c "[ $code = 0 ] && grep -q 'workbench window' '$work/ui.out' && [ -s '$work/workbench.png' ]"
  [ $code = 0 ] || tail -30 "$work/ui.err"
else
  echo "smoke: FAIL workbench window opens: xvfb-run is not installed (scripts/setup-machine.sh installs it)"
  failures=$((failures+1))
fi
echo "smoke: $passed passed, $failures failed"
[ "$failures" = 0 ]
