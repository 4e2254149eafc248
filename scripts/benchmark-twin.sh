#!/usr/bin/env bash
# Twin and state-estimation speed benchmarks (not tests): single particle models (1C discharge wall
# time), equivalent circuit (steps per second), EKF (samples per second) and 1000-cell synthesis.
# Each harness warms up, then reports medians; run on an otherwise idle machine.
#   scripts/benchmark-twin.sh [spm|ecm|synthesis ...]   (default: all)
# NERNST_BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk="$(sed -n 's/^javaHome=//p' .mvn/wrapper/maven-wrapper.properties | tail -n 1)"
[ -x "$jdk/bin/java" ] || jdk="$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* 2>/dev/null | head -n 1)"
if [ -z "${NERNST_BENCH_SKIP_BUILD:-}" ] || [ ! -f benchmarks/target/bench.classpath ]; then
  ./mvnw -B -ntp -q package -DskipTests -pl target-platform,bundles/org.nernst.core,bundles/org.nernst.data,bundles/org.nernst.twin,bundles/org.nernst.estimation,benchmarks -am
fi
cp="$(pwd)/benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
which=("$@")
[ ${#which[@]} -gt 0 ] || which=(spm ecm synthesis)
for b in "${which[@]}"; do
  case "$b" in
    spm) "$jdk/bin/java" -Xmx2g -cp "$cp" org.nernst.bench.twin.SpmBenchmark ;;
    ecm) if [ -f benchmarks/target/classes/org/nernst/bench/twin/EcmBenchmark.class ]; then
           "$jdk/bin/java" -Xmx2g -cp "$cp" org.nernst.bench.twin.EcmBenchmark
         else echo "ecm: EcmBenchmark not built"; exit 1; fi ;;
    synthesis) "$jdk/bin/java" -Xmx8g -cp "$cp" org.nernst.bench.twin.SynthesisBenchmark ;;
    *) echo "unknown benchmark '$b' (spm, ecm, synthesis)"; exit 2 ;;
  esac
done
