#!/usr/bin/env bash
# API baseline check (issue 8, "API rules"): rebuilds the API bundles of the baseline release
# (releng/api-baseline/baseline.properties: a commit id) in a scratch checkout into a minimal p2 site,
# then builds the same bundles of TREE with the api-baseline profile of bundles/pom.xml
# (tycho-baseline, bnd semantic versioning): a binary-incompatible change to an exported package
# fails unless that package's version gets a major bump (see docs/plugin-authors.md, "API rules").
# Usage: scripts/api-baseline.sh [TREE]   (TREE: the source tree to check, default this repository)
# Env: NERNST_MAVEN_OPTS (extra Maven options, e.g. -o), NERNST_API_WORK (scratch folder).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
tree="$(cd "${1:-$repo}" && pwd)"
props="$repo/releng/api-baseline/baseline.properties"
prop() { sed -n "s/^$1=//p" "$props"; }
commit="$(prop commit)"; release="$(prop release)"
read -r -a bundles <<<"${NERNST_API_BUNDLES:-$(prop bundles)}"
work="${NERNST_API_WORK:-$repo/target/api-baseline}"
site="$work/site-$commit"
mvn_opts=(-B -ntp ${NERNST_MAVEN_OPTS:-})
pl="target-platform$(printf ',bundles/%s' "${bundles[@]}")"
read -r -a site_bundles <<<"$(prop bundles)"
site_pl="target-platform$(printf ',bundles/%s' "${site_bundles[@]}")"

# 1. The baseline site, built once per baseline commit (cached in $work)
if [ ! -f "$site/content.jar" ] && [ ! -f "$site/content.xml" ]; then
  if ! git -C "$repo" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "api-baseline: $commit is not in this clone (shallow?): fetching it"
    git -C "$repo" fetch --depth=1 origin "$commit"
  fi
  src="$work/src-$commit"
  rm -rf "$src"; mkdir -p "$src"
  git -C "$repo" archive "$commit" | tar -x -C "$src"
  cp -r "$repo/releng/api-baseline/site" "$src/api-baseline-site"
  sed -i 's#<module>target-platform</module>#<module>target-platform</module>\n    <module>api-baseline-site</module>#' "$src/pom.xml"
  echo "api-baseline: building release $release's API bundles (${site_bundles[*]}) from $commit"
  (cd "$src" && ./mvnw "${mvn_opts[@]}" verify -DskipTests -pl "$site_pl,api-baseline-site") >"$work/baseline-build.log" 2>&1 \
    || { tail -40 "$work/baseline-build.log"; echo "api-baseline: the baseline did not build"; exit 2; }
  rm -rf "$site"; cp -r "$src/api-baseline-site/target/repository" "$site"
  rm -rf "$src"
fi

# 2. The tree's API bundles against it (tycho-baseline fails the build on a version problem)
log="$work/check.log"
echo "api-baseline: checking ${bundles[*]} of $tree against release $release"
set +e
(cd "$tree" && ./mvnw "${mvn_opts[@]}" verify -DskipTests -pl "$pl" -am -Dnernst.baseline="file:$site") >"$log" 2>&1
code=$?
set -e
# the report: bnd's table of changed packages, types and members, and the verdict per bundle
grep -E "Baseline problems|No baseline problems|\| *(MAJOR|MINOR|REMOVED|ADDED|CHANGED)" "$log" | sed 's/^\[[A-Z]*\] //' | head -60 || true
if [ "$code" != 0 ]; then
  grep -E "^\[ERROR\] (Failed to execute goal|.*Missing requirement)" "$log" | head -5 || true
  echo "api-baseline: FAIL (log: $log)"
  exit 1
fi

# 3. Nernst's rule on bnd's diff, 0.x included (tycho-baseline lets a removal in a 0.x package pass):
# a MAJOR package change needs a major package version bump (releng/api-baseline/ApiRule.java)
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
# bnd and what it needs, fetched explicitly into the folder searched below (a fresh machine has not got
# them from the builds above; Maven takes its home from the JVM, which may differ from $HOME)
for a in biz.aQute.bnd:biz.aQute.bndlib:7.2.1 biz.aQute.bnd:biz.aQute.bnd.util:7.2.1 org.slf4j:slf4j-api:2.0.18 \
    org.osgi:org.osgi.framework:1.8.0 org.osgi:org.osgi.resource:1.0.1 org.osgi:org.osgi.util.function:1.2.0 \
    org.osgi:org.osgi.util.promise:1.3.0; do
  (cd "$repo" && ./mvnw "${mvn_opts[@]}" -q -N -Dmaven.repo.local="$m2" org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get \
      -Dartifact="$a" -Dtransitive=false) >"$work/fetch.log" 2>&1 \
    || { tail -20 "$work/fetch.log"; echo "api-baseline: could not fetch $a"; exit 2; }
done
jar() { find "$m2/$1" -name "$2-*.jar" ! -name "*-sources.jar" ! -name "*-tests.jar" ! -name "*-javadoc.jar" | sort -V | tail -1; }
cp="$(jar biz/aQute/bnd/biz.aQute.bndlib biz.aQute.bndlib):$(jar biz/aQute/bnd/biz.aQute.bnd.util biz.aQute.bnd.util)"
cp="$cp:$(jar org/slf4j/slf4j-api slf4j-api):$(jar org/osgi/org.osgi.framework org.osgi.framework)"
cp="$cp:$(jar org/osgi/org.osgi.resource org.osgi.resource):$(jar org/osgi/org.osgi.util.function org.osgi.util.function)"
cp="$cp:$(jar org/osgi/org.osgi.util.promise org.osgi.util.promise)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
rule_failed=0
for b in "${bundles[@]}"; do
  old="$(ls "$site"/plugins/"${b}"_*.jar | sort -V | tail -1)"
  new="$(ls -t "$tree/bundles/$b/target/$b"-*.jar | grep -v -- '-sources.jar' | head -1)"  # newest: a stale jar of an older version may lie beside it
  rc=0
  out="$("$java" -cp "$cp" "$repo/releng/api-baseline/ApiRule.java" "$old" "$new" 2>&1)" || rc=$?
  grep -v -e "^SLF4J" -e ": UNCHANGED " <<<"$out" || true
  [ "$rc" = 0 ] || rule_failed=1
done
if [ "$rule_failed" != 0 ]; then
  echo "api-baseline: FAIL (an API change without the package version bump it needs)"
  exit 1
fi
echo "api-baseline: PASS"
