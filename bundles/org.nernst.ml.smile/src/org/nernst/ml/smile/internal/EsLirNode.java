package org.nernst.ml.smile.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nernst.core.ml.CrossValidation;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/** The ES-LiR operation node; the search itself is {@link EsLirSearch}. */
public final class EsLirNode implements Node {

    @Override
    public void configure(Parameters p) {
        if (!p.string("target").isBlank() && p.list("features").contains(p.string("target"))) {
            throw new IllegalArgumentException("the target '" + p.string("target") + "' is also listed as a descriptor");
        }
    }

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        Table table = c.input("table", Table.class);
        String target = p.string("target");
        if (target.isBlank()) {
            List<Column> t = table.withRole(Role.TARGET);
            if (t.size() != 1) {
                throw new DataException(table.name(), "", "set the parameter 'target': the table has " + t.size()
                        + " TARGET columns");
            }
            target = t.get(0).name();
        }
        List<String> features = p.list("features");
        if (features.isEmpty()) {
            features = table.withRole(Role.FEATURE).stream().map(Column::name).toList();
        }
        features = distinct(table, features, c);
        TrainingSet data = TrainingSet.from(table, features, target);
        int folds = (int) p.integer("folds");
        String group = p.string("group");
        int[] fold = folds(table, group, folds, c.seed());
        EsLirSearch search = new EsLirSearch(data.x(), data.y(), fold);
        List<EsLirSearch.Level> levels = search.run((int) p.integer("maxDescriptors"), (int) p.integer("top"),
                p.integer("maxSubsets"), c.monitor());
        if (!levels.isEmpty() && levels.get(0).usable() < features.size()) {
            c.info((features.size() - levels.get(0).usable()) + " descriptors are constant and not searched");
        }
        String unit = table.column(target).unit();
        for (EsLirSearch.Level level : levels) {
            String best = level.best().isEmpty() ? "none" : String.format(Locale.ROOT, "%s, CV RMSE %.4g",
                    names(level.best().get(0).descriptors(), features), level.best().get(0).cvRmse());
            String msg = String.format(Locale.ROOT, "k = %d: %d subsets of %d descriptors (%d singular); best %s", level.k(),
                    level.subsets(), level.candidates(), level.singular(), best);
            if (level.candidates() < level.usable()) {
                c.warn(msg + "; screened from " + level.usable() + " to the " + level.candidates()
                        + " descriptors most correlated with " + target + " to stay within maxSubsets");
            } else {
                c.info(msg);
            }
        }
        return Map.of("models", modelsTable(levels, features, unit, table.name()), "weights",
                weightsTable(levels, features, table.name()));
    }

    /**
     * Leaves out descriptors whose values equal an earlier one's in every row (e.g. the maximum,
     * minimum and mode of a one-element formula): they would fill the top models with copies of the
     * same fit. Reported.
     */
    private static List<String> distinct(Table table, List<String> features, NodeContext c) {
        Map<Integer, List<double[]>> seen = new HashMap<>();
        List<String> kept = new ArrayList<>(), dropped = new ArrayList<>();
        for (String f : features) {
            if (table.find(f).map(col -> col.type() == ColumnType.STRING).orElse(true)) {
                kept.add(f); // missing or text: TrainingSet.from names the problem
                continue;
            }
            double[] v = table.doubles(f);
            List<double[]> same = seen.computeIfAbsent(java.util.Arrays.hashCode(v), h -> new ArrayList<>());
            if (same.stream().anyMatch(u -> java.util.Arrays.equals(u, v))) {
                dropped.add(f);
            } else {
                same.add(v);
                kept.add(f);
            }
        }
        if (!dropped.isEmpty()) {
            c.info(dropped.size() + " descriptors repeat an earlier column exactly and are left out, e.g. "
                    + dropped.subList(0, Math.min(5, dropped.size())));
        }
        return kept;
    }

    /**
     * The folds of the cross-validate node for the same k and seed (k-fold, or group k-fold when a
     * group column is named), so ES-LiR's CV error of a subset equals what that node reports for
     * ordinary least squares on it.
     */
    static int[] folds(Table table, String group, int k, long seed) throws DataException {
        if (group.isBlank()) {
            return CrossValidation.assignFolds(CrossValidation.Scheme.KFOLD, table.rowCount(), k, null, seed, table.name());
        }
        Column g = table.find(group).orElseThrow(() -> new DataException(table.name(), "column '" + group + "'",
                "no such group column; the table has " + table.columnNames()));
        String[] groups = new String[table.rowCount()];
        for (int r = 0; r < groups.length; r++) {
            groups[r] = g.format(r);
        }
        return CrossValidation.assignFolds(CrossValidation.Scheme.GROUP_KFOLD, groups.length, k, groups, seed,
                table.name());
    }

    private static String names(int[] descriptors, List<String> features) {
        List<String> out = new ArrayList<>();
        for (int j : descriptors) {
            out.add(features.get(j));
        }
        return String.join(" + ", out);
    }

    private static Table modelsTable(List<EsLirSearch.Level> levels, List<String> features, String unit, String name) {
        TableBuilder b = new TableBuilder(name + " ES-LiR models").longColumn("k", "", Role.NONE)
                .longColumn("rank", "", Role.NONE).stringColumn("descriptors", Role.NONE)
                .doubleColumn("cv_rmse", unit, Role.NONE).doubleColumn("train_rmse", unit, Role.NONE)
                .doubleColumn("intercept", unit, Role.NONE).stringColumn("coefficients", Role.NONE)
                .longColumn("descriptors_searched", "", Role.NONE).longColumn("subsets", "", Role.NONE);
        for (EsLirSearch.Level level : levels) {
            int rank = 1;
            for (EsLirSearch.Model m : level.best()) {
                List<String> terms = new ArrayList<>();
                for (int i = 0; i < m.k(); i++) {
                    terms.add(String.format(Locale.ROOT, "%s=%.6g", features.get(m.descriptors()[i]), m.coefficients()[i]));
                }
                b.set(0, (long) m.k()).set(1, (long) rank++).set(2, names(m.descriptors(), features)).set(3, m.cvRmse())
                        .set(4, m.trainRmse()).set(5, m.intercept()).set(6, String.join("; ", terms))
                        .set(7, (long) level.candidates()).set(8, level.subsets()).endRow();
            }
        }
        return b.build();
    }

    /** The weight diagram: per k, how many of the kept models hold each descriptor (those with none are left out). */
    private static Table weightsTable(List<EsLirSearch.Level> levels, List<String> features, String name) {
        TableBuilder b = new TableBuilder(name + " ES-LiR weight diagram").longColumn("k", "", Role.NONE)
                .stringColumn("descriptor", Role.NONE).longColumn("appearances", "", Role.NONE)
                .doubleColumn("share", "", Role.NONE);
        for (EsLirSearch.Level level : levels) {
            Map<Integer, Integer> count = new LinkedHashMap<>();
            for (EsLirSearch.Model m : level.best()) {
                for (int j : m.descriptors()) {
                    count.merge(j, 1, Integer::sum);
                }
            }
            count.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> b.set(0, (long) level.k()).set(1, features.get(e.getKey())).set(2, (long) e.getValue())
                            .set(3, e.getValue() / (double) level.best().size()).endRow());
        }
        return b.build();
    }
}
