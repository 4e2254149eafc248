package org.nernst.features.composition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Candidate compositions derived from a host formula for screening and inverse design: element
 * substitutions (a site element replaced by elements of the same group and/or sharing a common
 * oxidation state) and fractional doping grids (a share x of a site replaced by one or two
 * dopants). Group and oxidation states come from the Magpie tables the user points at
 * ({@code Column.table}, {@code OxidationStates.table}); nothing about elements is typed in here
 * except which are radioactive.
 *
 * @since 0.3
 */
public final class CompositionCandidates {

    /** How a substituent must relate to the element it replaces. */
    public enum Rule {
        GROUP, OXIDATION, GROUP_AND_OXIDATION, GROUP_OR_OXIDATION;

        public static Rule parse(String s) {
            return switch (s) {
                case "group" -> GROUP;
                case "oxidation" -> OXIDATION;
                case "groupAndOxidation" -> GROUP_AND_OXIDATION;
                case "groupOrOxidation" -> GROUP_OR_OXIDATION;
                default -> throw new IllegalArgumentException("rule '" + s
                        + "': expected group, oxidation, groupAndOxidation or groupOrOxidation");
            };
        }
    }

    /** One derived composition: its formula, what was changed, the site, the new elements and x. */
    public record Candidate(String formula, Map<Integer, Double> amounts, String change, String site,
            String substituents, double fraction) {
    }

    private final ElementProperties columns;
    private final OxidationStates oxidation;

    /** @param columns element properties holding at least {@code Column} (periodic-table group) */
    public CompositionCandidates(ElementProperties columns, OxidationStates oxidation) {
        if (!columns.properties().contains("Column")) {
            throw new IllegalArgumentException("the element properties must include Column (the periodic-table group)");
        }
        this.columns = columns;
        this.oxidation = oxidation;
    }

    /** Technetium, promethium and everything from polonium on have no stable isotope. */
    public static boolean radioactive(int z) {
        return z == 43 || z == 61 || z >= 84;
    }

    public static String symbol(int z) {
        return Formula.SYMBOLS.get(z);
    }

    /** Atomic number of a symbol, or -1. */
    public static int atomicNumber(String symbol) {
        return Formula.SYMBOLS.indexOf(symbol.trim());
    }

    /** Elements (by increasing Z) that may replace {@code site} under the rule and the allowed list. */
    public List<Integer> partners(int site, Rule rule, IntPredicate allowed) {
        List<Integer> out = new ArrayList<>();
        double group = columns.value("Column", site);
        for (int z = 1; z < Formula.SYMBOLS.size(); z++) {
            if (z == site || !allowed.test(z)) {
                continue;
            }
            boolean sameGroup = !Double.isNaN(group) && group == columns.value("Column", z);
            boolean sharesState = oxidation.share(site, z);
            boolean ok = switch (rule) {
                case GROUP -> sameGroup;
                case OXIDATION -> sharesState;
                case GROUP_AND_OXIDATION -> sameGroup && sharesState;
                case GROUP_OR_OXIDATION -> sameGroup || sharesState;
            };
            if (ok) {
                out.add(z);
            }
        }
        return out;
    }

    /**
     * Every single substitution of one site element by a partner. A partner already in the host is
     * skipped: merging two sites changes the structure type, which is not a substitution.
     */
    public List<Candidate> substitutions(Formula host, List<Integer> sites, Rule rule, IntPredicate allowed) {
        List<Candidate> out = new ArrayList<>();
        for (int site : sites) {
            if (!host.amounts().containsKey(site)) {
                continue;
            }
            for (int z : partners(site, rule, allowed)) {
                if (host.amounts().containsKey(z)) {
                    continue;
                }
                Map<Integer, Double> amounts = new LinkedHashMap<>();
                host.amounts().forEach((e, n) -> amounts.put(e == site ? z : e, n));
                out.add(new Candidate(format(amounts), amounts, symbol(site) + "→" + symbol(z), symbol(site), symbol(z), 1.0));
            }
        }
        return out;
    }

    /**
     * Fractional doping: a share x of each site element replaced by one dopant (x from {@code fractions}),
     * or by two different dopants with shares x and y ({@code perCandidate = 2}, x + y ≤ maxTotal).
     * Dopants already in the host are skipped.
     */
    public List<Candidate> doping(Formula host, List<Integer> sites, List<Integer> dopants, double[] fractions,
            int perCandidate, double maxTotal) {
        List<Candidate> out = new ArrayList<>();
        for (int site : sites) {
            if (!host.amounts().containsKey(site)) {
                continue;
            }
            List<Integer> usable = dopants.stream().filter(z -> z != site && !host.amounts().containsKey(z)).toList();
            for (int i = 0; i < usable.size(); i++) {
                for (double x : fractions) {
                    if (x < maxTotal + 1e-12) {
                        out.add(doped(host, site, new int[] {usable.get(i)}, new double[] {x}));
                    }
                }
                if (perCandidate < 2) {
                    continue;
                }
                for (int j = i + 1; j < usable.size(); j++) {
                    for (double x : fractions) {
                        for (double y : fractions) {
                            if (x + y < maxTotal + 1e-12 && x + y < 1 - 1e-12) {
                                out.add(doped(host, site, new int[] {usable.get(i), usable.get(j)}, new double[] {x, y}));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Candidate doped(Formula host, int site, int[] dopants, double[] x) {
        Map<Integer, Double> amounts = new LinkedHashMap<>();
        double share = 0;
        for (double v : x) {
            share += v;
        }
        StringBuilder change = new StringBuilder(symbol(site)).append("→");
        StringBuilder names = new StringBuilder();
        for (var e : host.amounts().entrySet()) {
            double n = e.getValue();
            if (e.getKey() != site) {
                amounts.put(e.getKey(), n);
                continue;
            }
            amounts.put(site, n * (1 - share));
            for (int k = 0; k < dopants.length; k++) {
                amounts.put(dopants[k], n * x[k]);
                change.append(k > 0 ? "+" : "").append(symbol(dopants[k])).append(number(x[k]));
                names.append(k > 0 ? "," : "").append(symbol(dopants[k]));
            }
        }
        return new Candidate(format(amounts), amounts, change.toString(), symbol(site), names.toString(), share);
    }

    /** A formula in the given element order, amounts to six decimals, 1 left out: LiCo0.9Al0.1O2. */
    public static String format(Map<Integer, Double> amounts) {
        StringBuilder s = new StringBuilder();
        amounts.forEach((z, n) -> {
            s.append(symbol(z));
            if (Math.abs(n - 1) > 1e-9) {
                s.append(number(n));
            }
        });
        return s.toString();
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
