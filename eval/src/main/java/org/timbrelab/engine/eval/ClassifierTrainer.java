package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Trains a {@link DomainClassifier} on labelled spectrograms: windows every {@code hop} frames,
 * features standardised with the training set's mean and standard deviation, class-balanced
 * mini-batches, Adam with weight decay, cross-entropy. Deterministic for a seed.
 *
 * @param hidden      hidden layer sizes; the last one is the embedding
 * @param epochs      passes of {@code windowsPerClass} windows per class
 * @param windowsPerClass windows drawn (with replacement) per class and epoch — balances classes
 * @param batch       mini-batch size
 * @param learningRate Adam step size
 * @param weightDecay L2 penalty on weights
 * @param hop         frames between training windows
 * @param seed        initialisation and sampling seed
 * @param members     networks trained from seeds {@code seed, seed + 1000, seed + 2000, ...} on the same windows, their
 *                    probabilities averaged (the first is the one network of {@code members = 1})
 */
public record ClassifierTrainer(int[] hidden, int epochs, int windowsPerClass, int batch, double learningRate,
                                double weightDecay, int hop, long seed, int members) {

    /**
     * Five networks: one alone is not the same listener twice — the same recipe on two machines gave 5 % and 10 % on one
     * held-out control (docs/study-reference.md, section 27).
     */
    public static final ClassifierTrainer DEFAULT = new ClassifierTrainer(new int[] {64, 32}, 40, 400, 32, 2e-3, 1e-4, 8, 7, 5);

    public ClassifierTrainer {
        if (hidden.length < 1) throw new IllegalArgumentException("need at least one hidden layer (the embedding)");
        if (epochs < 1 || windowsPerClass < 1 || batch < 1 || hop < 1 || members < 1)
            throw new IllegalArgumentException("epochs, windowsPerClass, batch, hop and members must be >= 1");
    }

    /** One network. */
    public ClassifierTrainer(int[] hidden, int epochs, int windowsPerClass, int batch, double learningRate,
                             double weightDecay, int hop, long seed) {
        this(hidden, epochs, windowsPerClass, batch, learningRate, weightDecay, hop, seed, 1);
    }

    /** The same settings with another number of epochs. */
    public ClassifierTrainer withEpochs(int n) {
        return new ClassifierTrainer(hidden, n, windowsPerClass, batch, learningRate, weightDecay, hop, seed, members);
    }

    /** The same settings with another number of networks. */
    public ClassifierTrainer withMembers(int n) {
        return new ClassifierTrainer(hidden, epochs, windowsPerClass, batch, learningRate, weightDecay, hop, seed, n);
    }

    /**
     * Trains on {@code clips} (label → spectrograms, insertion order = label order). Every label
     * needs at least one active window. {@code progress} gets the epoch number after each epoch, counted over all
     * networks (up to {@code epochs · members}).
     */
    public DomainClassifier train(Map<String, List<Spectrogram>> clips, SegmentFeatures features, IntConsumer progress) {
        if (clips.size() < 2) throw new IllegalArgumentException("need at least two labels to train a classifier, got " + clips.keySet());
        List<String> labels = new ArrayList<>(clips.keySet());
        SpectrogramConfig config = null;
        List<List<double[]>> byClass = new ArrayList<>();
        for (String label : labels) {
            List<double[]> ws = new ArrayList<>();
            for (Spectrogram s : clips.get(label)) {
                if (config == null) config = s.config();
                else if (!config.equals(s.config()))
                    throw new IllegalArgumentException("all training spectrograms must share one config; '" + label + "' has " + s.config());
                for (SegmentFeatures.Window w : features.windows(s, hop)) ws.add(w.features());
            }
            if (ws.isEmpty())
                throw new IllegalArgumentException("label '" + label + "' has no active window in " + clips.get(label).size()
                        + " clips (silent or shorter than 2 frames); give it louder or longer clips");
            byClass.add(ws);
        }
        double[][] norm = meanAndStd(byClass, features.size());
        List<Mlp> nets = new ArrayList<>();
        double lastLoss = Double.NaN;
        for (int k = 0; k < members; k++) {
            Mlp mlp = new Mlp(layerSizes(features.size(), labels.size()), seed + 1000L * k);
            DomainClassifier one = new DomainClassifier(labels, features, config, norm[0], norm[1], mlp, Map.of());
            int done = k * epochs;
            lastLoss = fit(one, mlp, byClass, new Random(seed + 1000L * k + 1), progress == null ? null : e -> progress.accept(done + e));
            nets.add(mlp);
        }
        DomainClassifier c = new DomainClassifier(labels, features, config, norm[0], norm[1], nets, Map.of());
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) counts.put(labels.get(k), byClass.get(k).size());
        summary.put("trainingWindows", counts);
        summary.put("finalLoss", lastLoss);
        summary.put("epochs", epochs);
        summary.put("members", members);
        return c.withSummary(summary);
    }

    /** Trains one network in place ({@code c} holds it and normalises its input); returns its last epoch's mean loss. */
    private double fit(DomainClassifier c, Mlp mlp, List<List<double[]>> byClass, Random rnd, IntConsumer progress) {
        Adam adam = new Adam(mlp);
        double lastLoss = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            // class-balanced draw: every class contributes windowsPerClass windows this epoch
            List<int[]> order = new ArrayList<>();
            for (int k = 0; k < byClass.size(); k++)
                for (int i = 0; i < windowsPerClass; i++) order.add(new int[] {k, rnd.nextInt(byClass.get(k).size())});
            java.util.Collections.shuffle(order, rnd);
            double lossSum = 0;
            for (int start = 0; start < order.size(); start += batch) {
                int end = Math.min(order.size(), start + batch);
                double[][] gw = mlp.zerosLikeWeights(), gb = mlp.zerosLikeBiases();
                for (int i = start; i < end; i++) {
                    int[] pick = order.get(i);
                    lossSum += mlp.accumulateGradient(c.normalise(byClass.get(pick[0]).get(pick[1])), pick[0], gw, gb);
                }
                adam.step(gw, gb, end - start);
            }
            lastLoss = lossSum / order.size();
            if (!Double.isFinite(lastLoss))
                throw new IllegalStateException("classifier training diverged (loss " + lastLoss + ") in epoch " + epoch
                        + "; lower the learning rate");
            if (progress != null) progress.accept(epoch);
        }
        return lastLoss;
    }

    private int[] layerSizes(int in, int classes) {
        int[] s = new int[hidden.length + 2];
        s[0] = in;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = classes;
        return s;
    }

    /** Per-feature mean and std over all classes' windows, each class weighted equally. */
    private static double[][] meanAndStd(List<List<double[]>> byClass, int size) {
        double[] mean = new double[size], sq = new double[size];
        for (List<double[]> ws : byClass)
            for (double[] f : ws)
                for (int i = 0; i < size; i++) {
                    mean[i] += f[i] / ws.size() / byClass.size();
                    sq[i] += f[i] * f[i] / ws.size() / byClass.size();
                }
        double[] std = new double[size];
        // floor: a feature that never varies (a band always at the floor) must not blow up
        for (int i = 0; i < size; i++) std[i] = Math.sqrt(Math.max(sq[i] - mean[i] * mean[i], 0)) + 1e-3;
        return new double[][] {mean, std};
    }

    /** Adam on the network's weights in place; weight decay is plain L2 added to the gradient. */
    private final class Adam {
        private final Mlp mlp;
        private final double[][] mw, vw, mb, vb;
        private int t;

        Adam(Mlp mlp) {
            this.mlp = mlp;
            mw = mlp.zerosLikeWeights(); vw = mlp.zerosLikeWeights();
            mb = mlp.zerosLikeBiases(); vb = mlp.zerosLikeBiases();
        }

        void step(double[][] gw, double[][] gb, int n) {
            t++;
            double b1 = 0.9, b2 = 0.999, eps = 1e-8;
            double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
            for (int l = 0; l < gw.length; l++) {
                update(mlp.w[l], gw[l], mw[l], vw[l], n, weightDecay, b1, b2, eps, c1, c2);
                update(mlp.b[l], gb[l], mb[l], vb[l], n, 0, b1, b2, eps, c1, c2);
            }
        }

        private void update(double[] p, double[] g, double[] m, double[] v, int n, double decay,
                            double b1, double b2, double eps, double c1, double c2) {
            for (int i = 0; i < p.length; i++) {
                double gi = g[i] / n + decay * p[i];
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                p[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
            }
        }
    }
}
