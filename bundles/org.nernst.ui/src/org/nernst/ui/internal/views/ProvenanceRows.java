package org.nernst.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nernst.core.exec.Provenance;

/** A result's {@link Provenance} as (field, value) rows, one per parameter, input and bundle. */
public final class ProvenanceRows {

    /** One line of the provenance table. */
    public record Row(String field, String value) {
    }

    private ProvenanceRows() {
    }

    public static List<Row> of(Provenance p) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("workflow", p.workflow()));
        rows.add(new Row("workflow SHA-256", p.workflowHash()));
        rows.add(new Row("node", p.nodeId()));
        rows.add(new Row("node type", p.nodeType()));
        rows.add(new Row("output", p.port()));
        rows.add(new Row("output SHA-256", p.outputHash()));
        rows.add(new Row("seed", Long.toString(p.seed())));
        rows.add(new Row("started", p.started()));
        rows.add(new Row("duration", p.millis() + " ms"));
        add(rows, "parameter ", p.parameters());
        add(rows, "input SHA-256 ", p.inputHashes());
        add(rows, "bundle ", p.bundles());
        return rows;
    }

    private static void add(List<Row> rows, String prefix, Map<String, ?> values) {
        values.forEach((k, v) -> rows.add(new Row(prefix + k, v instanceof List<?> l
                ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(v))));
    }
}
