package org.nernst.core.ml;

import java.util.Locale;

/**
 * What an estimator predicts: a number (regression) or a class label (classification). An
 * estimator contribution declares it with the {@code task} attribute of its extension
 * ({@code regression} when absent).
 *
 * @since 0.3
 */
public enum Task {
    REGRESSION,
    CLASSIFICATION;

    /** {@code regression} or {@code classification} (case-insensitive); blank or null is regression. */
    public static Task parse(String s) {
        if (s == null || s.isBlank()) {
            return REGRESSION;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "regression" -> REGRESSION;
            case "classification" -> CLASSIFICATION;
            default -> throw new IllegalArgumentException("unknown task '" + s + "' (expected regression or classification)");
        };
    }
}
