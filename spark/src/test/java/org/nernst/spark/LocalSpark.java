package org.nernst.spark;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session (tuned as nernst-spark tunes it) for all tests of this JVM (starting Spark takes seconds), and the data folder. */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (session == null) {
            // configured as nernst-spark configures it
            session = SparkSession.builder().config(SparkDataParallel.tune(new org.apache.spark.SparkConf()
                    .setMaster("local[2]").setAppName("nernst-tests").set("spark.ui.enabled", "false"))).getOrCreate();
        }
        return JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    /** The real data folder ({@code -Dnernst.data}); fails loudly when it is missing. */
    static Path data(String relative) {
        Path root = Path.of(System.getProperty("nernst.data", "../../shared/data"));
        Path p = root.resolve(relative);
        if (!Files.exists(p)) {
            throw new AssertionError("REAL DATA MISSING: " + p.toAbsolutePath().normalize() + "; set -Dnernst.data");
        }
        return p;
    }
}
