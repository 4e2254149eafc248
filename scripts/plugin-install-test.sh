#!/usr/bin/env bash
# The plugin author's promise, end to end, without rebuilding Nernst: builds the external plugin in
# examples/external-plugin against the built Nernst update site (its own Tycho build, conformance
# suite included), installs its feature from its own update site into a copy of the materialized
# product with the p2 director (headless), shows that `nernst list` has the new nodes and that a
# workflow using them runs, then uninstalls the feature and shows they are gone. The director is the
# product's own (nernst-director at the product root: p2 is part of the product).
# Usage: scripts/plugin-install-test.sh [WORK_DIR]   (after the Nernst build: product + update site)
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$repo/target/plugin-install-test}"
product="$repo/releng/org.nernst.product/target/products/org.nernst.product/linux/gtk/x86_64/nernst"
nernst_site="$repo/releng/org.nernst.repository/target/repository"
plugin="$repo/examples/external-plugin"
plugin_site="$plugin/site/target/repository"
feature=com.example.nernst.extras.feature.feature.group
ids=(com.example.nernst.bayesianRidge com.example.nernst.jsonLines com.example.nernst.shepherd)
failures=0; passed=0
check() { local name="$1"; shift
  if "$@"; then echo "plugin-install: PASS $name"; passed=$((passed+1)); else echo "plugin-install: FAIL $name"; failures=$((failures+1)); fi; }
lists_all() { local n; for n in "${ids[@]}"; do grep -q "^$n " "$1" || { echo "  $n missing from nernst list"; return 1; }; done; }
lists_none() { ! grep -q "^com.example.nernst" "$1"; }

for f in "$product/nernst" "$nernst_site/content.jar"; do
  [ -e "$f" ] || { echo "plugin-install: $f is missing: build Nernst first (./mvnw verify)"; exit 1; }
done
rm -rf "$work"; mkdir -p "$work"

# 1. The external plugin's own build: resolves Nernst only from the update site (a file: p2 repository)
(cd "$plugin" && ./mvnw -B -ntp ${NERNST_MAVEN_OPTS:-} clean verify -Dnernst.repository="file:$nernst_site") >"$work/plugin-build.log" 2>&1
code=$?
grep -E "^\[INFO\] Tests run:|^Tests run:.*Fail" "$work/plugin-build.log" | tail -1
check "external plugin builds apart and passes the conformance suite (exit $code)" test "$code" = 0
[ "$code" = 0 ] || { tail -40 "$work/plugin-build.log"; exit 1; }

# 2. A copy of the installed product: the director changes what it installs into
cp -a "$product" "$work/nernst"
"$work/nernst/nernst" list >"$work/list-before.txt" 2>&1
check "before: nernst list has none of the plugin's nodes" lists_none "$work/list-before.txt"

director() { # the product's own p2 director application (headless), as a user would run it
  "$work/nernst/nernst-director" "$@"
}
# 2b. Help > Install New Software works on this installation: the p2 UI is in it, and the profile
# it installs into (SELF = eclipse.p2.profile of config.ini) is the director's, and readable
check "the p2 UI bundles are installed (Install New Software, Check for Updates)" bash -c \
  "grep -q '^org.eclipse.equinox.p2.ui.sdk,' '$work/nernst/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info' \
   && grep -q '^org.eclipse.equinox.p2.ui,' '$work/nernst/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info'"
check "config.ini names the p2 profile the UI installs into (DefaultProfile)" \
  grep -q '^eclipse.p2.profile=DefaultProfile' "$work/nernst/configuration/config.ini"
director -listInstalledRoots >"$work/roots.txt" 2>&1
check "the product's p2 profile is readable: its installed roots include the product" grep -q '^org.nernst.product' "$work/roots.txt"
# 3. Install the feature from the plugin's update site; Nernst's site resolves what the plugin requires
director -repository "file:$plugin_site,file:$nernst_site" -installIU "$feature" >"$work/install.log" 2>&1
code=$?
check "p2 director installs $feature (exit $code)" test "$code" = 0
[ "$code" = 0 ] || tail -30 "$work/install.log"
check "the bundle is in the product and in bundles.info" bash -c "ls '$work'/nernst/plugins/com.example.nernst.extras_*.jar >/dev/null \
  && grep -q '^com.example.nernst.extras,' '$work/nernst/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info'"

# 4. Restart: the new nodes are listed and a workflow using all three runs
"$work/nernst/nernst" list >"$work/list-installed.txt" 2>&1
check "after install: nernst list shows the estimator, connector and twin" lists_all "$work/list-installed.txt"
grep "^com.example.nernst" "$work/list-installed.txt" | sed 's/^/  /'
wf="$plugin/workflows/extras.workflow.json"
"$work/nernst/nernst" run "$wf" --set "samples.file=$plugin/workflows/capacity.jsonl" \
  --set "load.file=$plugin/workflows/load.jsonl" --out "$work/extras-out" >"$work/run.out" 2>"$work/run.err"
code=$?
check "a workflow with the plugin's nodes runs (exit $code)" test "$code" = 0
[ "$code" = 0 ] || tail -20 "$work/run.err"
check "it wrote cross-validation metrics and the twin's simulation" bash -c \
  "grep -q '\"rmse\"' '$work/extras-out/cv.metrics.json' && ls '$work'/extras-out/cell.simulation.* >/dev/null"

# 5. Uninstall: the nodes are gone, Nernst's own remain, the workflow is refused as invalid (exit 3)
director -uninstallIU "$feature" >"$work/uninstall.log" 2>&1
code=$?
check "p2 director uninstalls $feature (exit $code)" test "$code" = 0
[ "$code" = 0 ] || tail -30 "$work/uninstall.log"
"$work/nernst/nernst" list >"$work/list-after.txt" 2>&1
check "after uninstall: nernst list has none of the plugin's nodes" lists_none "$work/list-after.txt"
check "after uninstall: Nernst's own nodes are still listed" grep -q "^org.nernst.ml.smile.gaussianProcess " "$work/list-after.txt"
check "after uninstall: the bundle is gone from bundles.info" bash -c \
  "! grep -q '^com.example.nernst.extras,' '$work/nernst/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info'"
"$work/nernst/nernst" validate "$wf" >"$work/validate-after.out" 2>&1
code=$?
check "after uninstall: the workflow is invalid (exit $code, unknown node types)" test "$code" = 3
echo "plugin-install: $passed passed, $failures failed"
[ "$failures" = 0 ]
