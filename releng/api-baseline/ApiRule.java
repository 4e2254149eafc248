import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.version.Version;

/**
 * Nernst's API rule on top of bnd's baselining, which tycho-baseline runs but which does not
 * enforce package versions below 1.0 (a removed public method in a 0.1.0 package passes with a
 * micro bump of the bundle). Here, for every API package (exported, not x-internal or x-friends)
 * of the baseline bundle: a MAJOR change (a member or type removed or changed incompatibly) needs
 * a higher major package version, a MINOR change (something added) a higher minor, a removed
 * package a higher major bundle version; 0.x gets no exception.
 * Usage: java -cp bndlib... ApiRule.java BASELINE.jar NEW.jar   (exit 1 on a violation)
 */
public class ApiRule {

    public static void main(String[] args) throws Exception {
        try (Processor reporter = new Processor(); Jar older = new Jar(new File(args[0])); Jar newer = new Jar(new File(args[1]))) {
            Map<String, Attrs> oldExports = exports(older);
            Baseline baseline = new Baseline(reporter, new DiffPluginImpl());
            List<String> violations = new ArrayList<>();
            Map<String, String> report = new TreeMap<>();
            for (Baseline.Info info : baseline.baseline(newer, older, null)) {
                Attrs attrs = oldExports.get(info.packageName);
                if (attrs == null || attrs.containsKey("x-internal:") && "true".equals(attrs.get("x-internal:"))
                        || attrs.containsKey("x-friends:")) {
                    continue; // not API in the baseline
                }
                Delta delta = info.packageDiff.getDelta();
                Version was = info.olderVersion;
                Version now = info.newerVersion;
                report.put(info.packageName, delta + " " + was + " -> " + now);
                String needed = switch (delta) {
                    case MAJOR -> now.getMajor() > was.getMajor() ? null : (was.getMajor() + 1) + ".0.0";
                    case MINOR -> now.compareTo(new Version(was.getMajor(), was.getMinor() + 1, 0)) >= 0 ? null
                            : was.getMajor() + "." + (was.getMinor() + 1) + ".0";
                    case REMOVED -> version(newer).getMajor() > version(older).getMajor() ? null
                            : "a major bundle version (" + (version(older).getMajor() + 1) + ".0.0)";
                    default -> null;
                };
                if (needed != null) {
                    violations.add(info.packageName + " " + was + " -> " + now + ": a " + delta + " change needs " + needed
                            + "; changes:\n" + changes(info.packageDiff, "    "));
                }
            }
            String bsn = newer.getBsn();
            report.forEach((p, r) -> System.out.println("api-rule: " + bsn + " " + p + ": " + r));
            if (violations.isEmpty()) {
                System.out.println("api-rule: " + bsn + ": every API package version follows its changes");
                return;
            }
            violations.forEach(v -> System.out.println("api-rule: VIOLATION " + bsn + " " + v));
            System.exit(1);
        }
    }

    private static Map<String, Attrs> exports(Jar jar) throws Exception {
        Parameters p = OSGiHeader.parseHeader(jar.getManifest().getMainAttributes().getValue("Export-Package"));
        Map<String, Attrs> m = new TreeMap<>();
        p.forEach((k, v) -> m.put(k, v));
        return m;
    }

    private static Version version(Jar jar) throws Exception {
        return Version.parseVersion(jar.getVersion()).getWithoutQualifier();
    }

    /** The removed and incompatibly changed members, one per line (what a plugin author would hit). */
    private static String changes(Diff diff, String indent) {
        StringBuilder sb = new StringBuilder();
        for (Diff child : diff.getChildren()) {
            Delta d = child.getDelta();
            if (d == Delta.REMOVED || d == Delta.MAJOR) {
                sb.append(indent).append(d).append(' ').append(child.getType()).append(' ').append(child.getName()).append('\n');
                if (d == Delta.MAJOR) {
                    sb.append(changes(child, indent + "  "));
                }
            }
        }
        return sb.toString();
    }
}
