package org.nernst.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nernst.core.ml.ClassificationMetrics;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.table.DoubleColumn;
import org.nernst.core.table.LongColumn;
import org.nernst.core.table.Role;
import org.nernst.core.table.StringColumn;
import org.nernst.core.table.Table;

/** Classification metrics worked by hand, and class labels read from tables. */
class ClassificationMetricsTest {

    @Test
    void threeClassMetricsMatchTheHandCount() {
        // confusion (rows true, columns predicted): [1 1 0; 1 2 0; 0 0 1]
        ClassificationMetrics m = ClassificationMetrics.of(new int[] { 0, 0, 1, 1, 1, 2 },
                new int[] { 0, 1, 1, 1, 0, 2 }, null, 3);
        assertEquals(4 / 6.0, m.accuracy(), 1e-15);
        assertEquals((0.5 + 2 / 3.0 + 1) / 3, m.balancedAccuracy(), 1e-15);
        // F1 = 2TP/(2TP+FP+FN): 2/4, 4/6, 2/2
        assertEquals((0.5 + 4 / 6.0 + 1) / 3, m.macroF1(), 1e-15);
        assertEquals(2, m.confusion()[1][1]);
        assertEquals(1, m.confusion()[1][0]);
        assertTrue(Double.isNaN(m.logLoss()));
        assertTrue(Double.isNaN(m.rocAuc()), "AUC only for two classes");
    }

    @Test
    void binaryAucAndLogLossMatchTheTextbookExample() {
        // scikit-learn's roc_auc_score example: y = [0 0 1 1], scores [0.1 0.4 0.35 0.8] → 0.75
        double[][] p = { { 0.9, 0.1 }, { 0.6, 0.4 }, { 0.65, 0.35 }, { 0.2, 0.8 } };
        ClassificationMetrics m = ClassificationMetrics.of(new int[] { 0, 0, 1, 1 },
                Prediction.ofProbabilities(p).classIndices(), p, 2);
        assertEquals(0.75, m.rocAuc(), 1e-15);
        assertEquals(-(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4, m.logLoss(), 1e-15);
        assertEquals(0.75, m.accuracy(), 1e-15); // row 3 predicted 0
        double[][] ties = { { 0.5, 0.5 }, { 0.5, 0.5 }, { 0.5, 0.5 } };
        assertEquals(0.5, ClassificationMetrics.of(new int[] { 0, 1, 1 }, new int[] { 0, 0, 0 }, ties, 2).rocAuc(), 0);
    }

    @Test
    void aClassNeverPredictedHasF1ZeroAndACertainWrongAnswerIsClippedLogLoss() {
        ClassificationMetrics m = ClassificationMetrics.of(new int[] { 0, 1 }, new int[] { 0, 0 },
                new double[][] { { 1, 0 }, { 1, 0 } }, 2);
        assertEquals((2 / 3.0 + 0) / 2, m.macroF1(), 1e-15);
        assertEquals(0.5, m.balancedAccuracy(), 1e-15);
        assertEquals(-Math.log(1e-15) / 2, m.logLoss(), 1e-12);
    }

    @Test
    void classLabelsAreSortedNumericallyOrAlphabeticallyWhateverTheRowOrder() throws Exception {
        Table t = new Table("t", List.of(new DoubleColumn("x", "", Role.FEATURE, new double[] { 1, 2, 3, 4 }),
                new LongColumn("grade", "", Role.TARGET, new long[] { 10, 9, 10, 100 }),
                new StringColumn("kind", Role.NONE, new String[] { "b", "a", "c", "a" })));
        TrainingSet g = TrainingSet.fromClasses(t, List.of("x"), "grade");
        assertEquals(List.of("9", "10", "100"), g.classes());
        assertEquals(List.of(1.0, 0.0, 1.0, 2.0), java.util.Arrays.stream(g.y()).boxed().toList());
        TrainingSet k = TrainingSet.fromClasses(t, List.of("x"), "kind");
        assertEquals(List.of("a", "b", "c"), k.classes());
        assertEquals(List.of("a", "b", "c"), k.subset(new int[] { 0, 1 }).classes(), "a subset keeps every class");
    }

    @Test
    void aMissingLabelOrASingleClassIsADataException() {
        Table missing = new Table("m", List.of(new DoubleColumn("x", "", Role.FEATURE, new double[] { 1, 2 }),
                new StringColumn("kind", Role.NONE, new String[] { "a", "" })));
        DataException e = assertThrows(DataException.class, () -> TrainingSet.fromClasses(missing, List.of("x"), "kind"));
        assertTrue(e.getMessage().contains("row 2"), e.getMessage());
        Table one = new Table("o", List.of(new DoubleColumn("x", "", Role.FEATURE, new double[] { 1, 2 }),
                new StringColumn("kind", Role.NONE, new String[] { "a", "a" })));
        assertThrows(DataException.class, () -> TrainingSet.fromClasses(one, List.of("x"), "kind"));
    }
}
