package org.nernst.features.composition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chemical formula parsed into element amounts: {@code LiNi0.8Co0.15Al0.05O2},
 * {@code Li7La3Zr2O12}, {@code Ca(OH)2}, {@code [Cu(NH3)4]SO4}, {@code CuSO4·5H2O}. Amounts may be
 * fractional; parentheses and brackets nest; a hydrate dot ({@code ·} or {@code *}) adds a unit
 * with an optional leading multiplier (a {@code .} before a digit is a decimal point, so write
 * hydrates with {@code ·} or {@code *}). Element symbols are checked against the periodic table.
 *
 * @since 0.1
 */
public final class Formula {
    /** Symbols by atomic number (index 0 unused): facts, not properties. */
    static final List<String> SYMBOLS = List.of("", "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al",
            "Si", "P", "S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge",
            "As", "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb",
            "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb",
            "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac",
            "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs",
            "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og");

    /** A formula Nernst cannot read: which formula, where, and what was expected. */
    public static final class FormulaException extends Exception {
        private static final long serialVersionUID = 1L;

        FormulaException(String formula, int position, String problem) {
            super("formula '" + formula + "'" + (position >= 0 ? " at character " + (position + 1) : "") + ": " + problem);
        }
    }

    private final String text;
    private final Map<Integer, Double> amounts;

    private Formula(String text, Map<Integer, Double> amounts) {
        this.text = text;
        this.amounts = Collections.unmodifiableMap(amounts);
    }

    /** Amount of each element by atomic number, in order of first appearance. */
    public Map<Integer, Double> amounts() {
        return amounts;
    }

    public String text() {
        return text;
    }

    /** Atomic fractions (amounts over their sum), in order of first appearance. */
    public Map<Integer, Double> fractions() {
        double total = 0;
        for (double v : amounts.values()) {
            total += v;
        }
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Double> e : amounts.entrySet()) {
            out.put(e.getKey(), e.getValue() / total);
        }
        return out;
    }

    public static Formula parse(String formula) throws FormulaException {
        if (formula == null || formula.isBlank()) {
            throw new FormulaException(String.valueOf(formula), -1, "is empty; a formula such as LiFePO4 was expected");
        }
        Parser p = new Parser(formula.trim());
        Map<Integer, Double> amounts = new LinkedHashMap<>();
        double unitMultiplier = p.number(1);
        while (true) {
            Map<Integer, Double> part = p.group(0);
            double multiplier = unitMultiplier;
            part.forEach((z, n) -> amounts.merge(z, n * multiplier, Double::sum));
            if (p.pos < p.s.length() && (p.s.charAt(p.pos) == '·' || p.s.charAt(p.pos) == '*' || p.s.charAt(p.pos) == '.')) {
                p.pos++;
                unitMultiplier = p.number(1);
                if (p.pos >= p.s.length()) {
                    throw new FormulaException(p.s, p.pos - 1, "nothing follows the hydrate dot");
                }
                continue;
            }
            break;
        }
        if (p.pos != p.s.length()) {
            throw new FormulaException(p.s, p.pos, "unexpected '" + p.s.charAt(p.pos) + "'");
        }
        if (amounts.isEmpty()) {
            throw new FormulaException(p.s, -1, "holds no element");
        }
        for (double v : amounts.values()) {
            if (!(v > 0)) {
                throw new FormulaException(p.s, -1, "has an element with amount 0");
            }
        }
        return new Formula(p.s, amounts);
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        Map<Integer, Double> group(int depth) throws FormulaException {
            if (depth > 32) {
                throw new FormulaException(s, pos, "brackets nested more than 32 deep");
            }
            Map<Integer, Double> out = new LinkedHashMap<>();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '(' || c == '[') {
                    char close = c == '(' ? ')' : ']';
                    int open = pos;
                    pos++;
                    Map<Integer, Double> inner = group(depth + 1);
                    if (pos >= s.length() || s.charAt(pos) != close) {
                        throw new FormulaException(s, open, "'" + c + "' is not closed");
                    }
                    if (inner.isEmpty()) {
                        throw new FormulaException(s, open, "empty brackets");
                    }
                    pos++;
                    double n = number(1);
                    inner.forEach((z, v) -> out.merge(z, v * n, Double::sum));
                } else if (c >= 'A' && c <= 'Z') {
                    int start = pos;
                    pos++;
                    while (pos < s.length() && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') {
                        pos++;
                    }
                    String symbol = s.substring(start, pos);
                    int z = SYMBOLS.indexOf(symbol);
                    if (z <= 0) {
                        throw new FormulaException(s, start, "'" + symbol + "' is not an element symbol");
                    }
                    out.merge(z, number(1), Double::sum);
                } else if (c == ')' || c == ']') {
                    if (depth == 0) {
                        throw new FormulaException(s, pos, "'" + c + "' closes nothing");
                    }
                    return out;
                } else {
                    return out;
                }
            }
            return out;
        }

        /** An optional decimal amount; {@code otherwise} when none is written. */
        double number(double otherwise) throws FormulaException {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                // a '.' followed by a letter is a hydrate dot, not a decimal point
                if (s.charAt(pos) == '.' && (pos + 1 >= s.length() || !Character.isDigit(s.charAt(pos + 1)))) {
                    break;
                }
                pos++;
            }
            if (start == pos) {
                return otherwise;
            }
            double v;
            try {
                v = Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new FormulaException(s, start, "'" + s.substring(start, pos) + "' is not an amount");
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new FormulaException(s, start, "amount '" + s.substring(start, pos) + "' must be a positive number");
            }
            return v;
        }
    }
}
