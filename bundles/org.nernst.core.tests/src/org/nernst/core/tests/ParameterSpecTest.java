package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.ParameterSpec;
import org.nernst.core.node.ParameterType;
import org.nernst.core.node.Parameters;

class ParameterSpecTest {
    private static final ParameterSpec FOLDS = new ParameterSpec("folds", ParameterType.INTEGER, "Folds", "k", "5", 2.0,
            100.0, List.of(), false);
    private static final ParameterSpec SCHEME = new ParameterSpec("scheme", ParameterType.CHOICE, null, null, "kfold",
            null, null, List.of("kfold", "leave-one-group-out"), false);

    @Test
    void stringsFromTheCommandLineAreCoerced() {
        assertEquals(7L, FOLDS.coerce("7"));
        assertEquals(List.of("B0025", "B0026"), new ParameterSpec("cells", ParameterType.LIST, null, null, null, null,
                null, List.of(), false).coerce("B0025, B0026"));
        assertEquals(true, new ParameterSpec("b", ParameterType.BOOLEAN, null, null, null, null, null, List.of(), false)
                .coerce("TRUE"));
    }

    @Test
    void invalidValuesNameTheParameterAndTheExpectation() {
        assertEquals("parameter 'folds' = 'many' is not an integer",
                assertThrows(IllegalArgumentException.class, () -> FOLDS.coerce("many")).getMessage());
        assertEquals("parameter 'folds' = 101 is above the maximum 100",
                assertThrows(IllegalArgumentException.class, () -> FOLDS.coerce(101)).getMessage());
        assertEquals("parameter 'scheme' = 'random' is not one of [kfold, leave-one-group-out]",
                assertThrows(IllegalArgumentException.class, () -> SCHEME.coerce("random")).getMessage());
    }

    @Test
    void defaultsFillMissingValues() {
        Parameters p = Parameters.resolve(List.of(FOLDS, SCHEME), Map.of("scheme", "leave-one-group-out"));
        assertEquals(5, p.integer("folds"));
        assertEquals("leave-one-group-out", p.string("scheme"));
    }

    @Test
    void invalidDefaultIsRefusedWhenDeclared() {
        assertThrows(IllegalArgumentException.class, () -> new ParameterSpec("k", ParameterType.INTEGER, null, null, "x",
                null, null, List.of(), false));
    }
}
