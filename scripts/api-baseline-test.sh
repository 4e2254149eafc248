#!/usr/bin/env bash
# Shows that the API baseline check (scripts/api-baseline.sh) fails on a deliberate break and what
# it takes to pass: in scratch copies of this tree, the public method DataException.location()
# of org.nernst.core.node (0.1.0 in the baseline release) is removed, and
#   1. with the tree's own versions (at most a minor bump over the baseline) -> must FAIL, naming the method;
#   2. with a minor bump (package 0.2.0)  -> must FAIL: under 0.x a removal still needs the major bump;
#   3. with a major bump (package 1.0.0, bundle 1.0.0) -> must PASS.
# Cases 2 and 3 check org.nernst.core alone (the other API bundles require core [0.1,1.0)).
# Usage: scripts/api-baseline-test.sh   (NERNST_MAVEN_OPTS=-o for an offline machine)
set -uo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${NERNST_API_WORK:-$repo/target/api-baseline}"
export NERNST_API_WORK="$work"
mkdir -p "$work"
failures=0; passed=0
check() { local name="$1"; shift
  if "$@"; then echo "api-baseline-test: PASS $name"; passed=$((passed+1)); else echo "api-baseline-test: FAIL $name"; failures=$((failures+1)); fi; }

# a scratch copy of the tree as it is (tracked and new files, not build output)
scratch() { local dir="$work/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  (cd "$repo" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$dir"
  local f="$dir/bundles/org.nernst.core/src/org/nernst/core/node/DataException.java"
  python3 - "$f" <<'PY'
import sys, re
p = sys.argv[1]; s = open(p).read()
t = re.sub(r"\n    public String location\(\) \{\n        return location;\n    \}\n", "\n", s)
assert t != s, "DataException.location() not found"
open(p, "w").write(t)
PY
  echo "$dir"
}
bump() { # dir package-version bundle-version
  local mf="$1/bundles/org.nernst.core/META-INF/MANIFEST.MF"
  sed -i "s/^ org.nernst.core.node;version=\"[^\"]*\"/ org.nernst.core.node;version=\"$2\"/; s/^Export-Package: org.nernst.core.node;version=\"[^\"]*\"/Export-Package: org.nernst.core.node;version=\"$2\"/; s/^Bundle-Version: .*/Bundle-Version: $3.qualifier/" "$mf"
  grep -q "org.nernst.core.node;version=\"$2\"" "$mf" || { echo "could not set the package version in $mf"; return 1; }
}

d1="$(scratch removed)"
"$repo/scripts/api-baseline.sh" "$d1" >"$work/case1.out" 2>&1; code=$?
check "removing a public method without a version change fails (exit $code)" test "$code" = 1
check "the report names the removed method" grep -q "location()" "$work/case1.out"
grep -E "org.nernst.core.node|location|Baseline problems" "$work/case1.out" | head -8 | sed 's/^/  /'

d2="$(scratch minor)"; bump "$d2" 0.2.0 0.2.0
NERNST_API_BUNDLES=org.nernst.core "$repo/scripts/api-baseline.sh" "$d2" >"$work/case2.out" 2>&1; code=$?
check "the same removal with only a minor bump (0.2.0) fails (exit $code)" test "$code" = 1
grep -E "org.nernst.core.node|Baseline problems|major" "$work/case2.out" | head -6 | sed 's/^/  /'

d3="$(scratch major)"; bump "$d3" 1.0.0 1.0.0
NERNST_API_BUNDLES=org.nernst.core "$repo/scripts/api-baseline.sh" "$d3" >"$work/case3.out" 2>&1; code=$?
check "the same removal with a major bump (1.0.0) passes (exit $code)" test "$code" = 0
[ "$code" = 0 ] || tail -20 "$work/case3.out"
rm -rf "$d1" "$d2" "$d3"
echo "api-baseline-test: $passed passed, $failures failed"
[ "$failures" = 0 ]
