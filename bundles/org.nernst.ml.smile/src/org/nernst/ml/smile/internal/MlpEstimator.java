package org.nernst.ml.smile.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.nernst.core.ml.Estimator;
import org.nernst.core.ml.FittedModel;
import org.nernst.core.ml.Prediction;
import org.nernst.core.ml.TrainingSet;
import org.nernst.core.node.Parameters;
import org.nernst.core.node.ProgressMonitor;

/**
 * Multilayer perceptron regression, written here rather than taken from Smile: Smile 6.3's
 * {@code smile.regression.MLP} has no Adam, draws its initial weights from Smile's shared random
 * state and keeps its working buffers in transient thread-locals, which made seeding and
 * serialization fragile. Inputs and target are standardized; training is {@link MlpTrainer}.
 */
public final class MlpEstimator implements Estimator {
    /** Fewer validation rows than this make early stopping a coin toss: train the full epochs instead. */
    private static final int MIN_VALIDATION_ROWS = 5;

    @Override
    public FittedModel fit(TrainingSet data, Parameters parameters, long seed, ProgressMonitor monitor) {
        int n = data.rows(), p = data.features();
        int units = (int) parameters.integer("units");
        int layers = (int) parameters.integer("layers");
        MlpTrainer trainer = new MlpTrainer();
        trainer.epochs = (int) parameters.integer("epochs");
        trainer.batchSize = (int) parameters.integer("batchSize");
        trainer.learningRate = parameters.number("learningRate");
        trainer.l2 = parameters.number("l2");
        trainer.patience = (int) parameters.integer("patience");
        boolean tanh = "tanh".equals(parameters.string("activation"));

        Standardizer xs = Standardizer.fit(data.x(), p);
        Standardizer ys = Standardizer.fit(data.y());
        double[][] z = xs.apply(data.x());
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = ys.apply(0, data.y()[i]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int s = rows[i];
            rows[i] = rows[j];
            rows[j] = s;
        }
        int held = (int) Math.round(parameters.number("validationFraction") * n);
        if (held < MIN_VALIDATION_ROWS || n - held < MIN_VALIDATION_ROWS) {
            held = 0;
        }
        int[] validation = Arrays.copyOfRange(rows, 0, held), training = Arrays.copyOfRange(rows, held, n);
        int[] sizes = new int[layers + 2];
        sizes[0] = p;
        Arrays.fill(sizes, 1, layers + 1, units);
        sizes[layers + 1] = 1;
        MlpNetwork net = trainer.train(sizes, tanh, z, t, training, validation, random, monitor);
        return new Model(xs, ys, net, trainer.epochsRun, trainer.bestEpoch);
    }

    /** The fitted network with its scalers; public so tests can read how training went. */
    public static final class Model implements FittedModel {
        private static final long serialVersionUID = 1L;
        private final Standardizer xs, ys;
        private final MlpNetwork net;
        private final int epochsRun, bestEpoch;

        Model(Standardizer xs, Standardizer ys, MlpNetwork net, int epochsRun, int bestEpoch) {
            this.xs = xs;
            this.ys = ys;
            this.net = net;
            this.epochsRun = epochsRun;
            this.bestEpoch = bestEpoch;
        }

        @Override
        public Prediction predict(double[][] x) {
            double[][] acts = net.newActivations();
            double[] out = new double[x.length];
            for (int r = 0; r < x.length; r++) {
                for (int j = 0; j < acts[0].length; j++) {
                    acts[0][j] = xs.apply(j, x[r][j]);
                }
                out[r] = ys.restore(0, net.forward(acts));
            }
            return new Prediction(out, null);
        }

        public int epochsRun() {
            return epochsRun;
        }

        /** The epoch whose weights were kept (early stopping), or the last one without a validation split. */
        public int bestEpoch() {
            return bestEpoch;
        }
    }
}
