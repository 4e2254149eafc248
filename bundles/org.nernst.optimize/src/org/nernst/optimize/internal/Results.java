package org.nernst.optimize.internal;

import java.nio.file.Path;
import java.util.Map;

import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;
import org.nernst.optimize.OptimizationRun;

/** Shared pieces of the optimization nodes. */
final class Results {
    private Results() {
    }

    static OptimizationRun configure(OptimizationRun run, Parameters p, NodeContext c) {
        run.budget((int) p.integer("budget")).batch((int) p.integer("batch")).log(c::info);
        if (p.has("maxSeconds") && p.number("maxSeconds") > 0) {
            run.maxSeconds(p.number("maxSeconds"));
        }
        String history = p.has("history") ? p.string("history").strip() : "";
        if (!history.isEmpty()) {
            run.history(Path.of(history));
        }
        return run;
    }

    /** One row: the best feasible point, its objective and a note. */
    static Table best(OptimizationRun.Result r, Map<String, String> extra) {
        TableBuilder b = new TableBuilder("best");
        int n = 0;
        for (String k : r.best().keySet()) {
            b.stringColumn(k, Role.FEATURE);
            n++;
        }
        b.doubleColumn("objective", "", Role.TARGET);
        b.longColumn("evaluations", "", Role.NONE);
        b.longColumn("resumed", "", Role.NONE);
        for (String k : extra.keySet()) {
            b.stringColumn(k, Role.NONE);
        }
        int c = 0;
        for (Object v : r.best().values()) {
            b.set(c++, String.valueOf(v));
        }
        b.set(c++, r.bestValue()).set(c++, (long) r.evaluated()).set(c++, (long) r.resumed());
        for (String v : extra.values()) {
            b.set(c++, v);
        }
        if (n >= 0) {
            b.endRow();
        }
        return b.build();
    }
}
