package org.nernst.features.composition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

import org.nernst.core.node.DataException;
import org.nernst.core.node.Node;
import org.nernst.core.node.NodeContext;
import org.nernst.core.node.Parameters;
import org.nernst.core.table.Column;
import org.nernst.core.table.ColumnType;
import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/**
 * The candidate-generation node: substitutions and doping grids derived from host compositions
 * (a table's formula column, or formulas typed as a parameter), filtered by allowed elements,
 * supply concentration (Magpie's HHIp) and charge balance, ready for the composition featurizer
 * and the screening node.
 *
 * @since 0.3
 */
public final class CompositionCandidatesNode implements Node {

    @Override
    public Map<String, Object> execute(NodeContext c) throws Exception {
        Parameters p = c.parameters();
        var folder = p.path("folder");
        ElementProperties props = ElementProperties.load(folder, List.of("Column", "HHIp"));
        OxidationStates ox = OxidationStates.load(folder);
        CompositionCandidates gen = new CompositionCandidates(props, ox);

        Optional<Table> hostTable = c.optionalInput("hosts", Table.class);
        String formulaColumn = p.string("formula");
        List<String> hosts = new ArrayList<>();
        if (hostTable.isPresent()) {
            Table t = hostTable.get();
            Column col = t.find(formulaColumn).orElseThrow(() -> new DataException(t.name(), "column '" + formulaColumn
                    + "'", "not found; the hosts table has " + t.columnNames() + " (set the 'formula' parameter)"));
            for (int r = 0; r < t.rowCount(); r++) {
                hosts.add(col.format(r));
            }
        } else {
            hosts.addAll(p.list("hosts"));
        }
        if (hosts.isEmpty()) {
            throw new DataException("parameters", "hosts", "no host composition: connect a table with a formula column "
                    + "or list formulas such as LiCoO2 in 'hosts'");
        }

        Set<Integer> fixed = symbols(p.list("fixed"), "fixed");
        Set<Integer> only = symbols(p.list("elements"), "elements");
        Set<Integer> excluded = symbols(p.list("exclude"), "exclude");
        double maxHhi = p.number("maxHhi");
        List<String> noSupplyFigure = new ArrayList<>();
        IntPredicate allowed = z -> {
            if (CompositionCandidates.radioactive(z) || props.value("Column", z) == 18 || excluded.contains(z)
                    || (!only.isEmpty() && !only.contains(z))) {
                return false;
            }
            if (maxHhi > 0) {
                double hhi = props.value("HHIp", z);
                if (Double.isNaN(hhi)) {
                    noSupplyFigure.add(CompositionCandidates.symbol(z));
                    return false;
                }
                return hhi <= maxHhi;
            }
            return true;
        };
        String mode = p.string("mode");
        var rule = CompositionCandidates.Rule.parse(p.string("rule"));
        double[] fractions = fractions(p.list("fractions"));
        Set<Integer> dopantList = symbols(p.list("dopants"), "dopants");
        boolean balance = p.bool("chargeBalance");
        long max = p.integer("maxCandidates");

        TableBuilder out = new TableBuilder("candidates").stringColumn("formula", Role.NONE).stringColumn("parent",
                Role.GROUP).stringColumn("change", Role.NONE).stringColumn("site", Role.NONE).stringColumn("substituents",
                        Role.NONE).doubleColumn("fraction", "", Role.NONE);
        List<Column> carried = new ArrayList<>();
        hostTable.ifPresent(t -> t.columns().stream().filter(col -> !col.name().equals(formulaColumn)
                && !List.of("parent", "change", "site", "substituents", "fraction").contains(col.name())).forEach(col -> {
                    carried.add(col);
                    out.column(col.name(), col.unit(), col.role(), col.type());
                }));
        int unbalanced = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (int h = 0; h < hosts.size(); h++) {
            c.monitor().checkCanceled();
            Formula host;
            try {
                host = Formula.parse(hosts.get(h));
            } catch (Formula.FormulaException e) {
                throw new DataException(hostTable.map(Table::name).orElse("parameters"), hostTable.isPresent()
                        ? "row " + (h + 1) + ", column '" + formulaColumn + "'" : "hosts[" + (h + 1) + "]", e.getMessage());
            }
            List<Integer> sites = sites(host, p.list("sites"), fixed);
            List<CompositionCandidates.Candidate> made = new ArrayList<>();
            if (!mode.equals("doping")) {
                made.addAll(gen.substitutions(host, sites, rule, allowed));
            }
            if (!mode.equals("substitution")) {
                for (int site : sites) {
                    List<Integer> dopants = dopantList.isEmpty() ? gen.partners(site, rule, allowed)
                            : dopantList.stream().filter(allowed::test).toList();
                    made.addAll(gen.doping(host, List.of(site), dopants, fractions, (int) p.integer("dopantsPerCandidate"),
                            p.number("maxDopant")));
                }
            }
            for (var cand : made) {
                if (balance && !ox.chargeBalancePossible(cand.amounts())) {
                    unbalanced++;
                    continue;
                }
                if (!seen.add(cand.formula() + "\u0000" + hosts.get(h))) {
                    continue;
                }
                if (out.rowCount() >= max) {
                    throw new DataException("parameters", "maxCandidates", "more than " + max + " candidates; narrow "
                            + "sites, dopants or fractions, or raise maxCandidates");
                }
                out.set(0, cand.formula()).set(1, hosts.get(h)).set(2, cand.change()).set(3, cand.site())
                        .set(4, cand.substituents()).set(5, cand.fraction());
                for (int k = 0; k < carried.size(); k++) {
                    Column col = carried.get(k);
                    if (col.type() == ColumnType.STRING) {
                        out.set(6 + k, col.format(h));
                    } else {
                        out.set(6 + k, col.asDouble(h));
                    }
                }
                out.endRow();
            }
        }
        if (unbalanced > 0) {
            c.warn(unbalanced + " candidates left out: no charge balance is possible within the elements' common "
                    + "oxidation states (set chargeBalance=false to keep them)");
        }
        if (!noSupplyFigure.isEmpty()) {
            c.warn("elements without a supply figure (HHIp) left out under maxHhi: "
                    + String.join(", ", new LinkedHashSet<>(noSupplyFigure)));
        }
        return Map.of("candidates", out.build());
    }

    private static List<Integer> sites(Formula host, List<String> given, Set<Integer> fixed) throws DataException {
        List<Integer> out = new ArrayList<>();
        if (given.isEmpty()) {
            host.amounts().keySet().stream().filter(z -> !fixed.contains(z)).forEach(out::add);
        } else {
            out.addAll(symbols(given, "sites"));
        }
        return out;
    }

    private static Set<Integer> symbols(List<String> names, String parameter) throws DataException {
        Set<Integer> out = new LinkedHashSet<>();
        for (String s : names) {
            int z = CompositionCandidates.atomicNumber(s);
            if (z <= 0) {
                throw new DataException("parameters", parameter, "'" + s + "' is not an element symbol (such as Co, Al, Mg)");
            }
            out.add(z);
        }
        return out;
    }

    private static double[] fractions(List<String> values) throws DataException {
        double[] x = new double[values.size()];
        for (int i = 0; i < x.length; i++) {
            try {
                x[i] = Double.parseDouble(values.get(i).trim());
            } catch (NumberFormatException e) {
                x[i] = Double.NaN;
            }
            if (!(x[i] > 0 && x[i] < 1)) {
                throw new DataException("parameters", "fractions[" + (i + 1) + "]", "'" + values.get(i)
                        + "' is not a fraction between 0 and 1 (exclusive)");
            }
        }
        return x;
    }
}
