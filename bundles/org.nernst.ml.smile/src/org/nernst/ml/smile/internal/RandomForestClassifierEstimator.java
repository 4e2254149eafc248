package org.nernst.ml.smile.internal;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.DataException;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

import smile.classification.RandomForest;
import smile.model.cart.SplitRule;

/** Random forest classification (Gini splits) by {@link RandomForest} of Smile; probabilities are the trees' mean posterior. */
public final class RandomForestClassifierEstimator implements Estimator {

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor)
            throws DataException {
        SmileClassifiers.requireClassification(data, "random forest classifier");
        SeenClasses classes = SeenClasses.of(data);
        if (classes.count() < 2) {
            return SmileClassifiers.constant(classes);
        }
        int trees = (int) parameters.integer("trees");
        int mtry = (int) parameters.integer("mtry");
        int p = data.features();
        if (mtry > p) {
            throw new DataException("training data for random forest classifier", "parameter mtry",
                    "mtry = " + mtry + " but the data has only " + p + " features");
        }
        if (mtry == 0) {
            mtry = Math.max(1, (int) Math.floor(Math.sqrt(p)));
        }
        monitor.checkCanceled();
        RandomForest.Options options = new RandomForest.Options(trees, mtry, SplitRule.GINI,
                (int) parameters.integer("maxDepth"), Math.max(2, data.rows()), (int) parameters.integer("nodeSize"),
                parameters.number("subsample"), null, SmileClassifiers.treeSeeds(seed, trees), null);
        RandomForest forest = RandomForest.fit(ClassifierData.formula(),
                ClassifierData.frame(data.x(), p, classes.encode(data)), options);
        return new TreeClassifierModel(forest, classes, forest.importance(), p);
    }
}
