package org.nernst.twin.tests.spm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nernst.twin.spm.internal.Expression;

class ExpressionTest {
    private static double eval(String text, double x, double t) throws Exception {
        return Expression.parse(text).eval(x, t);
    }

    @Test
    void arithmeticFollowsPythonPrecedence() throws Exception {
        assertEquals(7.0, eval("1 + 2 * 3", 0, 0), 0);
        assertEquals(-4.0, eval("-x**2", 2, 0), 0);
        assertEquals(512.0, eval("2 ** 3 ** 2", 0, 0), 0);
        assertEquals(0.5, eval("2**-1", 0, 0), 0);
        assertEquals(2.0, eval("8 / 2 / 2", 0, 0), 0);
        assertEquals(1.0, eval("3 - 1 - 1", 0, 0), 0);
        assertEquals(-9.0, eval("(1 - 4) * +3", 0, 0), 0);
        assertEquals(1.5e-3, eval("1.5E-3", 0, 0), 0);
        assertEquals(300.0, eval("T", 0, 300), 0);
    }

    @Test
    void functionsAreTheAllowedSix() throws Exception {
        assertEquals(Math.exp(1) + Math.log(2) + Math.tanh(0.3) + Math.sqrt(2) + Math.cosh(1) + Math.sinh(1),
                eval("exp(x) + log(2) + tanh(0.3) + sqrt(2) + cosh(x) + sinh(x)", 1, 0), 1e-15);
    }

    @Test
    void theChen2020GraphiteFitEvaluatesAsPublished() throws Exception {
        String fit = "1.9793 * exp(-39.3631 * x) + 0.2482 - 0.0909 * tanh(29.8538 * (x - 0.1234))"
                + " - 0.04478 * tanh(14.9159 * (x - 0.2769)) - 0.0205 * tanh(30.4444 * (x - 0.6103))";
        double x = 0.5;
        double expected = 1.9793 * Math.exp(-39.3631 * x) + 0.2482 - 0.0909 * Math.tanh(29.8538 * (x - 0.1234))
                - 0.04478 * Math.tanh(14.9159 * (x - 0.2769)) - 0.0205 * Math.tanh(30.4444 * (x - 0.6103));
        assertEquals(expected, eval(fit, x, 298.15), 1e-15);
    }

    @Test
    void errorsNameTheColumn() {
        var e = assertThrows(Expression.ExpressionException.class, () -> Expression.parse("1 + exp(x"));
        assertEquals(10, e.column());
        e = assertThrows(Expression.ExpressionException.class, () -> Expression.parse("x + system(1)"));
        assertEquals(5, e.column());
        assertTrue(e.getMessage().contains("unknown name 'system'"), e.getMessage());
        assertThrows(Expression.ExpressionException.class, () -> Expression.parse("x y"));
        assertThrows(Expression.ExpressionException.class, () -> Expression.parse(""));
        assertThrows(Expression.ExpressionException.class, () -> Expression.parse("2 * * 3"));
        assertThrows(Expression.ExpressionException.class, () -> Expression.parse("x ^ 2"));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        var e = assertThrows(Expression.ExpressionException.class, () -> Expression.parse(deep));
        assertTrue(e.getMessage().contains("nested too deeply"), e.getMessage());
        assertThrows(Expression.ExpressionException.class, () -> Expression.parse("-".repeat(10_000) + "x"));
    }
}
