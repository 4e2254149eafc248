package org.nernst.data.mat.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/** Reads the attributes and shapes by which MATLAB marks its values in a v7.3 file. */
final class Mat73Attributes {
    private Mat73Attributes() {
    }

    static boolean isEmptyMarker(Node n) {
        Attribute a = n.getAttribute("MATLAB_empty");
        if (a == null) {
            return false;
        }
        Object v = a.getData();
        if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) > 0) {
            v = java.lang.reflect.Array.get(v, 0);
        }
        return v instanceof Number num && num.longValue() != 0;
    }

    /** MATLAB dimensions: HDF5's reversed, at least two (call after the size check: huge dimensions overflow). */
    static int[] dims(Dataset d) {
        int[] h = d.isScalar() ? new int[0] : d.getDimensions();
        int[] m = new int[Math.max(2, h.length)];
        java.util.Arrays.fill(m, 1);
        for (int i = 0; i < h.length; i++) {
            m[i] = h[h.length - 1 - i];
        }
        return m;
    }

    static List<String> fieldOrder(Group g, Set<String> children) {
        Set<String> order = new LinkedHashSet<>();
        try {
            Attribute a = g.getAttribute("MATLAB_fields");
            if (a != null && a.getData() instanceof Object[] names) {
                for (Object n : names) {
                    order.add(joined(n));
                }
            }
        } catch (RuntimeException e) {
            order.clear(); // the order is a nicety: fall back to the children's
        }
        if (!order.equals(children)) {
            return new ArrayList<>(children);
        }
        return new ArrayList<>(order);
    }

    private static String joined(Object n) {
        if (n instanceof String s) {
            return s;
        }
        if (n instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        }
        StringBuilder b = new StringBuilder();
        if (n != null && n.getClass().isArray()) {
            for (int i = 0; i < java.lang.reflect.Array.getLength(n); i++) {
                b.append(joined(java.lang.reflect.Array.get(n, i)));
            }
        } else {
            b.append(n);
        }
        return b.toString();
    }

    static String text(Attribute a) {
        if (a == null) {
            return null;
        }
        Object v = a.getData();
        if (v != null && v.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(v) == 0 ? "" : joined(v);
        }
        return v == null ? null : v.toString();
    }
}
