#!/usr/bin/env bash
# Start-up time of the workbench, measured from the product launcher (nernst-ui) to the moment the
# "Nernst" window is mapped and viewable on the X server, as a user sees it. Not a test: prints
# each run, the median and the machine's load (the figure means little on a busy machine).
#
# Usage: scripts/benchmark-startup.sh [PRODUCT_DIR] [RUNS]
#   PRODUCT_DIR defaults to the materialized product of this checkout
#   (releng/org.nernst.product/target/products/org.nernst.product/linux/gtk/x86_64/nernst).
# The first run (cold: empty workspace, OSGi cache to build) is reported apart and excluded from
# the median of the RUNS (default 5) warm runs that follow. Needs Xvfb and xwininfo (x11-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
product="${1:-releng/org.nernst.product/target/products/org.nernst.product/linux/gtk/x86_64/nernst}"
runs="${2:-5}"
[ -x "$product/nernst-ui" ] || { echo "no product at $product: build it (./mvnw verify -pl releng/org.nernst.product -am)" >&2; exit 2; }
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null || { echo "needs Xvfb and xwininfo" >&2; exit 2; }

work="$(mktemp -d)"
display=":$(( 90 + RANDOM % 100 ))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 100); do xwininfo -display "$display" -root >/dev/null 2>&1 && break; sleep 0.05; done

# one start: milliseconds from exec of the launcher to the viewable window
start_once() {
  local t0 t1
  t0=$(date +%s%N)
  DISPLAY="$display" NERNST_WORKSPACE="$work/workspace" "$product/nernst-ui" >"$work/ui.out" 2>"$work/ui.err" &
  app=$!
  while :; do
    if xwininfo -display "$display" -name Nernst 2>/dev/null | grep -q 'IsViewable'; then
      t1=$(date +%s%N)
      break
    fi
    if ! kill -0 "$app" 2>/dev/null; then
      echo "nernst-ui exited before its window opened:" >&2
      tail -20 "$work/ui.err" >&2
      exit 1
    fi
    sleep 0.02
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
  echo $(( (t1 - t0) / 1000000 ))
}

echo "load before: $(uptime)"
cold=$(start_once)
echo "cold start (empty workspace, first OSGi resolve): ${cold} ms"
times=()
for i in $(seq 1 "$runs"); do
  t=$(start_once)
  times+=("$t")
  echo "warm start $i: ${t} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
echo "load after: $(uptime)"
echo "first window from nernst-ui, median of $runs warm starts: ${median} ms (min $(printf '%s\n' "${times[@]}" | sort -n | head -1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -1))"
