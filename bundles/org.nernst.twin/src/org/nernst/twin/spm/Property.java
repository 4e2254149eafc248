package org.nernst.twin.spm;

/**
 * A material property that may depend on one state variable {@code x} (stoichiometry for particle
 * properties, electrolyte concentration in mol/m³ for electrolyte properties) and on temperature
 * (K), as BPX allows: a number, an expression or a table. Arrhenius factors given by separate
 * activation energies are applied by the model, not here. Implementations are immutable.
 */
@FunctionalInterface
public interface Property {
    /** The value at {@code x} and temperature {@code temperatureK}. */
    double at(double x, double temperatureK);

    /** A property that does not vary. */
    static Property constant(double value) {
        return new Constant(value);
    }

    /** A constant property (so models can tell and skip re-evaluating it). */
    record Constant(double value) implements Property {
        @Override
        public double at(double x, double temperatureK) {
            return value;
        }
    }

    /**
     * A tabulated property: linear between the points, constant beyond the ends (BPX's
     * {@code {"x": [...], "y": [...]}}). {@code xs} strictly increasing, at least two points.
     */
    record Table(double[] xs, double[] ys) implements Property {
        public Table {
            if (xs.length != ys.length || xs.length < 2) {
                throw new IllegalArgumentException("a table needs as many x as y values, at least two");
            }
            for (int i = 1; i < xs.length; i++) {
                if (!(xs[i] > xs[i - 1])) {
                    throw new IllegalArgumentException("table x values must increase strictly (index " + i + ")");
                }
            }
            xs = xs.clone();
            ys = ys.clone();
        }

        @Override
        public double at(double x, double temperatureK) {
            int n = xs.length;
            if (x <= xs[0]) {
                return ys[0];
            }
            if (x >= xs[n - 1]) {
                return ys[n - 1];
            }
            int lo = 0;
            int hi = n - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (xs[mid] <= x) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double w = (x - xs[lo]) / (xs[hi] - xs[lo]);
            return ys[lo] + w * (ys[hi] - ys[lo]);
        }

        @Override
        public double[] xs() {
            return xs.clone();
        }

        @Override
        public double[] ys() {
            return ys.clone();
        }
    }
}
