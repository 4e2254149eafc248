package org.nernst.core.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.nernst.core.ml.ConfiguredEstimator;
import org.nernst.core.node.Figure;
import org.nernst.core.node.Metrics;
import org.nernst.core.table.Column;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/**
 * Content hashes (SHA-256) of values that flow through a workflow, for provenance.
 *
 * @since 0.1
 */
public final class Hashing {
    private Hashing() {
    }

    public static String sha256(byte[] data) {
        MessageDigest md = digest();
        md.update(data);
        return HexFormat.of().formatHex(md.digest());
    }

    public static String of(Object value) {
        MessageDigest md = digest();
        switch (value) {
            case Table t -> table(md, t);
            case Figure f -> md.update(f.png());
            case Metrics m -> md.update(m.toString().getBytes(StandardCharsets.UTF_8));
            case ConfiguredEstimator e -> md.update((e.descriptor().id() + e.parameters().asMap())
                    .getBytes(StandardCharsets.UTF_8));
            case byte[] b -> md.update(b);
            case java.io.Serializable s -> {
                try (ByteArrayOutputStream bos = new ByteArrayOutputStream();
                        ObjectOutputStream oos = new ObjectOutputStream(bos)) {
                    oos.writeObject(s);
                    oos.flush();
                    md.update(bos.toByteArray());
                } catch (IOException e) {
                    md.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> md.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void table(MessageDigest md, Table t) {
        ByteBuffer buf = ByteBuffer.allocate(8);
        for (Column c : t.columns()) {
            md.update(c.header().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            for (int r = 0; r < c.size(); r++) {
                switch (c) {
                    case DoubleColumn d -> md.update(buf.clear().putDouble(d.get(r)).array());
                    case LongColumn l -> md.update(buf.clear().putLong(l.get(r)).array());
                    case StringColumn s -> {
                        String v = s.get(r);
                        md.update(v == null ? new byte[] { 1 } : v.getBytes(StandardCharsets.UTF_8));
                        md.update((byte) 0);
                    }
                }
            }
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
