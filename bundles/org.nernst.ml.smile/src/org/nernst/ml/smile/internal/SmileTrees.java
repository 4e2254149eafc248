package org.nernst.ml.smile.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import smile.model.cart.InternalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;
import smile.model.cart.RegressionNode;
import smile.regression.DataFrameRegression;
import smile.regression.GradientTreeBoost;
import smile.regression.RandomForest;

/**
 * Reads fitted Smile 6.3 trees into {@link FlatForest}s. Smile exposes a node's children, split
 * feature and leaf output, but not the threshold of an {@link OrdinalNode} nor the intercept and
 * shrinkage of a {@link GradientTreeBoost}; those three private fields are read by reflection, here
 * and nowhere else. If a Smile update renames them, fitting a tree model fails with an
 * {@link IllegalStateException} that says so, rather than predicting something else.
 */
final class SmileTrees {
    /** Smile's system property for approximate ordinal splits, read at every split search. */
    static final String BINS_PROPERTY = "smile.regression_tree.bins";

    private SmileTrees() {
    }

    /**
     * Makes Smile's regression trees try every threshold between distinct values, as CART and
     * scikit-learn do. By default (property {@value #BINS_PROPERTY} = 100) Smile 6.3 tries a
     * threshold only where the running sample count crosses a multiple of {@code rows / 100}, so a
     * node of 150 rows out of 10 000 has one or two candidate thresholds per feature: deep trees
     * then split badly, and a random forest on 10 000 rows lost a third of its accuracy to it (test
     * RMSE 2.26 against scikit-learn's 1.73). Any value up to 10 means exact splits. The property
     * is global to the JVM, so it is set once and only when nobody chose a value before.
     */
    static void useExactSplits() {
        if (System.getProperty(BINS_PROPERTY) == null) {
            System.setProperty(BINS_PROPERTY, "0");
        }
    }

    /**
     * Smile stops splitting when a split's depth (1 for the root's split) reaches its maxDepth, so a
     * Smile tree of maxDepth d has d - 1 levels of splits. Nernst's maxDepth counts levels of splits
     * (root at depth 0, leaves at most at depth maxDepth), as scikit-learn's max_depth and Nernst's
     * extra trees do.
     */
    static int smileDepth(int maxDepth) {
        return maxDepth >= Integer.MAX_VALUE - 1 ? Integer.MAX_VALUE : maxDepth + 1;
    }

    /** A forest, a boosted ensemble or a single tree, as the flat equivalent of its {@code predict}. */
    static FlatForest flatten(DataFrameRegression model, int features, FlatForest.Walk walk) {
        if (model instanceof RandomForest forest) {
            return FlatForest.average(trees(forest.trees()), features, walk);
        }
        if (model instanceof GradientTreeBoost boost) {
            return FlatForest.boosted(trees(boost.trees()), features, readDouble(GradientTreeBoost.class, "b", boost),
                    readDouble(GradientTreeBoost.class, "shrinkage", boost), walk);
        }
        if (model instanceof smile.regression.RegressionTree tree) {
            return FlatForest.average(List.of(tree(tree)), features, walk);
        }
        throw new IllegalArgumentException("not a Smile tree model: " + model.getClass().getName());
    }

    private static List<RegressionTree> trees(smile.regression.RegressionTree[] trees) {
        List<RegressionTree> out = new ArrayList<>(trees.length);
        for (smile.regression.RegressionTree t : trees) {
            out.add(tree(t));
        }
        return out;
    }

    /** One Smile tree, numbered breadth-first (no recursion: trees may be deep). */
    static RegressionTree tree(smile.regression.RegressionTree tree) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(tree.root());
        int[] feature = new int[16], left = new int[16], right = new int[16];
        double[] value = new double[16];
        for (int k = 0; k < nodes.size(); k++) {
            if (k == feature.length) {
                feature = java.util.Arrays.copyOf(feature, 2 * k);
                left = java.util.Arrays.copyOf(left, 2 * k);
                right = java.util.Arrays.copyOf(right, 2 * k);
                value = java.util.Arrays.copyOf(value, 2 * k);
            }
            Node node = nodes.get(k);
            if (node instanceof OrdinalNode split) {
                // Smile sends a row to the true child when x <= value (NaN goes to the false child).
                feature[k] = split.feature();
                value[k] = readDouble(OrdinalNode.class, "value", split);
                left[k] = nodes.size();
                nodes.add(split.trueChild());
                right[k] = nodes.size();
                nodes.add(split.falseChild());
            } else if (node instanceof RegressionNode leaf) {
                feature[k] = -1;
                value[k] = leaf.output();
                left[k] = -1;
                right[k] = -1;
            } else {
                String kind = node instanceof InternalNode ? "a split on a nominal feature" : "an unknown node type";
                throw new IllegalStateException("the Smile tree holds " + kind + " (" + node.getClass().getName()
                        + "); Nernst passes numeric features only, so the flat tree reader does not handle it");
            }
        }
        int n = nodes.size();
        return new RegressionTree(java.util.Arrays.copyOf(feature, n), java.util.Arrays.copyOf(value, n),
                java.util.Arrays.copyOf(left, n), java.util.Arrays.copyOf(right, n));
    }

    private static double readDouble(Class<?> owner, String name, Object target) {
        try {
            Field f = owner.getDeclaredField(name);
            if (f.getType() != double.class) {
                throw new NoSuchFieldException(name + " is a " + f.getType() + ", not a double");
            }
            f.setAccessible(true);
            return f.getDouble(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the private field '" + name + "' of " + owner.getName()
                    + ", which the flat tree prediction of Nernst reads in Smile 6.3; the Smile version in use has"
                    + " changed its tree classes, so org.nernst.ml.smile.internal.SmileTrees must be updated", e);
        }
    }
}
