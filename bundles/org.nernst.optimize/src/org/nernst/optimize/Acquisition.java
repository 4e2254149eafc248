package org.nernst.optimize;

import org.hipparchus.special.Erf;

/**
 * Acquisition functions for minimization, larger is better: expected improvement, probability of
 * improvement (both over the best observation, less a margin {@code xi}) and the upper confidence
 * bound, written for minimization as the negated lower bound {@code −(μ − κσ)}.
 *
 * @since 0.1
 */
public enum Acquisition {
    EI, UCB, PI;

    public static Acquisition parse(String s) {
        return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public double value(double mean, double std, double best, double xi, double kappa) {
        return switch (this) {
            case UCB -> -(mean - kappa * std);
            case PI -> cdf((best - xi - mean) / std);
            case EI -> {
                double imp = best - xi - mean;
                double z = imp / std;
                yield imp * cdf(z) + std * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            }
        };
    }

    private static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }
}
