package org.nernst.ui.internal.views;

import java.util.List;

import org.nernst.core.node.Metrics;
import org.nernst.core.node.PortType;
import org.nernst.core.table.Table;
import org.nernst.ui.internal.editor.NodeSelection;

/**
 * The metrics of the selected node (a cross-validation, an evaluation): one row per value, with
 * its section, and errors in the unit of the evaluated target.
 */
public final class MetricsView extends RowsView {
    public static final String ID = "org.nernst.ui.metricsView";

    @Override
    protected String[] titles() {
        return new String[] { "Section", "Metric", "Value", "Unit" };
    }

    @Override
    protected int[] widths() {
        return new int[] { 140, 150, 140, 70 };
    }

    @Override
    protected boolean accepts(NodeSelection s) {
        return !Outputs.ports(s, PortType.METRICS).isEmpty();
    }

    @Override
    protected List<String> ports() {
        return Outputs.ports(current(), PortType.METRICS);
    }

    @Override
    protected List<String[]> rows(String port) {
        if (!(Outputs.value(current(), port) instanceof Metrics m)) {
            return null;
        }
        return MetricRows.of(m, targetUnit(m)).stream()
                .map(r -> new String[] { r.section(), r.metric(), r.value(), r.unit() }).toList();
    }

    /** The unit of the metrics' {@code target} column, from a table output of the same node. */
    private String targetUnit(Metrics m) {
        if (!(m.values().get("target") instanceof String target)) {
            return "";
        }
        for (String port : Outputs.ports(current(), PortType.TABLE)) {
            if (Outputs.value(current(), port) instanceof Table t && t.find(target).isPresent()) {
                return t.column(target).unit();
            }
        }
        return "";
    }
}
