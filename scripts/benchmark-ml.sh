#!/usr/bin/env bash
# ML speed benchmark (not a test): fit and predict times of Nernst's Smile-backed estimators beside
# scikit-learn (Debian python3-sklearn, 1.2) for random forest, gradient boosting, GPR, SVR and ridge,
# on the same synthetic tables (Friedman #1, 10k x 20 and 100k x 50, 2,000 test rows; generated once by
# scripts/benchmark_ml.py and written as CSV for both sides) with the same seed and matched parameters.
# GPR fits on the first 2,000 and SVR on the first 5,000 training rows of each set (cost n^3 / n^2).
# Medians over --runs runs after --warmup uncounted runs (default 1; 0 for the minutes-long 100k fits); the table goes to stdout and benchmarks/target/ml-bench/results.md.
#   scripts/benchmark-ml.sh [--runs 3] [--warmup 1] [--seed 42] [--sets 10k_x_20,100k_x_50] [--models rf,gb,gpr,svr,ridge]
# NERNST_BENCH_SKIP_BUILD=1 reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 warmup=1 seed=42 sets=10k_x_20,100k_x_50 models=rf,gb,gpr,svr,ridge
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;; --warmup) warmup="$2"; shift 2 ;; --seed) seed="$2"; shift 2 ;;
    --sets) sets="$2"; shift 2 ;; --models) models="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
py=/usr/bin/python3; [ -x "$py" ] || py=python3  # the Debian python that python3-sklearn installs into
if ! "$py" -c 'import sklearn, numpy' 2>/dev/null; then
  echo "benchmark-ml: installing python3-sklearn"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-sklearn >/dev/null
fi
jdk="$(sed -n 's/^javaHome=//p' .mvn/wrapper/maven-wrapper.properties | tail -n 1)"
[ -x "$jdk/bin/java" ] || jdk="$(ls -d /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* 2>/dev/null | head -n 1)"
if [ -z "${NERNST_BENCH_SKIP_BUILD:-}" ] || [ ! -f benchmarks/target/bench.classpath ]; then
  ./mvnw -B -ntp -q package -DskipTests -pl target-platform,bundles/org.nernst.core,bundles/org.nernst.data,bundles/org.nernst.ml.smile,benchmarks -am
fi
dir=benchmarks/target/ml-bench
mkdir -p "$dir"
"$py" scripts/benchmark_ml.py generate "$dir" "$seed"
cp="$(pwd)/benchmarks/target/classes:$(cat benchmarks/target/bench.classpath)"
# the same threads for both sides: all cores (Smile's forest and scikit-learn's n_jobs=-1 / BLAS)
"$jdk/bin/java" -Xmx8g --enable-native-access=ALL-UNNAMED -cp "$cp" org.nernst.bench.ml.MlBenchmark \
  --dir "$dir" --runs "$runs" --seed "$seed" --sets "$sets" --models "$models" --warmup "$warmup" | tee "$dir/nernst.csv"
SETS="$sets" MODELS="$models" "$py" - "$dir" "$seed" "$runs" "$warmup" <<'PY' | tee "$dir/sklearn.csv"
import os, sys
sys.argv = ["benchmark_ml.py", "run"] + sys.argv[1:]
sys.path.insert(0, "scripts")
import benchmark_ml as b
b.SETS = [s for s in b.SETS if s[0] in os.environ["SETS"].split(",")]
keep = os.environ["MODELS"].split(",")
base = b.models
b.models = lambda p, seed: [m for m in base(p, seed) if m[0] in keep]
b.run(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
PY
"$py" - "$dir" <<'PY' | tee "$dir/results.md"
import csv, sys
d = sys.argv[1]
rows = {}
for side in ("nernst", "sklearn"):
    for r in csv.reader(open(f"{d}/{side}.csv")):
        rows[(side, r[1], r[2])] = r
print("| set | model | rows fitted | fit s Nernst / sklearn (ratio) | predict s Nernst / sklearn (ratio) | test RMSE Nernst / sklearn |")
print("|---|---|---|---|---|---|")
for (side, s, m), r in rows.items():
    if side != "nernst" or ("sklearn", s, m) not in rows:
        continue
    k = rows[("sklearn", s, m)]
    f = lambda a, b: f"{float(a):.3f} / {float(b):.3f} ({float(a) / max(float(b), 1e-9):.2f})"
    print(f"| {s} | {m} | {r[3]} | {f(r[4], k[4])} | {f(r[5], k[5])} | {float(r[6]):.3f} / {float(k[6]):.3f} |")
PY
