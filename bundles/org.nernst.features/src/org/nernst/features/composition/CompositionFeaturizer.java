package org.nernst.features.composition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;

/**
 * The composition featurizer node: Magpie-style descriptors of one or more formula columns,
 * appended as FEATURE columns named {@code <column>_<property>_<statistic>}.
 *
 * @since 0.1
 */
public final class CompositionFeaturizer implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Table in = c.input("table", Table.class);
        List<String> properties = p.list("properties").isEmpty() ? ElementProperties.MAGPIE_DEFAULT : p.list("properties");
        CompositionFeatures features = new CompositionFeatures(ElementProperties.load(p.path("folder"), properties));
        boolean skip = "skip".equals(p.string("badFormula"));
        int n = in.rowCount();
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        List<String> bad = new ArrayList<>();
        List<Column> added = new ArrayList<>();
        for (String col : p.list("formulas")) {
            Column source = in.find(col).orElseThrow(() -> new DataException(in.name(), "column '" + col + "'",
                    "not found; the table has " + in.columnNames()));
            List<String> names = features.names(col + "_");
            double[][] values = new double[names.size()][n];
            for (int r = 0; r < n; r++) {
                if ((r & 0x3FF) == 0) {
                    c.monitor().checkCanceled();
                }
                double[] f;
                try {
                    f = features.compute(Formula.parse(source.format(r)));
                } catch (Formula.FormulaException e) {
                    if (!skip) {
                        throw new DataException(in.name(), "row " + (r + 1) + ", column '" + col + "'", e.getMessage()
                                + " (set badFormula=skip to leave such rows out)");
                    }
                    keep[r] = false;
                    bad.add("row " + (r + 1) + ": " + e.getMessage());
                    f = new double[names.size()];
                }
                for (int k = 0; k < f.length; k++) {
                    values[k][r] = f[k];
                }
            }
            for (int k = 0; k < names.size(); k++) {
                added.add(new DoubleColumn(names.get(k), "", Role.FEATURE, values[k]));
            }
        }
        Table out = in;
        for (Column col : added) {
            out = out.with(col);
        }
        if (!bad.isEmpty()) {
            out = out.filter(r -> keep[r]);
            c.warn(bad.size() + " rows left out for formulas that cannot be read, e.g. " + bad.subList(0, Math.min(3, bad.size())));
        }
        features.missing().forEach((prop, elements) -> c.warn("no " + prop + " value for " + elements
                + " in the element tables; descriptors of " + prop + " are NaN for formulas holding them"));
        c.info(added.size() + " composition descriptors for " + out.rowCount() + " rows");
        return Map.of("table", out);
    }
}
