package org.nernst.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;

/** How the Spark backend splits a map and configures Spark. */
class SparkDataParallelTest {

    @Test
    void withoutAPartitionCountAPartitionHoldsAtMost32ItemsButThereAreAtLeastAsManyAsCores() {
        JavaSparkContext sc = LocalSpark.context(); // local[2]
        SparkDataParallel backend = new SparkDataParallel(sc, 0);
        assertEquals(1, backend.partitions(1));
        assertEquals(2, backend.partitions(2));
        assertEquals(2, backend.partitions(64)); // 1 M candidates: 62 chunks
        assertEquals(3, backend.partitions(65));
        assertEquals(20, backend.partitions(611)); // 10 M candidates
        assertEquals(63, backend.partitions(2000));
        assertTrue(backend.describe().contains("at most 32 items"), backend.describe());
    }

    @Test
    void aGivenPartitionCountIsKeptUpToTheNumberOfItems() {
        SparkDataParallel backend = new SparkDataParallel(LocalSpark.context(), 7);
        assertEquals(7, backend.partitions(611));
        assertEquals(3, backend.partitions(3));
        assertEquals("spark local[2], 7 partitions", backend.describe());
    }

    @Test
    void tuningSetsTheDirectResultSizeUnlessTheUserDid() {
        assertEquals("16m", SparkDataParallel.tune(new SparkConf()).get("spark.task.maxDirectResultSize"));
        assertEquals("2m", SparkDataParallel.tune(new SparkConf().set("spark.task.maxDirectResultSize", "2m"))
                .get("spark.task.maxDirectResultSize"));
    }
}
