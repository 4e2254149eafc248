"""The Python peers of Nernst's readers, timed on the same files in the same run.

Usage: peers.py CASE RUNS FILE...   (CASE as in BenchCase.java)
Prints one line: RESULT case=... bytes=... rows=... peakRss=... seconds=[...]
Uses Debian's python3-pandas, python3-scipy, python3-h5py (scripts/benchmark.sh installs them).
"""
import os
import resource
import sys
import time


def batteryarchive_csv(files):
    import pandas as pd
    return sum(len(pd.read_csv(f)) for f in files)


def nasa_mat5(files):
    import scipy.io
    rows = 0
    for f in files:
        m = scipy.io.loadmat(f)
        name = os.path.splitext(os.path.basename(f))[0]
        cycles = m[name]['cycle'][0, 0][0]
        # counted as Nernst does: a row per cycle plus a row per charge/discharge sample (cheap: no copy)
        rows += len(cycles) + sum(c['data'][0, 0]['Time'].size for c in cycles if c['type'][0] in ('charge', 'discharge'))
    return rows


def mat_v73(files):
    import h5py
    rows = 0
    for f in files:
        with h5py.File(f, 'r') as h:
            data = []
            h.visititems(lambda n, o: data.append(o[()]) if isinstance(o, h5py.Dataset) else None)
            rows += max(getattr(d, 'size', 0) for d in data)
    return rows


PEERS = {'BATTERYARCHIVE_CSV': batteryarchive_csv, 'GENERIC_CSV': batteryarchive_csv, 'NASA_MAT5': nasa_mat5, 'MAT_V73': mat_v73}


def main():
    case, runs, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    read = PEERS[case]
    seconds = []
    rows = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = read(files)
        seconds.append(time.perf_counter() - t0)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    total = sum(os.path.getsize(f) for f in files)
    print(f"RESULT case={case} bytes={total} rows={rows} peakRss={peak} seconds=[{','.join(f'{s:.4f}' for s in seconds)}]")


if __name__ == '__main__':
    main()
