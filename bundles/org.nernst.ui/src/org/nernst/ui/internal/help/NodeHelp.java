package org.nernst.ui.internal.help;

import java.util.ArrayList;
import java.util.List;

import org.nernst.core.node.NodeDescriptor;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.PortSpec;

/** What the Help view says about a node type, as plain data (so it can be checked without a display). */
public final class NodeHelp {
    private NodeHelp() {
    }

    /** Columns of the parameter table. */
    public static final String[] COLUMNS = { "parameter", "type", "range / choices", "default", "description" };

    /** One row per parameter: name, type, range or choices, default, description. */
    public static List<String[]> parameterRows(NodeDescriptor d) {
        List<String[]> rows = new ArrayList<>();
        for (ParameterSpec p : d.parameters()) {
            rows.add(new String[] { p.name(), p.type().label(), range(p),
                    p.defaultValue() == null ? (p.required() ? "(required)" : "") : display(p.defaultValue()),
                    p.description() });
        }
        return rows;
    }

    /** {@code 1 … 5000}, {@code ≥ 0}, {@code auto | comma | tab}, or empty. */
    public static String range(ParameterSpec p) {
        if (!p.choices().isEmpty()) {
            return String.join(" | ", p.choices());
        }
        if (p.min() != null && p.max() != null) {
            return num(p.min()) + " … " + num(p.max());
        }
        if (p.min() != null) {
            return "≥ " + num(p.min());
        }
        if (p.max() != null) {
            return "≤ " + num(p.max());
        }
        return "";
    }

    /** The heading and description, then inputs and outputs with their types. */
    public static String text(NodeDescriptor d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.label()).append('\n');
        sb.append(d.id()).append(" · ").append(d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (d.category() != null && !d.category().isBlank()) {
            sb.append(" · ").append(d.category());
        }
        sb.append(" · from ").append(d.contributor()).append("\n\n");
        sb.append(d.description().strip()).append("\n");
        ports(sb, "Inputs", d.inputs());
        ports(sb, "Outputs", d.outputs());
        if (d.parameters().isEmpty()) {
            sb.append("\nNo parameters.\n");
        }
        return sb.toString();
    }

    private static void ports(StringBuilder sb, String title, List<PortSpec> ports) {
        if (ports.isEmpty()) {
            return;
        }
        sb.append('\n').append(title).append('\n');
        for (PortSpec p : ports) {
            sb.append("  • ").append(p.name()).append(" (").append(p.type()).append(p.optional() ? ", optional" : "")
                    .append(')');
            if (!p.description().isBlank()) {
                sb.append(" — ").append(p.description().strip());
            }
            sb.append('\n');
        }
    }

    private static String display(Object v) {
        return v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
    }

    private static String num(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        // 1e-08 reads better than Java's 1.0E-8; 0.05 stays 0.05
        return Math.abs(d) < 1e-3 || Math.abs(d) >= 1e15
                ? String.format(java.util.Locale.ROOT, "%.3g", d).replaceFirst("\\.?0+e", "e")
                : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
