package org.nernst.twin.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nernst.core.node.DataException;
import org.nernst.twin.experiment.Experiment.Item;
import org.nernst.twin.experiment.Step.Direction;
import org.nernst.twin.experiment.Step.Limit;
import org.nernst.twin.experiment.Step.Mode;

/**
 * Parses the experiment language, one instruction per line, in the spirit of PyBaMM's:
 *
 * <pre>
 * # formation, then 100 cycles
 * Rest for 1 hour
 * Repeat 100 times:
 *     Charge at 1C until 4.2 V
 *     Hold at 4.2 V until C/20
 *     Rest for 30 minutes
 *     Discharge at 2 A until 2.5 V
 * Charge at 4C until 20 % SOC
 * Discharge at 5 W for 10 minutes or until 3.0 V
 * Run drive cycle "US06.csv" until 2.5 V
 * Repeat 3 times: Discharge at 1C for 6 minutes; Rest for 1 hour
 * </pre>
 *
 * Quantities: currents in A, mA or C-rates ({@code 1C}, {@code 0.5 C}, {@code C/20}); power in W, mW,
 * kW; voltages in V or mV; durations in s, min, h, day (long forms and plurals too); SOC limits as
 * {@code 80 % SOC} or {@code SOC 80 %}. A step ends at the first of its duration ({@code for}) and its
 * limits ({@code until}, several joined by {@code or}). A {@code Repeat N times:} block holds the
 * more-indented lines below it, or the {@code ;}-separated instructions after its colon.
 * {@code #} starts a comment. Case does not matter.
 * <p>
 * Errors are {@link DataException}s whose location is the line and column and whose message says
 * what was expected there.
 *
 * @since 0.2
 */
public final class ExperimentParser {
    private static final String NUM = "([0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?)";
    private static final Pattern REPEAT = Pattern.compile("repeat\\s+(\\d+)\\s+times?\\s*:\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROLLED = Pattern.compile("(charge|discharge)\\s+at\\s+(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOLD = Pattern.compile("hold\\s+at\\s+" + NUM + "\\s*(mv|v)\\b(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern REST = Pattern.compile("rest\\b(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RUN = Pattern.compile("run\\s+(?:drive\\s+cycle\\s+)?(\"[^\"]+\"|'[^']+'|\\S+)(.*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern C_OVER = Pattern.compile("c\\s*/\\s*" + NUM + "(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUANTITY = Pattern.compile(NUM + "\\s*(ma|a|c|mw|kw|w|mv|v|%)(?![a-z])(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOR = Pattern.compile("for\\s+" + NUM + "\\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)\\b(.*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNTIL = Pattern.compile("until\\s+(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OR = Pattern.compile("or\\s+(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOC_FIRST = Pattern.compile("soc\\s*(?:of\\s*|=\\s*)?" + NUM + "\\s*%(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOC_WORD = Pattern.compile("soc\\b(.*)", Pattern.CASE_INSENSITIVE);

    private static final String SOURCE = "experiment";

    private ExperimentParser() {
    }

    /** Parses an experiment; blank text is an error (an experiment needs at least one step). */
    public static Experiment parse(String text) throws DataException {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash);
            }
            if (s.isBlank()) {
                continue;
            }
            int indent = 0; // a tab counts as four spaces
            int start = 0;
            while (start < s.length() && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
                indent += s.charAt(start) == '\t' ? 4 : 1;
                start++;
            }
            lines.add(new Line(i + 1, indent, start, s.strip()));
        }
        if (lines.isEmpty()) {
            throw new DataException(SOURCE, "line 1", "is empty; at least one step such as 'Discharge at 1C until 2.5 V' was expected");
        }
        int[] pos = {0};
        List<Item> items = block(lines, pos, lines.get(0).indent);
        if (pos[0] < lines.size()) {
            Line l = lines.get(pos[0]);
            throw new DataException(SOURCE, "line " + l.number + ", column 1",
                    "is indented less than the first line; indent only the steps of a 'Repeat N times:' block");
        }
        return new Experiment(items);
    }

    private record Line(int number, int indent, int offset, String text) {
    }

    private static List<Item> block(List<Line> lines, int[] pos, int indent) throws DataException {
        List<Item> items = new ArrayList<>();
        while (pos[0] < lines.size()) {
            Line l = lines.get(pos[0]);
            if (l.indent < indent) {
                break;
            }
            if (l.indent > indent) {
                throw new DataException(SOURCE, "line " + l.number + ", column 1",
                        "is indented more than the line above it, which is not a 'Repeat N times:'");
            }
            pos[0]++;
            Matcher rep = REPEAT.matcher(l.text);
            if (rep.matches()) {
                int times;
                try {
                    times = Integer.parseInt(rep.group(1));
                } catch (NumberFormatException e) {
                    throw new DataException(SOURCE, "line " + l.number, "repeat count " + rep.group(1) + " is too large");
                }
                if (times < 1) {
                    throw new DataException(SOURCE, "line " + l.number, "repeat count must be at least 1");
                }
                String rest = rep.group(2).strip();
                List<Item> body = new ArrayList<>();
                if (!rest.isEmpty()) {
                    int col = l.offset + rep.start(2) + 1;
                    for (String part : rest.split(";")) {
                        if (!part.isBlank()) {
                            int lead = part.length() - part.stripLeading().length();
                            body.add(new Experiment.StepItem(step(l.number, col + lead, part.strip())));
                        }
                        col += part.length() + 1;
                    }
                } else if (pos[0] < lines.size() && lines.get(pos[0]).indent > indent) {
                    body = block(lines, pos, lines.get(pos[0]).indent);
                }
                if (body.isEmpty()) {
                    throw new DataException(SOURCE, "line " + l.number, "'Repeat " + times
                            + " times:' has no steps; indent them below it or write them after the colon, separated by ';'");
                }
                items.add(new Experiment.Repeat(l.number, times, body));
            } else {
                int col = l.offset + 1;
                for (String part : l.text.split(";")) {
                    if (!part.isBlank()) {
                        int lead = part.length() - part.stripLeading().length();
                        items.add(new Experiment.StepItem(step(l.number, col + lead, part.strip())));
                    }
                    col += part.length() + 1;
                }
            }
        }
        return items;
    }

    /** Parses one instruction. */
    public static Step step(int line, int column, String text) throws DataException {
        Matcher m;
        if ((m = CONTROLLED.matcher(text)).matches()) {
            Direction dir = m.group(1).equalsIgnoreCase("charge") ? Direction.CHARGE : Direction.DISCHARGE;
            String q = m.group(2);
            Mode mode;
            double value;
            String tail;
            Matcher c = C_OVER.matcher(q);
            Matcher n = QUANTITY.matcher(q);
            if (c.matches()) {
                mode = Mode.C_RATE;
                value = 1.0 / number(c.group(1), line, text);
                tail = c.group(2);
            } else if (n.matches()) {
                value = number(n.group(1), line, text);
                String unit = n.group(2).toLowerCase(Locale.ROOT);
                tail = n.group(3);
                switch (unit) {
                    case "a" -> mode = Mode.CURRENT;
                    case "ma" -> {
                        mode = Mode.CURRENT;
                        value /= 1000;
                    }
                    case "c" -> mode = Mode.C_RATE;
                    case "w" -> mode = Mode.POWER;
                    case "mw" -> {
                        mode = Mode.POWER;
                        value /= 1000;
                    }
                    case "kw" -> {
                        mode = Mode.POWER;
                        value *= 1000;
                    }
                    default -> throw error(line, column, text, "a current (A, mA, a C-rate such as 1C or C/20) or a power (W) after 'at', not '" + n.group(2) + "'");
                }
            } else {
                throw error(line, column, text, "a current (e.g. 2 A, 500 mA, 1C, C/20) or a power (e.g. 5 W) after 'at'");
            }
            if (!(value > 0) || !Double.isFinite(value)) {
                throw error(line, column, text, "a positive, finite current or power; the direction comes from 'Charge' or 'Discharge'");
            }
            // without an explicit end the step runs to the cell's voltage cut-off in its direction
            Tail t = tail(line, column, text, tail, false);
            return new Step(line, text, mode, value, dir, t.duration, t.limits, null);
        }
        if ((m = HOLD.matcher(text)).matches()) {
            double v = number(m.group(1), line, text) / (m.group(2).equalsIgnoreCase("mv") ? 1000 : 1);
            if (!(v > 0) || !Double.isFinite(v)) {
                throw error(line, column, text, "a positive voltage to hold");
            }
            Tail t = tail(line, column, text, m.group(3), true);
            if (!t.hasEnd()) {
                throw error(line, column, text, "an end for the hold: 'until C/20', 'until 50 mA' or 'for 1 hour'");
            }
            return new Step(line, text, Mode.VOLTAGE, v, Direction.NONE, t.duration, t.limits, null);
        }
        if ((m = RUN.matcher(text)).matches()) {
            String file = m.group(1);
            if (file.startsWith("\"") || file.startsWith("'")) {
                file = file.substring(1, file.length() - 1);
            }
            Tail t = tail(line, column, text, m.group(2), false);
            return new Step(line, text, Mode.DRIVE_CYCLE, 0, Direction.NONE, t.duration, t.limits, file);
        }
        if ((m = REST.matcher(text)).matches()) {
            Tail t = tail(line, column, text, m.group(1), false);
            if (!t.hasDuration()) {
                throw error(line, column, text, "a duration for the rest, e.g. 'Rest for 1 hour'");
            }
            return new Step(line, text, Mode.REST, 0, Direction.NONE, t.duration, t.limits, null);
        }
        throw error(line, column, text, "an instruction starting with Charge, Discharge, Hold, Rest, Run or Repeat");
    }

    private record Tail(double duration, List<Limit> limits) {
        boolean hasDuration() {
            return !Double.isNaN(duration);
        }

        boolean hasEnd() {
            return hasDuration() || !limits.isEmpty();
        }
    }

    private static Tail tail(int line, int column, String text, String tail, boolean hold) throws DataException {
        double duration = Double.NaN;
        List<Limit> limits = new ArrayList<>();
        String rest = tail.strip();
        boolean first = true;
        boolean inUntil = false;
        while (!rest.isEmpty()) {
            Matcher m;
            if (!first) {
                if ((m = OR.matcher(rest)).matches()) {
                    rest = m.group(1).strip();
                } else {
                    throw error(line, column, text, "'or' between the ends of a step, before '" + rest + "'");
                }
            }
            first = false;
            if ((m = FOR.matcher(rest)).matches()) {
                if (!Double.isNaN(duration)) {
                    throw error(line, column, text, "one duration per step");
                }
                duration = number(m.group(1), line, text) * seconds(m.group(2));
                if (!(duration > 0) || !Double.isFinite(duration)) {
                    throw error(line, column, text, "a positive duration");
                }
                rest = m.group(3).strip();
                inUntil = false;
                continue;
            }
            if ((m = UNTIL.matcher(rest)).matches()) {
                rest = m.group(1).strip();
                inUntil = true;
            } else if (!inUntil) {
                throw error(line, column, text, "'for DURATION' or 'until LIMIT' where '" + rest + "' is");
            }
            rest = limit(line, column, text, rest, limits, hold);
        }
        return new Tail(duration, limits);
    }

    /** Parses one limit at the start of {@code s}, adds it and returns what follows. */
    private static String limit(int line, int column, String text, String s, List<Limit> limits, boolean hold)
            throws DataException {
        Matcher m;
        if ((m = SOC_FIRST.matcher(s)).matches()) {
            limits.add(socLimit(number(m.group(1), line, text), line, column, text));
            return m.group(2).strip();
        }
        if ((m = C_OVER.matcher(s)).matches()) {
            requireHold(hold, line, column, text);
            limits.add(new Limit(Limit.Kind.C_RATE, 1.0 / number(m.group(1), line, text)));
            return m.group(2).strip();
        }
        if ((m = QUANTITY.matcher(s)).matches()) {
            double v = number(m.group(1), line, text);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            String rest = m.group(3).strip();
            switch (unit) {
                case "v" -> limits.add(new Limit(Limit.Kind.VOLTAGE, v));
                case "mv" -> limits.add(new Limit(Limit.Kind.VOLTAGE, v / 1000));
                case "a" -> {
                    requireHold(hold, line, column, text);
                    limits.add(new Limit(Limit.Kind.CURRENT, v));
                }
                case "ma" -> {
                    requireHold(hold, line, column, text);
                    limits.add(new Limit(Limit.Kind.CURRENT, v / 1000));
                }
                case "c" -> {
                    requireHold(hold, line, column, text);
                    limits.add(new Limit(Limit.Kind.C_RATE, v));
                }
                case "%" -> {
                    Matcher w = SOC_WORD.matcher(rest);
                    if (!w.matches()) {
                        throw error(line, column, text, "'SOC' after a percentage (e.g. 'until 80 % SOC')");
                    }
                    limits.add(socLimit(v, line, column, text));
                    rest = w.group(1).strip();
                }
                default -> throw error(line, column, text, "a limit in V, mV, A, mA, a C-rate or % SOC, not '" + unit + "'");
            }
            return rest;
        }
        throw error(line, column, text, "a limit such as '4.2 V', 'C/20', '50 mA' or '80 % SOC' where '" + s + "' is");
    }

    private static Limit socLimit(double percent, int line, int column, String text) throws DataException {
        if (!(percent >= 0 && percent <= 100)) {
            throw error(line, column, text, "an SOC between 0 and 100 %");
        }
        return new Limit(Limit.Kind.SOC, percent / 100);
    }

    private static void requireHold(boolean hold, int line, int column, String text) throws DataException {
        if (!hold) {
            throw error(line, column, text, "a voltage or SOC limit: a current limit ends only a 'Hold at ... V' step, whose current falls");
        }
    }

    private static double seconds(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("d")) {
            return 86400;
        }
        if (u.startsWith("h")) {
            return 3600;
        }
        if (u.startsWith("m")) {
            return 60;
        }
        return 1;
    }

    private static double number(String s, int line, String text) throws DataException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new DataException(SOURCE, "line " + line, "'" + s + "' in '" + text + "' is not a number");
        }
    }

    private static DataException error(int line, int column, String text, String expected) {
        return new DataException(SOURCE, "line " + line + ", column " + column, "'" + text + "': expected " + expected);
    }
}
