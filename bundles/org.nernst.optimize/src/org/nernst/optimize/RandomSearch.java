package org.nernst.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.Parameters;
import org.nernst.core.optimize.Optimizer;

/**
 * Uniform random search, the baseline every optimizer must beat. Proposal {@code k} is drawn from a
 * stream seeded by the run's seed and {@code k}, so a resumed run repeats the uninterrupted one.
 *
 * @since 0.1
 */
public final class RandomSearch implements Optimizer {

    @Override
    public Optimizer.Session start(List<ParameterSpec> variables, Parameters parameters, long seed) {
        Space space = new Space(variables);
        return new Optimizer.Session() {
            private int observed;

            @Override
            public List<Map<String, Object>> propose(int count) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    SplittableRandom rng = Seeds.at(seed, observed + i, 3);
                    double[] u = new double[space.dimensions()];
                    for (int j = 0; j < u.length; j++) {
                        u[j] = rng.nextDouble();
                    }
                    out.add(space.decode(u));
                }
                return out;
            }

            @Override
            public void observe(Map<String, Object> point, double objective) {
                observed++;
            }
        };
    }
}
