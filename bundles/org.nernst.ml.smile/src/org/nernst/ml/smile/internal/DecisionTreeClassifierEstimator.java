package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.classification.DecisionTree;
import smile.model.cart.SplitRule;

/** One CART classification tree (Gini) by {@link DecisionTree} of Smile; probabilities are the leaf's class shares. */
public final class DecisionTreeClassifierEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        SmileClassifiers.requireClassification(data, "decision tree classifier");
        SeenClasses classes = SeenClasses.of(data);
        if (classes.count() < 2) {
            return SmileClassifiers.constant(classes);
        }
        monitor.checkCanceled();
        int p = data.features();
        DecisionTree.Options options = new DecisionTree.Options(SplitRule.GINI, (int) parameters.integer("maxDepth"),
                Math.max(2, data.rows()), (int) parameters.integer("nodeSize"));
        DecisionTree tree = DecisionTree.fit(ClassifierData.formula(),
                ClassifierData.frame(data.x(), p, classes.encode(data)), options);
        return new TreeClassifierModel(tree, classes, tree.importance(), p);
    }
}
