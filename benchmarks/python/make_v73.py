"""Writes the MATLAB v7.3 (HDF5) input of the benchmark's MAT_V73 case, deterministic.

Usage: make_v73.py NASA_FOLDER OUT.mat [TARGET_MB]
The NASA PCoE cells' charge and discharge samples (read with scipy), repeated until the numeric
data reach TARGET_MB (default 200), saved as MATLAB does with -v7.3 (hdf5storage, Debian's
python3-hdf5storage): one struct `timeseries` with column vectors cycle, time, voltage, current,
temperature (double). A MATLAB user saving a big table with -v7.3 gets this shape.
"""
import glob
import os
import sys

import numpy as np
import scipy.io
import hdf5storage


def main():
    folder, out = sys.argv[1], sys.argv[2]
    target = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    cols = {k: [] for k in ('cycle', 'time', 'voltage', 'current', 'temperature')}
    for f in sorted(glob.glob(os.path.join(folder, '*.mat'))):
        name = os.path.splitext(os.path.basename(f))[0]
        cycles = scipy.io.loadmat(f)[name]['cycle'][0, 0][0]
        for i, c in enumerate(cycles):
            if c['type'][0] not in ('charge', 'discharge'):
                continue
            d = c['data'][0, 0]
            n = d['Time'].size
            cols['cycle'].append(np.full(n, i + 1.0))
            cols['time'].append(d['Time'].ravel())
            cols['voltage'].append(d['Voltage_measured'].ravel())
            cols['current'].append(d['Current_measured'].ravel())
            cols['temperature'].append(d['Temperature_measured'].ravel())
    base = {k: np.concatenate(v).astype(np.float64) for k, v in cols.items()}
    per_copy = sum(v.nbytes for v in base.values())
    copies = max(1, int(target * 1024 * 1024 // per_copy))
    ts = {k: np.tile(v, copies).reshape(-1, 1) for k, v in base.items()}
    tmp = out[:-4] + '.part.mat'  # hdf5storage appends .mat to other names
    hdf5storage.savemat(tmp, {'timeseries': ts}, format='7.3', matlab_compatible=True, oned_as='column')
    os.replace(tmp, out)
    rows = ts['time'].shape[0]
    print(f"generated {out}: {os.path.getsize(out)} bytes, {rows} rows x {len(ts)} columns ({copies} copies of the NASA samples)")


if __name__ == '__main__':
    main()
