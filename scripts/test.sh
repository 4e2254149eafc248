#!/usr/bin/env bash
# Runs every test: unit, integration and workbench tests in the OSGi runtime (Tycho surefire), then the
# materialized product's smoke test (launcher, exit codes, Ctrl-C, workbench window under Xvfb), then
# the plugin author's path: an external plugin built apart from the update site and installed into
# a copy of the product with the p2 director (scripts/plugin-install-test.sh).
# The reactor's verify also runs the plain-Maven modules: spark/ (org.nernst.spark) starts Spark local[2] and
# checks that screening, population synthesis and the twin example give the same tables on Spark as in process.
# Its integration tests (*IT, after package) start a Spark standalone cluster (Master + Worker JVMs on 127.0.0.1)
# for a screening run and Ctrl-C of the launcher (docs/spark.md).
# Real-data tests read ../shared/data (override with NERNST_DATA=/path).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-machine.sh
data="${NERNST_DATA:-$(pwd)/../shared/data}"
# The workbench tests (org.nernst.ui.tests) open real windows: without a display, give them a
# virtual one (the product smoke test starts its own Xvfb as well).
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -ntp verify -Dnernst.data="$data"
else
  ./mvnw -B -ntp verify -Dnernst.data="$data"
fi
scripts/plugin-install-test.sh
