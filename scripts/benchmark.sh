#!/usr/bin/env bash
# Ingest benchmark (not a test): Nernst's readers beside pandas.read_csv, scipy.io.loadmat and h5py
# on the same files in the same run. Inputs: a ~1 GB BatteryArchive-style CSV generated from the
# real campaign's samples (deterministic by seed, cached in benchmarks/target/bench-data), the NASA
# PCoE cells in ../shared/data/nasa-pcoe, and a MATLAB v7.3 file made from them. Each measurement
# runs in a fresh process; the table goes to stdout and to benchmarks/target/benchmark/results.{md,csv}.
#   scripts/benchmark.sh [--size-mb 1024] [--seed 42] [--runs 3] [--heap 16g] [--cases A,B] [--no-fit-check]
# NERNST_DATA=/path overrides the data folder; NERNST_BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${NERNST_DATA:-$(pwd)/../shared/data}"
need=()
for p in python3-pandas python3-scipy python3-h5py python3-hdf5storage; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  echo "benchmark: installing ${need[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
jdk="$(sed -n 's/^javaHome=//p' .mvn/wrapper/maven-wrapper.properties | tail -n 1)"
[ -x "$jdk/bin/java" ] || jdk="$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* 2>/dev/null | head -n 1)"
if [ -z "${NERNST_BENCH_SKIP_BUILD:-}" ] || [ ! -f benchmarks/target/bench.classpath ]; then
  # every bundle the benchmark reads with must be in this list
  ./mvnw -B -ntp -q package -DskipTests -pl target-platform,bundles/org.nernst.core,bundles/org.nernst.data,benchmarks -am
fi
cp="$(pwd)/benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
exec "$jdk/bin/java" -Xmx2g -cp "$cp" org.nernst.bench.Benchmark --data "$data" --python /usr/bin/python3 "$@"
