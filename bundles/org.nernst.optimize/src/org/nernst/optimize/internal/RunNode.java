package org.nernst.optimize.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Table;
import org.nernst.optimize.Objective;
import org.nernst.optimize.OptimizationRun;
import org.nernst.optimize.Space;

/**
 * {@code org.nernst.optimize.run}: runs any optimizer contribution by id against an objective: a
 * table of measured or simulated results (each proposal is scored by its nearest row, the way a lab
 * import answers) or the sphere test function.
 */
public final class RunNode implements Node {

    @Override
    public void configure(Parameters p) {
        try {
            Space.parse(p.string("variables"));
        } catch (IllegalArgumentException e) {
            // name the parameter, as every configure error does (the editor marks that field)
            throw new IllegalArgumentException("parameter 'variables': " + e.getMessage(), e);
        }
        if (p.string("objective").equals("table") && p.string("objectiveColumn").isBlank()) {
            throw new IllegalArgumentException("objective 'table' needs objectiveColumn");
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Space space = Space.parse(p.string("variables"));
        Objective objective = switch (p.string("objective")) {
            case "sphere" -> sphere(space);
            default -> nearestRow(c.input("observations", Table.class), space, p.string("objectiveColumn"),
                    p.bool("maximize"));
        };
        String id = p.string("optimizer");
        OptimizationRun run = Results.configure(new OptimizationRun(id, Optimizers.create(id), space.variables(), p, c.seed()),
                p, c);
        OptimizationRun.Result r = run.run(objective, c.monitor());
        return Map.of("history", r.history(), "best", Results.best(r, Map.of()));
    }

    /** Σ (u − 0.3)² over the unit-cube coordinates of the numeric variables: minimum 0 at 30 % of each range. */
    private static Objective sphere(Space space) {
        return (point, monitor) -> {
            double s = 0;
            for (int i = 0; i < space.variables().size(); i++) {
                ParameterSpec v = space.variables().get(i);
                if (v.type() == ParameterType.DOUBLE || v.type() == ParameterType.INTEGER) {
                    double x = ((Number) point.get(v.name())).doubleValue();
                    double t = (x - v.min()) / Math.max(1e-300, v.max() - v.min()) - 0.3;
                    s += t * t;
                }
            }
            return Objective.Evaluation.of(s);
        };
    }

    private static Objective nearestRow(Table t, Space space, String column, boolean maximize) throws DataException {
        double[] y = t.doubles(column);
        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            java.util.Map<String, Object> point = new java.util.LinkedHashMap<>();
            for (ParameterSpec v : space.variables()) {
                var col = t.find(v.name()).orElseThrow(() -> new DataException("observations", "column '" + v.name() + "'",
                        "is missing; the table needs one column per variable"));
                point.put(v.name(), v.type() == ParameterType.DOUBLE || v.type() == ParameterType.INTEGER
                        ? (Object) col.asDouble(r) : col.format(r));
            }
            try {
                rows.add(space.encode(point));
            } catch (IllegalArgumentException e) {
                throw new DataException("observations", "row " + (r + 1), e.getMessage());
            }
        }
        return (point, monitor) -> {
            double[] u = space.encode(point);
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int r = 0; r < rows.size(); r++) {
                double d = 0;
                for (int k = 0; k < u.length; k++) {
                    double e = u[k] - rows.get(r)[k];
                    d += e * e;
                }
                if (d < bestD && Double.isFinite(y[r])) {
                    bestD = d;
                    best = r;
                }
            }
            if (best < 0) {
                throw new DataException("observations", "column '" + column + "'", "has no finite value");
            }
            return new Objective.Evaluation(maximize ? -y[best] : y[best], true, "row " + (best + 1));
        };
    }
}
