package org.nernst.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.nernst.core.exec.Result;
import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.PortSpec;

/**
 * Where the selected node's result came from: workflow and its hash, node, effective parameters,
 * the hashes of the inputs, seed and bundle versions; one output at a time.
 */
public final class ProvenanceView extends RowsView {
    public static final String ID = "org.nernst.ui.provenanceView";

    @Override
    protected String[] titles() {
        return new String[] { "Field", "Value" };
    }

    @Override
    protected int[] widths() {
        return new int[] { 200, 520 };
    }

    @Override
    protected List<String> ports() {
        List<String> out = new ArrayList<>();
        if (current() != null) {
            current().document().descriptor(current().nodeId()).map(NodeDescriptor::outputs).orElse(List.of())
                    .stream().map(PortSpec::name).forEach(out::add);
        }
        return out;
    }

    @Override
    protected List<String[]> rows(String port) {
        Result r = current().document().runState().entry(current().nodeId()).outputs().get(port);
        if (r == null) {
            return null;
        }
        return ProvenanceRows.of(r.provenance()).stream().map(x -> new String[] { x.field(), x.value() }).toList();
    }
}
