package org.nernst.twin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nernst.twin.model.Roots;

class RootsTest {
    @Test
    void secantFindsTheSquareRootOfTwo() {
        assertEquals(Math.sqrt(2), Roots.secant(x -> x * x - 2, 1, 2, 1e-12, 50), 1e-10);
    }

    @Test
    void secantSaysSoWhenThereIsNoRoot() {
        assertThrows(ArithmeticException.class, () -> Roots.secant(x -> x * x + 1, 1, 2, 1e-12, 50));
    }

    @Test
    void bisectionBracketsTheRoot() {
        assertEquals(Math.PI, Roots.bisect(Math::sin, 3, 4, 1e-12), 1e-10);
    }
}
