package org.timbrelab.engine.eval;

import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link ClipStatsListener}: one feature vector per clip plus {@code crops} random
 * stretches of it (so a short held-out clip is not out of the training range), standardised
 * with the class-balanced mean and std, then class-balanced softmax cross-entropy with an L2
 * penalty, minimised by full-batch Adam. The problem is convex, so the result hardly depends
 * on the seed, which only picks the crops.
 *
 * @param l2           L2 penalty on the weights (standardised features)
 * @param iterations   full-batch Adam steps
 * @param learningRate Adam step size
 * @param crops        random crops per clip added to the whole clip
 * @param minCropFrames shortest crop (frames)
 * @param seed         crop seed
 * @param speechWeight how much the speech class weighs in the loss against each other class (1 = the same)
 */
public record ClipStatsTrainer(double l2, int iterations, double learningRate, int crops, int minCropFrames, long seed,
                               double speechWeight) {

    /**
     * Speech weighs three times any instrument (study section 19: a listener that calls a real voice an instrument fails
     * its controls; section 27: at twice, a held-out voice over a hum was still "cello" 3 times in 40).
     */
    static final double SPEECH_WEIGHT = 3;

    public static final ClipStatsTrainer DEFAULT = new ClipStatsTrainer(1e-1, 600, 0.05, 2, 94, 11, SPEECH_WEIGHT);

    public ClipStatsTrainer {
        if (iterations < 1 || crops < 0 || minCropFrames < 2 || !(speechWeight > 0))
            throw new IllegalArgumentException("iterations >= 1, crops >= 0, minCropFrames >= 2 and speechWeight > 0 needed");
    }

    /** Trains on {@code clips} (label → spectrograms, insertion order = label order); every label needs an audible clip. */
    public ClipStatsListener train(Map<String, List<Spectrogram>> clips, ClipStatsFeatures features) { return train(clips, features, null); }

    /** The same, with {@code speechLabel}'s class (null: none) weighing {@link #speechWeight} times any other in the loss. */
    public ClipStatsListener train(Map<String, List<Spectrogram>> clips, ClipStatsFeatures features, String speechLabel) {
        if (clips.size() < 2) throw new IllegalArgumentException("need at least two labels, got " + clips.keySet());
        List<String> labels = new ArrayList<>(clips.keySet());
        Random rnd = new Random(seed);
        SpectrogramConfig config = null;
        List<List<double[]>> byClass = new ArrayList<>();
        for (String label : labels) {
            List<double[]> xs = new ArrayList<>();
            for (Spectrogram s : clips.get(label)) {
                if (config == null) config = s.config();
                else if (!config.equals(s.config()))
                    throw new IllegalArgumentException("all training spectrograms must share one config; '" + label + "' has " + s.config());
                add(xs, features.of(s));
                for (int c = 0; c < crops && s.frames() > minCropFrames; c++) {
                    int len = minCropFrames + rnd.nextInt(s.frames() - minCropFrames + 1);
                    int from = rnd.nextInt(s.frames() - len + 1);
                    add(xs, features.of(s, from, from + len));
                }
            }
            if (xs.isEmpty())
                throw new IllegalArgumentException("label '" + label + "' has no audible clip among " + clips.get(label).size());
            byClass.add(xs);
        }
        int f = features.size(), k = labels.size();
        double[][] norm = meanAndStd(byClass, f);
        ClipStatsListener shell = new ClipStatsListener(labels, features, config, norm[0], norm[1], new double[k][f], new double[k], Map.of());
        List<double[]> z = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Double> weight = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double classWeight = labels.get(c).equals(speechLabel) ? speechWeight : 1;
            for (double[] x : byClass.get(c)) {
                z.add(shell.normalise(x));
                y.add(c);
                weight.add(classWeight / byClass.get(c).size() / k);   // every class weighs the same in the loss, speech as set
            }
        }
        double[][] w = new double[k][f];
        double[] b = new double[k];
        double loss = fit(z, y, weight, w, b);
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) counts.put(labels.get(c), byClass.get(c).size());
        summary.put("trainingExamples", counts);
        summary.put("finalLoss", loss);
        return new ClipStatsListener(labels, features, config, norm[0], norm[1], w, b, summary);
    }

    private static void add(List<double[]> xs, double[] x) { if (x != null) xs.add(x); }

    /** Full-batch Adam on the weighted cross-entropy + L2; returns the final loss. */
    private double fit(List<double[]> z, List<Integer> y, List<Double> weight, double[][] w, double[] b) {
        int k = w.length, f = w[0].length;
        double[][] mw = new double[k][f], vw = new double[k][f];
        double[] mb = new double[k], vb = new double[k];
        double loss = Double.NaN;
        for (int t = 1; t <= iterations; t++) {
            double[][] gw = new double[k][f];
            double[] gb = new double[k];
            loss = 0;
            for (int i = 0; i < z.size(); i++) {
                double[] p = ClipStatsListener.softmax(w, b, z.get(i));
                int truth = y.get(i);
                double a = weight.get(i);
                loss -= a * Math.log(Math.max(p[truth], 1e-300));
                for (int c = 0; c < k; c++) {
                    double g = a * (p[c] - (c == truth ? 1 : 0));
                    gb[c] += g;
                    double[] row = gw[c], x = z.get(i);
                    for (int j = 0; j < f; j++) row[j] += g * x[j];
                }
            }
            for (int c = 0; c < k; c++) for (int j = 0; j < f; j++) {
                loss += 0.5 * l2 * w[c][j] * w[c][j];
                gw[c][j] += l2 * w[c][j];
            }
            if (!Double.isFinite(loss)) throw new IllegalStateException("clip-stats training diverged (loss " + loss + "); lower the learning rate");
            double c1 = 1 - Math.pow(0.9, t), c2 = 1 - Math.pow(0.999, t);
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < f; j++) w[c][j] -= adam(gw[c][j], mw[c], vw[c], j, c1, c2);
                b[c] -= adam(gb[c], mb, vb, c, c1, c2);
            }
        }
        return loss;
    }

    private double adam(double g, double[] m, double[] v, int i, double c1, double c2) {
        m[i] = 0.9 * m[i] + 0.1 * g;
        v[i] = 0.999 * v[i] + 0.001 * g * g;
        return learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
    }

    /** Per-feature mean and std, each class weighted equally; std floored so a constant feature stays finite. */
    private static double[][] meanAndStd(List<List<double[]>> byClass, int size) {
        double[] mean = new double[size], sq = new double[size];
        for (List<double[]> xs : byClass)
            for (double[] x : xs)
                for (int i = 0; i < size; i++) {
                    mean[i] += x[i] / xs.size() / byClass.size();
                    sq[i] += x[i] * x[i] / xs.size() / byClass.size();
                }
        double[] std = new double[size];
        for (int i = 0; i < size; i++) std[i] = Math.sqrt(Math.max(sq[i] - mean[i] * mean[i], 0)) + 1e-3;
        return new double[][] {mean, std};
    }
}
