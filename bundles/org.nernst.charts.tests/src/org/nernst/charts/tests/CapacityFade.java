package org.nernst.charts.tests;

import java.nio.file.Path;
import java.util.Random;

import org.nernst.core.table.Role;
import org.nernst.core.table.Table;
import org.nernst.core.table.TableBuilder;

/** Test data shaped like a cycling study: a few cells whose capacity fades, with a model's predictions. */
final class CapacityFade {

    private CapacityFade() {
    }

    /** {@code cells} cells × 30 cycles: measured capacity, predicted capacity and its growing std. */
    static Table table(int cells) {
        TableBuilder b = new TableBuilder("fade").stringColumn("cell", Role.GROUP).longColumn("cycle", "", Role.TIME)
                .doubleColumn("capacity", "Ah", Role.TARGET).doubleColumn("prediction", "Ah", Role.PREDICTION)
                .doubleColumn("std", "Ah", Role.UNCERTAINTY);
        Random noise = new Random(42);
        // Rows go in descending cycle order so the renderer has to sort them.
        for (int c = 0; c < cells; c++) {
            for (int k = 30; k >= 1; k--) {
                double fade = 1.1 * Math.exp(-k * (0.004 + 0.003 * c));
                b.set(0, "b1c" + c).set(1, (long) k).set(2, fade + 0.006 * noise.nextGaussian()).set(3, fade)
                        .set(4, 0.004 + 0.0006 * k).endRow();
            }
        }
        return b.build();
    }

    /** Where test artifacts go: tycho-surefire runs in {@code target/work}, so its parent. */
    static Path artifactDir() {
        Path dir = Path.of("").toAbsolutePath();
        return dir.getFileName().toString().equals("work") ? dir.getParent() : dir.resolve("target");
    }
}
