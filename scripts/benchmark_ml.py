#!/usr/bin/env python3
"""scikit-learn side of the ML speed benchmark (scripts/benchmark-ml.sh).

  benchmark_ml.py generate DIR SEED   writes the synthetic tables once, as CSV, for both sides
  benchmark_ml.py run DIR SEED RUNS [WARMUP]   times fit and predict; one CSV line per set and model on stdout

Data: Friedman's function #1 (10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3 + 5 x4 + N(0, 1)) on
uniform features in [0, 1]; the other features are noise. Test tables have 2,000 rows.
Parameters mirror the Nernst estimators' (see MlBenchmark.java); GPR and SVR fit on the first
GPR_ROWS / SVR_ROWS training rows, because their cost grows as n^3 / n^2.
"""
import os
import statistics
import sys
import time

import numpy as np

SETS = [("10k_x_20", 10_000, 20), ("100k_x_50", 100_000, 50)]
TEST_ROWS = 2_000
GPR_ROWS = 2_000
SVR_ROWS = 5_000


def friedman(rng, n, p):
    x = rng.random((n, p))
    y = (10 * np.sin(np.pi * x[:, 0] * x[:, 1]) + 20 * (x[:, 2] - 0.5) ** 2 + 10 * x[:, 3] + 5 * x[:, 4]
         + rng.standard_normal(n))
    return x, y


def generate(folder, seed):
    os.makedirs(folder, exist_ok=True)
    for name, n, p in SETS:
        rng = np.random.default_rng(seed)
        for part, rows in (("train", n), ("test", TEST_ROWS)):
            path = os.path.join(folder, f"{name}_{part}.csv")
            if os.path.exists(path):
                continue
            x, y = friedman(rng, rows, p)
            header = ",".join([f"x{j}" for j in range(p)] + ["y"])
            np.savetxt(path, np.column_stack([x, y]), delimiter=",", header=header, comments="", fmt="%.17g")


def load(folder, name, part):
    a = np.loadtxt(os.path.join(folder, f"{name}_{part}.csv"), delimiter=",", skiprows=1)
    return a[:, :-1], a[:, -1]


def models(p, seed):
    from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
    from sklearn.gaussian_process import GaussianProcessRegressor
    from sklearn.gaussian_process.kernels import RBF, WhiteKernel
    from sklearn.linear_model import Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVR
    from sklearn.compose import TransformedTargetRegressor
    return [
        # Nernst: trees 100, maxDepth 20 (levels of splits, = max_depth), nodeSize 5 (at least 5 rows in a
        # leaf, = min_samples_leaf; Smile's meaning), mtry p/3, bootstrap; exact thresholds on both sides
        ("rf", None, RandomForestRegressor(n_estimators=100, max_depth=20, min_samples_leaf=5,
                                           max_features=max(1, p // 3) / p, n_jobs=-1, random_state=seed)),
        # Nernst: 100 stages, maxDepth 6, nodeSize 5 (= min_samples_leaf), shrinkage 0.1, subsample 0.7
        ("gb", None, GradientBoostingRegressor(n_estimators=100, max_depth=6, min_samples_leaf=5,
                                               learning_rate=0.1, subsample=0.7, random_state=seed)),
        # Nernst: standardized x and y, unit-variance RBF + noise, length scale and noise by marginal likelihood
        ("gpr", GPR_ROWS, make_pipeline(StandardScaler(), GaussianProcessRegressor(
            kernel=RBF(1.0) + WhiteKernel(0.01), normalize_y=True, random_state=seed))),
        # Nernst: standardized x and y, C 10, epsilon 0.05, Gaussian width sqrt(p): gamma = 1 / (2 p)
        ("svr", SVR_ROWS, TransformedTargetRegressor(regressor=make_pipeline(
            StandardScaler(), SVR(C=10, epsilon=0.05, gamma=1 / (2 * p))), transformer=StandardScaler())),
        # Nernst: lambda 1e-3 on standardized features
        ("ridge", None, make_pipeline(StandardScaler(), Ridge(alpha=1e-3))),
    ]


def run(folder, seed, runs, warmup=1):
    for name, n, p in SETS:
        x, y = load(folder, name, "train")
        xt, yt = load(folder, name, "test")
        for model, rows, est in models(p, seed):
            xs, ys = (x, y) if rows is None else (x[:rows], y[:rows])
            fits, predicts = [], []
            for r in range(1 - warmup, runs + 1):  # runs up to 0 warm up and are not counted
                t0 = time.perf_counter()
                est.fit(xs, ys)
                t1 = time.perf_counter()
                pred = est.predict(xt)
                t2 = time.perf_counter()
                if r > 0:
                    fits.append(t1 - t0)
                    predicts.append(t2 - t1)
            rmse = float(np.sqrt(np.mean((pred - yt) ** 2)))
            print(f"sklearn,{name},{model},{len(ys)},{statistics.median(fits):.4f},{statistics.median(predicts):.4f},"
                  f"{rmse:.4f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], int(sys.argv[3]))
    else:
        run(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]) if len(sys.argv) > 5 else 1)
