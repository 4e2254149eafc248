#!/usr/bin/env bash
# Start-up time of the workbench, measured from the product launcher (nernst-ui) to the moment the
# "Nernst" window is mapped and viewable on the X server, as a user sees it (the X server's MapNotify
# event, awaited by scripts/x11-wait-window.py without polling). Not a test: prints
# each run, the median and the machine's load (the figure means little on a busy machine).
#
# Usage: scripts/benchmark-startup.sh [PRODUCT_DIR] [RUNS]
#   PRODUCT_DIR defaults to the materialized product of this checkout
#   (releng/org.nernst.product/target/products/org.nernst.product/linux/gtk/x86_64/nernst).
# The first run (cold: empty workspace, OSGi cache to build) is reported apart and excluded from
# the median of the RUNS (default 5) warm runs that follow. Each run ends as a user ends a session:
# the window is asked to close (WM_DELETE_WINDOW) and the workbench shuts down normally, writing the
# caches the next start reads. Needs Xvfb, xwininfo (x11-utils) and python3 (the two scripts/x11-*.py
# use libX11 through ctypes).
set -euo pipefail
cd "$(dirname "$0")/.."
product="${1:-releng/org.nernst.product/target/products/org.nernst.product/linux/gtk/x86_64/nernst}"
runs="${2:-5}"
[ -x "$product/nernst-ui" ] || { echo "no product at $product: build it (./mvnw verify -pl releng/org.nernst.product -am)" >&2; exit 2; }
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null && command -v python3 >/dev/null \
  || { echo "needs Xvfb, xwininfo (x11-utils) and python3" >&2; exit 2; }

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

# the ids of the top-level windows titled "Nernst…"
window_ids() {
  xwininfo -display "$display" -root -children 2>/dev/null | sed -n 's/^ *\(0x[0-9a-f]*\) "Nernst.*/\1/p'
}

# one start: milliseconds from exec of the launcher to the viewable window. The window is awaited
# through X server events (scripts/x11-wait-window.py), not by polling: polling with xwininfo took
# CPU from the starting workbench on this 2-core machine.
start_once() {
  local t0 t1 id
  rm -f "$work/go" "$work/window"; mkfifo "$work/go"
  # the process that becomes the workbench, held until the watcher listens
  ( read -r _ <"$work/go"
    DISPLAY="$display" NERNST_WORKSPACE="$work/workspace" exec "$product/nernst-ui" >"$work/ui.out" 2>"$work/ui.err" ) &
  app=$!
  DISPLAY="$display" python3 scripts/x11-wait-window.py "$app" Nernst >"$work/window" &
  local watch=$!
  until grep -q ready "$work/window" 2>/dev/null; do
    kill -0 "$watch" 2>/dev/null || { echo "x11-wait-window.py failed" >&2; kill "$app"; exit 1; }
    sleep 0.02
  done
  t0=$(date +%s%N)
  echo go >"$work/go"
  if ! wait "$watch"; then
    echo "nernst-ui exited before its window opened:" >&2
    tail -20 "$work/ui.err" >&2
    # the workbench logs why it stopped (e.g. GTK failing to open the display) in the workspace
    [ -f "$work/workspace/.metadata/.log" ] && tail -30 "$work/workspace/.metadata/.log" >&2
    exit 1
  fi
  read -r t1 id < <(sed -n 2p "$work/window")
  # CPU seconds the JVM used until then (user + system): a figure a busy machine distorts less
  cpu=$(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$app/stat")
  # close the window as a user would, so the workbench shuts down normally and writes its caches
  # (extension registry, workbench model; the AOT cache on the first start); kill only if it hangs
  sleep 0.5
  # shellcheck disable=SC2046
  DISPLAY="$display" python3 scripts/x11-close-window.py $(window_ids) 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$app" 2>/dev/null; then
    echo "nernst-ui did not close within 15 s of its window's close request: killed" >&2
    kill "$app" 2>/dev/null || true
  fi
  wait "$app" 2>/dev/null || true
  app=""
  echo "$(( (t1 - t0) / 1000000 )) $cpu"
}

echo "load before: $(uptime)"
read -r cold cold_cpu < <(start_once)
[ -n "$cold" ] || exit 1
echo "cold start (empty workspace): ${cold} ms, ${cold_cpu} s CPU"
times=(); cpus=()
for i in $(seq 1 "$runs"); do
  read -r t c < <(start_once)
  [ -n "$t" ] || exit 1
  times+=("$t"); cpus+=("$c")
  echo "warm start $i: ${t} ms, ${c} s CPU"
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "load after: $(uptime)"
echo "first window from nernst-ui, median of $runs warm starts: $(printf '%s\n' "${times[@]}" | median) ms" \
  "(min $(printf '%s\n' "${times[@]}" | sort -n | head -1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -1));" \
  "CPU until the window: median $(printf '%s\n' "${cpus[@]}" | median) s"
