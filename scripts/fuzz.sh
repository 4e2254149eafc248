#!/usr/bin/env bash
# Fuzzes every file reader (the targets listed in fuzz/src/test/java/org/nernst/fuzz/FuzzTargets.java)
# with Jazzer for a bounded time each:  scripts/fuzz.sh [seconds-per-target, default 60] [TARGET ...]
# Each target runs in its own JVM with a 256 MB heap (an out-of-memory on a small input is a finding),
# a 3 s per-input timeout (a hang, or work quadratic in the input, is a finding: an input takes ~1 ms)
# and inputs up to 16 KB, seeded from its committed inputs (fuzz/src/test/resources/.../
# <Target>FuzzTestInputs/fuzz) and small prefixes of the real samples in ../shared/data (override with NERNST_DATA=/path). Work folders: fuzz/target/fuzz/<TARGET>/
# (corpus/ grows across runs; findings/ holds crashing inputs and Java reproducers). Exits 1 if any
# target found something: minimize it (see fuzz/README.md) and keep it as a regression input.
# Findings already reported but not yet fixed do not fail the run: their innermost stack frame is
# listed in fuzz/src/test/resources/org/nernst/fuzz/known-findings/<TARGET>/signatures.txt (the fuzzer
# goes on past findings, and any finding whose first frame is not listed fails the run).
# NERNST_FUZZ_SKIP_BUILD=1 reuses the last build (e.g. right after scripts/test.sh); NERNST_FUZZ_ARGS adds
# Jazzer/libFuzzer options, e.g. "--keep_going=20" to go on past findings, "--ignore=<DEDUP_TOKEN>" to skip a known one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
data="${NERNST_DATA:-$(pwd)/../shared/data}"
jdk="$(sed -n 's/^javaHome=//p' .mvn/wrapper/maven-wrapper.properties | tail -n 1)"
[ -x "$jdk/bin/java" ] || jdk="$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* 2>/dev/null | head -n 1)"
java="$jdk/bin/java"

if [ -z "${NERNST_FUZZ_SKIP_BUILD:-}" ] || [ ! -f fuzz/target/fuzz.classpath ]; then
  # every bundle the fuzz module reads must be in this list
  ./mvnw -B -ntp -q package -DskipTests -pl target-platform,bundles/org.nernst.core,bundles/org.nernst.data,fuzz -am
fi
cp="$(pwd)/fuzz/target/test-classes:$(pwd)/fuzz/target/classes:$(cat fuzz/target/fuzz.classpath)"

mapfile -t targets < <("$java" -cp "$cp" org.nernst.fuzz.FuzzTargets)
failed=()
passed=0
for line in "${targets[@]}"; do
  name="${line%% *}"
  inputs="fuzz/src/test/resources/${line#* }"
  if [ $# -gt 0 ] && [[ ! " $* " =~ " $name " ]]; then continue; fi
  work="fuzz/target/fuzz/$name"
  known="fuzz/src/test/resources/org/nernst/fuzz/known-findings/$name/signatures.txt"
  rm -rf "$work/seeds" "$work/findings"
  mkdir -p "$work/corpus" "$work/seeds" "$work/findings" "$inputs"
  "$java" -Dnernst.data="$data" -cp "$cp" org.nernst.fuzz.SeedCorpus "$name" "$work/seeds" >/dev/null
  echo "fuzz: $name for ${seconds}s (seeds: $(ls "$inputs" | wc -l) committed, $(ls "$work/seeds" | wc -l) real-sample prefixes; corpus $(ls "$work/corpus" | wc -l))"
  set +e
  "$java" -Xmx256m -Xss1m -cp "$cp" com.code_intelligence.jazzer.Jazzer \
      --target_class=org.nernst.fuzz.StandaloneTarget --target_args="$name" \
      --instrumentation_includes='org.nernst.**:us.hebi.**:io.jhdf.**' \
      --reproducer_path="$work/findings" \
      -max_total_time="$seconds" -timeout=3 -rss_limit_mb=3072 -max_len=16384 -print_final_stats=1 \
      -artifact_prefix="$work/findings/" --keep_going=100 ${NERNST_FUZZ_ARGS:-} \
      "$work/corpus" "$work/seeds" "$inputs" > "$work/fuzz.log" 2>&1
  rc=$?
  set -e
  stats="$(grep -E '^(#[0-9]+\s+DONE|Done [0-9]+ runs)' "$work/fuzz.log" | tail -n 2 | tr '\n' ' ')"
  # the first application frame of each Java finding (or "<exception>:no-stack-trace" when the JVM
  # gave none, as for repeated OutOfMemoryErrors); libFuzzer's own findings (timeout, rss) have none
  frames="$(awk '/^== Java Exception: / {f=1; ex=$4; sub(/:$/, "", ex); next}
      f && /^Caused by: / {ex=$3; sub(/:$/, "", ex)}
      f && /^\tat / && !/com\.code_intelligence/ {sub(/^\tat /, ""); sub(/\(.*/, ""); print; f=0}
      f && /^DEDUP_TOKEN/ {print ex ":no-stack-trace"; f=0}' "$work/fuzz.log")"
  new=()
  while IFS= read -r frame; do
    [ -z "$frame" ] && continue
    if [ -f "$known" ] && grep -v '^#' "$known" | awk '{print $1}' | grep -qxF "$frame"; then
      echo "fuzz: $name hit a known, reported finding again (at $frame)"
    else
      new+=("$frame")
    fi
  done <<< "$frames"
  if [ ${#new[@]} -gt 0 ] || { [ $rc -ne 0 ] && [ -z "$frames" ]; } || grep -qE '^==[0-9]+== ERROR: libFuzzer' "$work/fuzz.log"; then
    echo "fuzz: $name FOUND A PROBLEM (exit $rc); input(s) in $work/findings, log $work/fuzz.log:"
    grep -E '^(== Java Exception|Caused by|\s+at org\.nernst|\s+at us\.hebi|\s+at io\.jhdf|==[0-9]+== ERROR|SUMMARY)' "$work/fuzz.log" | head -n 30 || true
    failed+=("$name")
  else
    echo "fuzz: $name ok — $stats"
    passed=$((passed + 1))
  fi
done
echo "fuzz: $passed passed, ${#failed[@]} failed"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}" >&2
  exit 1
fi
