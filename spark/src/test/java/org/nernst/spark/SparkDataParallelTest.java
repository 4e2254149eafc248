package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** How the Spark backend splits a map and configures Spark. */
class SparkDataParallelTest {
    private static final double[][] CHUNK = new double[16_384][7]; // the screening node's chunk: 917 504 bytes of rows

    private static List<double[][]> chunks(int n) {
        return Collections.nCopies(n, CHUNK);
    }

    @Test
    void withoutAPartitionCountAPartitionHoldsAtMost32MBOfRowsButThereAreAtLeastAsManyAsCores() {
        SparkDataParallel backend = new SparkDataParallel(LocalSpark.context(), 0); // local[2]
        assertEquals(1, backend.partitions(chunks(1)));
        assertEquals(2, backend.partitions(chunks(2)));
        assertEquals(2, backend.partitions(chunks(62))); // 1 M candidates: 57 MB
        assertEquals(2, backend.partitions(chunks(73))); // 67 MB: two full partitions
        assertEquals(3, backend.partitions(chunks(74)));
        assertEquals(17, backend.partitions(chunks(611))); // 10 M candidates: 561 MB
        assertTrue(backend.describe().contains("at most 32 MB of rows each"), backend.describe());
    }

    @Test
    void otherItemsGetSparksDefaultParallelism() {
        SparkDataParallel backend = new SparkDataParallel(LocalSpark.context(), 0);
        assertEquals(2, backend.partitions(Collections.nCopies(2000, "a cell")));
        assertEquals(2, backend.partitions(List.of(new double[][] { null, { 1, 2 } }, "x", new double[0][])));
    }

    @Test
    void aGivenPartitionCountIsKeptUpToTheNumberOfItems() {
        SparkDataParallel backend = new SparkDataParallel(LocalSpark.context(), 7);
        assertEquals(7, backend.partitions(chunks(611)));
        assertEquals(3, backend.partitions(chunks(3)));
        assertEquals("spark local[2], 7 partitions", backend.describe());
    }

    @Test
    void tuningSetsTheDirectResultSizeUnlessTheUserDid() {
        assertEquals("16m", SparkDataParallel.tune(new SparkConf()).get("spark.task.maxDirectResultSize"));
        assertEquals("2m", SparkDataParallel.tune(new SparkConf().set("spark.task.maxDirectResultSize", "2m"))
                .get("spark.task.maxDirectResultSize"));
    }
}
