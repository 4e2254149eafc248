package org.nernst.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nernst.ui.internal.views.TableResultView;

/** How the table view shows numbers: six significant digits, exponent only for very small or large values. */
class TableDisplayTest {

    @Test
    void numbersShowSixSignificantDigits() {
        assertEquals("1.86471", TableResultView.display(1.864712345));
        assertEquals("1648.03", TableResultView.display(1648.0328040529023));
        assertEquals("-0.000388616", TableResultView.display(-3.886160994507978E-4));
        assertEquals("43", TableResultView.display(43.0));
        assertEquals("0", TableResultView.display(0.0));
    }

    @Test
    void tinyAndHugeNumbersUseAnExponentAndMissingValuesAreBlank() {
        assertEquals("1.00000e-06", TableResultView.display(1e-6));
        assertEquals("2.50000e+12", TableResultView.display(2.5e12));
        assertEquals("", TableResultView.display(Double.NaN));
        assertEquals("-∞", TableResultView.display(Double.NEGATIVE_INFINITY));
    }
}
