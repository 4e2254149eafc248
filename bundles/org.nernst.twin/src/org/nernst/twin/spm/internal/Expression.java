package org.nernst.twin.spm.internal;

/**
 * A parsed arithmetic expression in the variables {@code x} and {@code T}, as BPX files write
 * their functional parameters (e.g. {@code "1.9793 * exp(-39.3631 * x) + 0.2482"}).
 * <p>
 * Deliberately small and safe: numbers, {@code x}, {@code T}, {@code + - * / **}, parentheses and
 * the functions {@code exp log tanh sqrt cosh sinh}; nothing else is callable, so a parameter file
 * cannot run code (no script engine). Operator precedence follows Python, which BPX expressions are
 * written in: {@code **} binds tighter than unary minus ({@code -x**2 = -(x**2)}) and is right
 * associative. Immutable and thread-safe once parsed.
 */
public abstract sealed class Expression {
    /** Longest expression text accepted (a real OCP fit is a few hundred characters). */
    public static final int MAX_LENGTH = 20_000;
    /** Deepest recursion accepted (about 100 levels of parentheses), so a hostile file cannot overflow the stack. */
    public static final int MAX_DEPTH = 400;

    /** Evaluates at {@code x} (stoichiometry or concentration) and temperature {@code t} (K). */
    public abstract double eval(double x, double t);

    /** Parses {@code text}; throws {@link ExpressionException} with the column of the first error. */
    public static Expression parse(String text) throws ExpressionException {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException(1, "expression longer than " + MAX_LENGTH + " characters");
        }
        Parser p = new Parser(text);
        Expression e = p.sum(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return e;
    }

    /** A syntax error at a 1-based column. */
    public static final class ExpressionException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;

        ExpressionException(int column, String message) {
            super("column " + column + ": " + message);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        ExpressionException error(String message) {
            return new ExpressionException(pos + 1, message);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skipSpace();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        void checkDepth(int depth) throws ExpressionException {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply (parser depth over " + MAX_DEPTH + ")");
            }
        }

        Expression sum(int depth) throws ExpressionException {
            checkDepth(depth);
            Expression left = product(depth + 1);
            while (true) {
                if (eat("+")) {
                    left = new Binary('+', left, product(depth + 1));
                } else if (eat("-")) {
                    left = new Binary('-', left, product(depth + 1));
                } else {
                    return left;
                }
            }
        }

        Expression product(int depth) throws ExpressionException {
            Expression left = unary(depth + 1);
            while (true) {
                if (eat("*")) {
                    left = new Binary('*', left, unary(depth + 1));
                } else if (eat("/")) {
                    left = new Binary('/', left, unary(depth + 1));
                } else {
                    return left;
                }
            }
        }

        Expression unary(int depth) throws ExpressionException {
            checkDepth(depth);
            if (eat("-")) {
                return new Negate(unary(depth + 1));
            }
            if (eat("+")) {
                return unary(depth + 1);
            }
            return power(depth + 1);
        }

        Expression power(int depth) throws ExpressionException {
            Expression base = primary(depth + 1);
            if (eat("**")) {
                return new Binary('^', base, unary(depth + 1)); // right associative, like Python
            }
            return base;
        }

        Expression primary(int depth) throws ExpressionException {
            checkDepth(depth);
            skipSpace();
            if (pos >= s.length()) {
                throw error("expression ends where a number, x, T, a function or '(' was expected");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Expression inner = sum(depth + 1);
                if (!eat(")")) {
                    throw error("')' expected");
                }
                return inner;
            }
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(start, pos);
                switch (name) {
                    case "x":
                        return Variable.X;
                    case "T":
                        return Variable.T;
                    case "exp", "log", "tanh", "sqrt", "cosh", "sinh":
                        if (!eat("(")) {
                            throw error("'(' expected after " + name);
                        }
                        Expression arg = sum(depth + 1);
                        if (!eat(")")) {
                            throw error("')' expected to close " + name + "(");
                        }
                        return new Call(name, arg);
                    default:
                        pos = start;
                        throw error("unknown name '" + name + "' (allowed: x, T, exp, log, tanh, sqrt, cosh, sinh)");
                }
            }
            throw error("unexpected '" + c + "' where a number, x, T, a function or '(' was expected");
        }

        Expression number() throws ExpressionException {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                } else {
                    pos = save;
                }
            }
            String text = s.substring(start, pos);
            try {
                return new Constant(Double.parseDouble(text));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("malformed number '" + text + "'");
            }
        }
    }

    private static final class Constant extends Expression {
        private final double value;

        Constant(double value) {
            this.value = value;
        }

        @Override
        public double eval(double x, double t) {
            return value;
        }
    }

    private static final class Variable extends Expression {
        static final Variable X = new Variable(true);
        static final Variable T = new Variable(false);
        private final boolean isX;

        private Variable(boolean isX) {
            this.isX = isX;
        }

        @Override
        public double eval(double x, double t) {
            return isX ? x : t;
        }
    }

    private static final class Negate extends Expression {
        private final Expression arg;

        Negate(Expression arg) {
            this.arg = arg;
        }

        @Override
        public double eval(double x, double t) {
            return -arg.eval(x, t);
        }
    }

    private static final class Binary extends Expression {
        private final char op;
        private final Expression a;
        private final Expression b;

        Binary(char op, Expression a, Expression b) {
            this.op = op;
            this.a = a;
            this.b = b;
        }

        @Override
        public double eval(double x, double t) {
            double u = a.eval(x, t);
            double v = b.eval(x, t);
            return switch (op) {
                case '+' -> u + v;
                case '-' -> u - v;
                case '*' -> u * v;
                case '/' -> u / v;
                default -> Math.pow(u, v);
            };
        }
    }

    private static final class Call extends Expression {
        private final java.util.function.DoubleUnaryOperator function;
        private final Expression arg;

        Call(String name, Expression arg) {
            this.function = switch (name) {
                case "exp" -> Math::exp;
                case "log" -> Math::log;
                case "tanh" -> Math::tanh;
                case "sqrt" -> Math::sqrt;
                case "cosh" -> Math::cosh;
                default -> Math::sinh;
            };
            this.arg = arg;
        }

        @Override
        public double eval(double x, double t) {
            return function.applyAsDouble(arg.eval(x, t));
        }
    }
}
