package org.nernst.twin.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed experiment: steps and repeated blocks, in order. Build one with
 * {@link ExperimentParser#parse(String)}; the text it came from is what workflows save.
 *
 * @since 0.2
 */
public record Experiment(List<Item> items) {

    /** A step or a repeated block. */
    public sealed interface Item permits StepItem, Repeat {
    }

    /** One step. */
    public record StepItem(Step step) implements Item {
    }

    /** A block of items run {@code times} times; {@code line} is where the block starts. */
    public record Repeat(int line, int times, List<Item> body) implements Item {
        public Repeat {
            body = List.copyOf(body);
        }
    }

    public Experiment {
        items = List.copyOf(items);
    }

    /** Every step in the order run, repeats unrolled (for small experiments and tests). */
    public List<Step> unrolled() {
        List<Step> out = new ArrayList<>();
        unroll(items, out);
        return out;
    }

    private static void unroll(List<Item> items, List<Step> out) {
        for (Item i : items) {
            if (i instanceof StepItem s) {
                out.add(s.step());
            } else if (i instanceof Repeat r) {
                for (int k = 0; k < r.times(); k++) {
                    unroll(r.body(), out);
                }
            }
        }
    }

    /** Number of steps run, repeats counted (overflow saturates at Long.MAX_VALUE). */
    public long stepCount() {
        return count(items);
    }

    private static long count(List<Item> items) {
        long n = 0;
        for (Item i : items) {
            if (i instanceof StepItem) {
                n++;
            } else if (i instanceof Repeat r) {
                long inner = count(r.body());
                n = inner != 0 && r.times() > Long.MAX_VALUE / inner ? Long.MAX_VALUE : n + r.times() * inner;
            }
        }
        return n;
    }
}
