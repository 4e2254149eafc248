import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Removes the jar signatures from the jars the JVM's own class loaders read at start-up: the Equinox
 * launcher ({@code -jar}) and the OSGi framework with its framework extensions (read by the
 * launcher's URLClassLoader). Two reasons, both measured on the product (issue 6, first window):
 * <ul>
 * <li>the JDK's ahead-of-time cache ({@code -XX:AOTCache}, written by the {@code nernst-ui} launcher)
 * never stores classes from signed jars, so the framework's ~550 classes were parsed and verified at
 * every start;</li>
 * <li>the URLClassLoader verifies the PKCS#7 signature and every class's digest as it loads them.</li>
 * </ul>
 * Classes and resources are copied byte for byte; only {@code META-INF/*.SF|RSA|DSA|EC} and the
 * per-entry digest sections of the manifest go (the main section, with the OSGi headers, is kept).
 * Bundles loaded by the framework itself are left signed: Equinox does not verify them at run time,
 * and p2 checks signatures when it installs, not when the product starts.
 * <p>
 * Usage: {@code java UnsignStartupJars.java PRODUCT_DIR} (run by the product build after the product
 * is materialized). Each jar is rewritten to a temporary file and moved over the original in one
 * step. Exits non-zero, naming the jar, if an expected jar is missing.
 */
public final class UnsignStartupJars {
    /** Bundle symbolic names whose jars are read by the launcher's class loader. */
    private static final List<String> PREFIXES = List.of("org.eclipse.equinox.launcher_", "org.eclipse.osgi_",
            "org.eclipse.osgi.compatibility.state_");

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UnsignStartupJars.java PRODUCT_DIR");
            System.exit(2);
        }
        Path plugins = Path.of(args[0], "plugins");
        for (String prefix : PREFIXES) {
            List<Path> jars = new ArrayList<>();
            try (var s = Files.list(plugins)) {
                s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".jar"))
                        .forEach(jars::add);
            }
            if (jars.isEmpty()) {
                System.err.println("UnsignStartupJars: no " + prefix + "*.jar in " + plugins);
                System.exit(1);
            }
            for (Path jar : jars) {
                int removed = unsign(jar);
                System.out.println("UnsignStartupJars: " + plugins.relativize(jar) + ": " + removed
                        + " signature files and digest sections removed");
            }
        }
    }

    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    private static int unsign(Path jar) throws IOException {
        Path tmp = Files.createTempFile(jar.getParent(), ".unsign-", ".jar");
        int removed = 0;
        try (JarFile in = new JarFile(jar.toFile(), false); OutputStream raw = Files.newOutputStream(tmp);
                JarOutputStream out = new JarOutputStream(raw)) {
            Enumeration<JarEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String name = e.getName();
                if (isSignatureFile(name)) {
                    removed++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                if (name.equals(JarFile.MANIFEST_NAME)) {
                    Manifest m;
                    try (InputStream s = in.getInputStream(e)) {
                        m = new Manifest(s);
                    }
                    removed += stripDigests(m);
                    out.putNextEntry(copy);
                    m.write(out);
                } else {
                    out.putNextEntry(copy);
                    try (InputStream s = in.getInputStream(e)) {
                        s.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException ex) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot rewrite " + jar + ": " + ex.getMessage(), ex);
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return removed;
    }

    /** Drops the digest attributes of the per-entry sections, and sections left empty; returns how many sections went. */
    private static int stripDigests(Manifest m) {
        int sections = 0;
        var it = m.getEntries().entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Attributes> section = it.next();
            section.getValue().keySet().removeIf(k -> k.toString().toUpperCase(java.util.Locale.ROOT).endsWith("-DIGEST"));
            if (section.getValue().isEmpty()) {
                it.remove();
                sections++;
            }
        }
        return sections;
    }
}
