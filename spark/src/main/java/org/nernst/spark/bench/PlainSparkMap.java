package org.nernst.spark.bench;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.nernst.core.exec.DataParallel;
import org.nernst.core.exec.SerializableFunction;
import org.nernst.core.node.ProgressMonitor;

/**
 * Benchmark baseline ({@code --baseline true}): what {@code SparkDataParallel} did before it broadcast
 * the function and shipped row chunks as raw doubles, i.e. {@code parallelize(items).map(f).collect()}
 * with every item, the function (in every task) and every result in plain Java serialization. No progress
 * or cancellation: it only times the transport against the current backend on the same load.
 */
final class PlainSparkMap implements DataParallel {
    private final JavaSparkContext spark;
    private final int partitions;

    PlainSparkMap(JavaSparkContext spark, int partitions) {
        this.spark = spark;
        this.partitions = partitions;
    }

    @Override
    public <T, R> List<R> map(List<T> items, SerializableFunction<? super T, ? extends R> f, ProgressMonitor monitor) {
        org.apache.spark.api.java.function.Function<T, R> task = f::apply;
        return spark.parallelize(items, Math.min(items.size(), partitions)).map(task).collect();
    }

    @Override
    public String describe() {
        return "baseline spark " + spark.master() + ", " + partitions + " partitions";
    }
}
