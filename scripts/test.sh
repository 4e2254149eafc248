#!/usr/bin/env bash
# Runs every test: unit and integration tests in the OSGi runtime (Tycho surefire), then the
# materialized product's smoke test (launcher, exit codes, Ctrl-C, workbench window under Xvfb).
# Real-data tests read ../shared/data (override with NERNST_DATA=/path).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-machine.sh
data="${NERNST_DATA:-$(pwd)/../shared/data}"
./mvnw -B -ntp verify -Dnernst.data="$data"
