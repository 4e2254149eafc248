package org.nernst.data.cycler;

/**
 * Infers steps and cycles from the current when a file does not carry them. Each sample is
 * charging ({@code I > threshold}), discharging ({@code I < -threshold}) or resting; a step is a run
 * of samples in one state (a short excursion is a step too: nothing is smoothed away). A cycle
 * begins at the first step and at every charge step that follows a discharge, the convention of
 * Arbin and BEEP; inferred steps and cycles are numbered from 1.
 *
 * @since 0.1
 */
public final class Segmentation {
    private Segmentation() {
    }

    /** The rest threshold used when none is given: 0.1 % of the largest |current| in the file, at least 1 nA. */
    public static double autoThreshold(double[] current) {
        double max = 0;
        for (double i : current) {
            if (Math.abs(i) > max) {
                max = Math.abs(i);
            }
        }
        return Math.max(1e-9, max * 1e-3);
    }

    /** -1 discharge, 0 rest, +1 charge; a missing current counts as rest. */
    public static int state(double current, double threshold) {
        return current > threshold ? 1 : current < -threshold ? -1 : 0;
    }

    public static double[] steps(double[] current, double threshold) {
        double[] step = new double[current.length];
        int s = 0, prev = Integer.MIN_VALUE;
        for (int i = 0; i < current.length; i++) {
            int st = state(current[i], threshold);
            if (st != prev) {
                s++;
                prev = st;
            }
            step[i] = s;
        }
        return step;
    }

    /** Cycle numbers from the current, using the given step boundaries (a change of {@code step} value). */
    public static double[] cycles(double[] current, double[] step, double threshold) {
        double[] cycle = new double[current.length];
        int c = current.length == 0 ? 0 : 1;
        boolean dischargedInCycle = false;
        int stepState = 0;
        for (int i = 0; i < current.length; i++) {
            boolean newStep = i == 0 || step[i] != step[i - 1];
            if (newStep) {
                stepState = stepState(current, step, i, threshold);
                if (i > 0 && stepState > 0 && dischargedInCycle) {
                    c++;
                    dischargedInCycle = false;
                }
                if (stepState < 0) {
                    dischargedInCycle = true;
                }
            }
            cycle[i] = c;
        }
        return cycle;
    }

    /** The state of the step starting at {@code from}: the sign of its mean current. */
    private static int stepState(double[] current, double[] step, int from, double threshold) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < current.length && step[i] == step[from]; i++) {
            if (!Double.isNaN(current[i])) {
                sum += current[i];
                n++;
            }
        }
        return n == 0 ? 0 : state(sum / n, threshold);
    }
}
