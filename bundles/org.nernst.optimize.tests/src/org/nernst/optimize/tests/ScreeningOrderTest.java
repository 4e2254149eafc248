package org.nernst.optimize.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nernst.optimize.Screening;

/**
 * {@link Screening#order} (a radix sort) gives exactly the permutation of a stable sort of the
 * indices by {@code Double.compare}, largest first: ties by ascending index, NaN first, 0.0 before
 * −0.0, infinities at the ends.
 */
class ScreeningOrderTest {
    /** The definition: boxed indices, stable merge sort, descending Double.compare. */
    private static int[] reference(double[] score) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[b], score[a]));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void smallCasesByHand() {
        assertArrayEquals(new int[0], Screening.order(new double[0]));
        assertArrayEquals(new int[] { 0 }, Screening.order(new double[] { Double.NaN }));
        double nan2 = Double.longBitsToDouble(0xfff0000000000123L); // a NaN with the sign bit and another payload
        double[] s = { 1.0, -0.0, Double.NEGATIVE_INFINITY, 0.0, nan2, Double.POSITIVE_INFINITY, 1.0, -5e-324,
                Double.NaN, 4.9e-324, -1.0, 1.0 };
        // NaNs (all equal to Double.compare) by index, +inf, the three 1.0 by index, the smallest positive
        // subnormal, 0.0 before -0.0, the largest negative subnormal, -1, -inf
        assertArrayEquals(new int[] { 4, 8, 5, 0, 6, 11, 9, 3, 1, 7, 10, 2 }, Screening.order(s));
        assertArrayEquals(reference(s), Screening.order(s));
    }

    @Test
    void equalsTheStableComparatorOrderOnRandomScores() {
        SplittableRandom rng = new SplittableRandom(7);
        double[] special = { Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L), Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
                -Double.MAX_VALUE, Double.MIN_NORMAL, 1.0, Math.nextUp(1.0), Math.nextDown(1.0) };
        for (int n : new int[] { 1, 2, 3, 17, 1000, 2049, 100_000 }) {
            for (int kind = 0; kind < 4; kind++) {
                double[] s = new double[n];
                for (int i = 0; i < n; i++) {
                    s[i] = switch (kind) {
                        case 0 -> rng.nextGaussian() * Math.pow(10, rng.nextInt(-300, 300)); // all exponents, both signs
                        case 1 -> rng.nextInt(5) - 2; // a few values: long runs of ties
                        case 2 -> rng.nextInt(4) == 0 ? special[rng.nextInt(special.length)] : rng.nextDouble() - 0.5;
                        default -> Math.nextUp(1.0) + rng.nextInt(3000) * Math.ulp(1.0); // differ in the low bits only
                    };
                }
                assertArrayEquals(reference(s), Screening.order(s), "n " + n + ", kind " + kind);
            }
        }
    }

    @Test
    void allScoresEqualKeepTheIndexOrder() {
        double[] s = new double[5000];
        Arrays.fill(s, 0.25);
        int[] o = Screening.order(s);
        for (int i = 0; i < s.length; i++) {
            assertEquals(i, o[i]);
        }
    }
}
