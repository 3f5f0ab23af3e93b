package org.timbrelab.engine.labs;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.timbrelab.engine.data.digits.DigitSet;
import org.timbrelab.engine.nn.Activation;
import org.timbrelab.engine.nn.Chain;
import org.timbrelab.engine.nn.ConvNormAct;
import org.timbrelab.engine.nn.Padding;
import org.timbrelab.engine.train.Adam;
import org.timbrelab.engine.train.AdamConfig;
import org.timbrelab.engine.train.NamedParameters;

import java.util.Random;

/**
 * A small CNN digit classifier (4×4/2 conv 1→16, 4×4/2 conv 16→32, linear → 10) used to score
 * generated digits in Lab 2: a sample the classifier is sure about looks like some digit; samples
 * spread over all ten classes mean the generator did not collapse.
 */
public final class DigitClassifier implements AutoCloseable {

    /**
     * Scores of a set of images under the classifier p(y|x).
     *
     * @param confidence    mean max_y p(y|x) (1 = every image clearly some digit)
     * @param classEntropy  entropy of the mean class distribution, nats (ln 10 = 2.303 = all classes equally)
     * @param isScore       exp(E_x KL(p(y|x) ‖ p(y))), the Inception-score form with this classifier (1…10)
     */
    public record Scores(double confidence, double classEntropy, double isScore) { }

    private final Chain body;
    private final Linear head;
    private final ParameterStore store;
    private final Adam adam;

    public DigitClassifier(NDManager manager) {
        body = new Chain()
                .add("down1", ConvNormAct.downsample(1, 16, Padding.ZERO, false, Activation.LEAKY_RELU))
                .add("down2", ConvNormAct.downsample(16, 32, Padding.ZERO, false, Activation.LEAKY_RELU));
        body.initialize(manager);
        head = Linear.builder().setUnits(10).build();
        head.initialize(manager, DataType.FLOAT32, new Shape(1, 32 * 49));
        store = new ParameterStore(manager, false);
        adam = new Adam("cls", AdamConfig.of(1e-3), NamedParameters.concat(NamedParameters.of("body", body), NamedParameters.of("head", head)));
    }

    /** Trains on {@code set} for {@code steps} mini-batches of {@code batch}; returns the last batch's loss. */
    public float train(NDManager parent, DigitSet set, int steps, int batch, long seed) {
        Random rng = new Random(seed);
        float last = Float.NaN;
        for (int s = 0; s < steps; s++) {
            int[] idx = new int[batch];
            float[] onehot = new float[batch * 10];
            for (int i = 0; i < batch; i++) {
                idx[i] = rng.nextInt(set.count());
                onehot[i * 10 + set.labels()[idx[i]]] = 1;
            }
            try (NDManager m = parent.newSubManager()) {
                NDArray x = set.batch(m, idx);
                NDArray y = m.create(onehot, new Shape(batch, 10));
                adam.zeroGradients();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = logits(x).logSoftmax(1).mul(y).sum(new int[] {1}).neg().mean();
                    gc.backward(loss);
                    last = loss.getFloat();
                }
                adam.step();
            }
        }
        return last;
    }

    private NDArray logits(NDArray x) {
        NDArray h = body.forward(x);
        return head.forward(store, new NDList(h.reshape(h.getShape().get(0), -1)), false).singletonOrThrow();
    }

    /** p(y|x) for images (values in [0, 1], 784 each); rows of 10. */
    public float[][] probabilities(NDManager parent, float[][] images) {
        float[] flat = new float[images.length * 784];
        for (int i = 0; i < images.length; i++) System.arraycopy(images[i], 0, flat, i * 784, 784);
        try (NDManager m = parent.newSubManager()) {
            float[] p = logits(m.create(flat, new Shape(images.length, 1, 28, 28))).softmax(1).toFloatArray();
            float[][] out = new float[images.length][];
            for (int i = 0; i < images.length; i++) out[i] = java.util.Arrays.copyOfRange(p, i * 10, (i + 1) * 10);
            return out;
        }
    }

    /** Fraction of {@code set} classified correctly. */
    public double accuracy(NDManager parent, DigitSet set) {
        float[][] imgs = new float[set.count()][];
        for (int i = 0; i < imgs.length; i++) imgs[i] = set.image(i);
        float[][] p = probabilities(parent, imgs);
        int ok = 0;
        for (int i = 0; i < p.length; i++) if (argmax(p[i]) == set.labels()[i]) ok++;
        return ok / (double) p.length;
    }

    public Scores score(NDManager parent, float[][] images) {
        float[][] p = probabilities(parent, images);
        double[] mean = new double[10];
        double conf = 0;
        for (float[] row : p) {
            conf += row[argmax(row)];
            for (int k = 0; k < 10; k++) mean[k] += row[k] / p.length;
        }
        double entropy = 0;
        for (double q : mean) if (q > 0) entropy -= q * Math.log(q);
        double kl = 0;
        for (float[] row : p) {
            for (int k = 0; k < 10; k++) if (row[k] > 0) kl += row[k] * (Math.log(row[k]) - Math.log(mean[k]));
        }
        return new Scores(conf / p.length, entropy, Math.exp(kl / p.length));
    }

    private static int argmax(float[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
        return best;
    }

    @Override public void close() {
        adam.close();
    }
}
