package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.data.digits.DigitSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What one does with a trained Lab 1 VAE: score it on held-out digits, draw samples from N(0, I),
 * reconstruct, and walk between two digits' codes. All without gradients, in a scratch manager.
 */
public final class VaeDigitsLab {

    /**
     * Held-out scores in nats per image.
     *
     * @param bceFromMean  reconstruction BCE decoding z = μ
     * @param kl           KL(q(z|x) ‖ N(0, I))
     * @param negElbo      −ELBO = BCE (one sampled z) + KL, an upper bound on −log p(x)
     */
    public record TestScores(int images, double bceFromMean, double kl, double negElbo) { }

    private VaeDigitsLab() { }

    public static TestScores evaluate(VaeDigitsRecipe r, NDManager parent, long seed) {
        DigitSet test = r.testSet();
        double bceMu = 0, kl = 0, bceSample = 0;
        int batch = 250;
        try (NDManager m = parent.newSubManager()) {
            ai.djl.engine.Engine.getInstance().setRandomSeed((int) seed);
            for (int start = 0; start < test.count(); start += batch) {
                int n = Math.min(batch, test.count() - start);
                int[] idx = new int[n];
                for (int i = 0; i < n; i++) idx[i] = start + i;
                try (NDManager b = m.newSubManager()) {
                    NDArray x = test.batch(b, idx);
                    VaeDigitsRecipe.Terms mean = r.terms(b, x, false);
                    VaeDigitsRecipe.Terms sampled = r.terms(b, x, true);
                    bceMu += mean.bce().getFloat() * n;
                    kl += mean.kl().getFloat() * n;
                    bceSample += sampled.bce().getFloat() * n;
                }
            }
        }
        int n = test.count();
        return new TestScores(n, bceMu / n, kl / n, (bceSample + kl) / n);
    }

    /** {@code n} images decoded from z ~ N(0, I) drawn with a Java RNG of {@code seed}. */
    public static List<float[]> samples(VaeDigitsRecipe r, NDManager parent, int n, long seed) {
        Random rng = new Random(seed);
        List<float[]> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] z = new float[r.model().latent()];
            for (int k = 0; k < z.length; k++) z[k] = (float) rng.nextGaussian();
            codes.add(z);
        }
        return decode(r, parent, codes);
    }

    /** The first {@code n} test digits, each followed by its reconstruction from μ. */
    public static List<float[]> reconstructions(VaeDigitsRecipe r, NDManager parent, int n) {
        DigitSet test = r.testSet();
        int[] idx = new int[Math.min(n, test.count())];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        List<float[]> recon = decode(r, parent, encodeMeans(r, parent, idx));
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) {
            out.add(test.image(idx[i]));
            out.add(recon.get(i));
        }
        return out;
    }

    /**
     * One strip per pair: test digits a and b, and {@code steps} decoded points from μ(a) to μ(b)
     * (lerp or slerp), the ends included.
     */
    public static List<float[]> interpolate(VaeDigitsRecipe r, NDManager parent, LatentPaths.Mode mode,
                                            int[][] pairs, int steps) {
        List<float[]> out = new ArrayList<>();
        for (int[] pair : pairs) {
            List<float[]> mus = encodeMeans(r, parent, pair);
            List<float[]> path = new ArrayList<>();
            for (int s = 0; s < steps; s++) path.add(LatentPaths.at(mode, mus.get(0), mus.get(1), s / (double) (steps - 1)));
            out.add(r.testSet().image(pair[0]));
            out.addAll(decode(r, parent, path));
            out.add(r.testSet().image(pair[1]));
        }
        return out;
    }

    /** μ of the given test images. */
    public static List<float[]> encodeMeans(VaeDigitsRecipe r, NDManager parent, int[] idx) {
        try (NDManager m = parent.newSubManager()) {
            NDArray mu = r.model().encode(r.testSet().batch(m, idx))[0];
            return rows(mu.toFloatArray(), idx.length);
        }
    }

    public static List<float[]> decode(VaeDigitsRecipe r, NDManager parent, List<float[]> codes) {
        int latent = r.model().latent();
        float[] flat = new float[codes.size() * latent];
        for (int i = 0; i < codes.size(); i++) System.arraycopy(codes.get(i), 0, flat, i * latent, latent);
        try (NDManager m = parent.newSubManager()) {
            NDArray img = ai.djl.nn.Activation.sigmoid(r.model().decode(m.create(flat, new Shape(codes.size(), latent))));
            return rows(img.toFloatArray(), codes.size());
        }
    }

    private static List<float[]> rows(float[] flat, int n) {
        int len = flat.length / n;
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(java.util.Arrays.copyOfRange(flat, i * len, (i + 1) * len));
        return out;
    }
}
