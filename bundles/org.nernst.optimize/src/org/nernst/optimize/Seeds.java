package org.nernst.optimize;

import java.util.SplittableRandom;

/**
 * Random streams derived from a run's seed and a position in the run (e.g. the number of
 * observations when a proposal was made), so a proposal never depends on what earlier proposals
 * drew and a resumed run repeats the uninterrupted one exactly.
 */
public final class Seeds {
    private Seeds() {
    }

    public static SplittableRandom at(long seed, long position, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + position * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
