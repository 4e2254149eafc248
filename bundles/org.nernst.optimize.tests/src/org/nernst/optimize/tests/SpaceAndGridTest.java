package org.nernst.optimize.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.nernst.core.node.Parameters;
import org.nernst.core.optimize.Optimizer;
import org.nernst.optimize.GridSearch;
import org.nernst.optimize.Screening;
import org.nernst.optimize.Space;

class SpaceAndGridTest {

    @Test
    void mixedSpaceEncodesNumbersIntegersAndChoicesInTheUnitCube() {
        Space s = Space.parse("rate:double:0.5:8; layers:integer:1:4; electrolyte:choice:EC|PC|DMC");
        assertEquals(1 + 1 + 3, s.dimensions());
        double[] u = s.encode(Map.of("rate", 2.0, "layers", 3L, "electrolyte", "PC"));
        assertArrayEquals(new double[] {1.5 / 7.5, 2.5 / 4, 0, 1, 0}, u, 1e-12);
        Map<String, Object> p = s.decode(new double[] {1.0, 0.99, 0.1, 0.2, 0.7});
        assertEquals(8.0, p.get("rate"));
        assertEquals(4L, p.get("layers"));
        assertEquals("DMC", p.get("electrolyte"));
        // every integer owns an equal quarter of [0, 1]
        assertEquals(1L, s.decode(new double[] {0, 0.0, 1, 0, 0}).get("layers"));
        assertEquals(2L, s.decode(new double[] {0, 0.26, 1, 0, 0}).get("layers"));
        assertEquals(s.encode(p).length, 5);
    }

    @Test
    void spaceRejectsUnboundedNumbersAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> Space.parse("x:double:1"));
        assertThrows(IllegalArgumentException.class, () -> Space.parse("x:double:0:1; x:integer:0:3"));
        assertThrows(IllegalArgumentException.class, () -> Space.parse("x:string:a"));
    }

    @Test
    void gridVisitsEveryCombinationOnceAndThenStops() {
        Space s = Space.parse("a:double:0:1; n:integer:1:3; c:choice:x|y");
        Optimizer.Session g = new GridSearch().start(s.variables(), Parameters.of(Map.of("levels", 3L)), 0);
        List<Map<String, Object>> all = new ArrayList<>();
        while (true) {
            List<Map<String, Object>> batch = g.propose(5);
            if (batch.isEmpty()) {
                break;
            }
            for (Map<String, Object> p : batch) {
                all.add(p);
                g.observe(p, 0);
            }
        }
        assertEquals(3 * 3 * 2, all.size());
        Set<Map<String, Object>> distinct = new HashSet<>(all);
        assertEquals(18, distinct.size());
        assertEquals(Map.of("a", 0.0, "n", 1L, "c", "x"), all.get(0));
        assertEquals(Map.of("a", 1.0, "n", 3L, "c", "y"), all.get(17));
        assertEquals(18, GridSearch.size(s.variables(), 3));
    }

    @Test
    void paretoFrontsRankNonDominatedRowsFirst() {
        // maximize both: (3,1) and (1,3) and (2,2) are non-dominated; (1,1) is dominated by all; (2,1) by (3,1) and (2,2)
        int[] f = Screening.paretoFronts(new double[][] {{3, 1}, {1, 3}, {2, 2}, {1, 1}, {2, 1}});
        assertArrayEquals(new int[] {1, 1, 1, 3, 2}, f);
        assertEquals(0.5, Screening.recall(new double[] {5, 4, 3, 2}, new int[] {0, 2, 1, 3}, 0.5, 2));
        assertTrue(Screening.recall(new double[] {5, 4, 3, 2}, new int[] {0, 1, 2, 3}, 0.5, 2) == 1.0);
    }
}
