package org.nernst.ml.smile.internal;

/** Feature importances scaled to sum to 1 (all zero stays all zero). */
final class Importance {
    private Importance() {
    }

    static double[] normalized(double[] raw) {
        double sum = 0;
        for (double v : raw) {
            sum += v;
        }
        double[] out = new double[raw.length];
        for (int j = 0; j < raw.length; j++) {
            out[j] = sum > 0 ? raw[j] / sum : 0;
        }
        return out;
    }
}
