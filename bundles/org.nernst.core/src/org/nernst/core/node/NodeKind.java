package org.nernst.core.node;

/**
 * The kind of a contribution; each kind has its own extension point of {@code org.nernst.core}.
 *
 * @since 0.1
 */
public enum NodeKind {
    DATASET("datasets", "dataset"),
    FEATURIZER("featurizers", "featurizer"),
    ESTIMATOR("estimators", "estimator"),
    TWIN("twins", "twin"),
    STATE_ESTIMATOR("stateEstimators", "stateEstimator"),
    OPTIMIZER("optimizers", "optimizer"),
    OPERATION("operations", "operation");

    private final String extensionPoint;
    private final String element;

    NodeKind(String extensionPoint, String element) {
        this.extensionPoint = extensionPoint;
        this.element = element;
    }

    /** The simple id of the extension point, e.g. {@code estimators}. */
    public String extensionPoint() {
        return extensionPoint;
    }

    /** The name of the contributing element in {@code plugin.xml}, e.g. {@code estimator}. */
    public String element() {
        return element;
    }

    /** The kind as users write it ({@code dataset}, {@code stateEstimator}, ...). */
    public String label() {
        return element;
    }
}
