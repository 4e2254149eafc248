#!/usr/bin/env bash
# Builds the Nernst product (tests skipped) and runs the NASA SOH example workflow on the cells in
# ../shared/data/nasa-pcoe (override with NERNST_DATA=/path/to/folder-holding-nasa-pcoe).
# Results: results/nasa-soh/ (metrics JSON, predictions CSV, plots PNG/SVG, provenance JSON).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-machine.sh
./mvnw -B -q -ntp install -DskipTests
product=releng/org.nernst.product/target/products/org.nernst.product/linux/gtk/x86_64/nernst
args=()
[ -n "${NERNST_DATA:-}" ] && args+=(--set "cells.folder=$NERNST_DATA/nasa-pcoe")
"$product/nernst" run examples/workflows/nasa-soh.workflow.json "${args[@]}" --out results/nasa-soh
echo "The product is in $product (run $product/nernst --help); results are in results/nasa-soh"
