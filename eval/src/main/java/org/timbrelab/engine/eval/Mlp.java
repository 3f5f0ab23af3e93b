package org.timbrelab.engine.eval;

import java.util.Arrays;
import java.util.Random;

/**
 * A small fully connected network in plain Java: ReLU hidden layers, a linear output layer
 * (logits), softmax cross-entropy. Small enough (a few thousand weights) that plain loops train
 * it in seconds with no native engine, and deterministically from a seed.
 *
 * <p>Layout: layer {@code l} maps {@code sizes[l]} inputs to {@code sizes[l+1]} outputs; its
 * weights are row-major {@code w[l][out * in + in_index]}, biases {@code b[l][out]}.
 */
public final class Mlp {

    private final int[] sizes;
    final double[][] w;
    final double[][] b;

    /** He-initialised network with the given layer sizes (input, hidden..., classes). */
    public Mlp(int[] sizes, long seed) {
        if (sizes.length < 2) throw new IllegalArgumentException("need at least input and output sizes, got " + Arrays.toString(sizes));
        for (int s : sizes) if (s <= 0) throw new IllegalArgumentException("layer sizes must be > 0, got " + Arrays.toString(sizes));
        this.sizes = sizes.clone();
        w = new double[sizes.length - 1][];
        b = new double[sizes.length - 1][];
        Random rnd = new Random(seed);
        for (int l = 0; l < w.length; l++) {
            int in = sizes[l], out = sizes[l + 1];
            w[l] = new double[in * out];
            b[l] = new double[out];
            double scale = Math.sqrt(2.0 / in);
            for (int i = 0; i < w[l].length; i++) w[l][i] = rnd.nextGaussian() * scale;
        }
    }

    /** A network with the given weights (copied); used when loading from a file. */
    public Mlp(int[] sizes, double[][] weights, double[][] biases) {
        this.sizes = sizes.clone();
        if (weights.length != sizes.length - 1 || biases.length != sizes.length - 1)
            throw new IllegalArgumentException("expected " + (sizes.length - 1) + " layers of weights and biases");
        w = new double[weights.length][];
        b = new double[biases.length][];
        for (int l = 0; l < w.length; l++) {
            if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1])
                throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " weights and "
                        + biases[l].length + " biases, expected " + sizes[l] * sizes[l + 1] + " and " + sizes[l + 1]);
            w[l] = weights[l].clone();
            b[l] = biases[l].clone();
        }
    }

    public int[] sizes() { return sizes.clone(); }

    public int inputSize() { return sizes[0]; }

    public int outputSize() { return sizes[sizes.length - 1]; }

    /** Size of the last hidden layer (the embedding). */
    public int embeddingSize() { return sizes[sizes.length - 2]; }

    /** Activations of every layer for one input: [0] = input, last = logits. */
    double[][] activations(double[] x) {
        if (x.length != sizes[0]) throw new IllegalArgumentException("input has " + x.length + " values, expected " + sizes[0]);
        double[][] a = new double[sizes.length][];
        a[0] = x;
        for (int l = 0; l < w.length; l++) {
            int in = sizes[l], out = sizes[l + 1];
            double[] y = new double[out];
            boolean hidden = l < w.length - 1;
            for (int o = 0; o < out; o++) {
                double s = b[l][o];
                int base = o * in;
                for (int i = 0; i < in; i++) s += w[l][base + i] * a[l][i];
                y[o] = hidden ? Math.max(0, s) : s;
            }
            a[l + 1] = y;
        }
        return a;
    }

    /** Class probabilities (softmax of the logits). */
    public double[] probabilities(double[] x) {
        double[][] a = activations(x);
        return softmax(a[a.length - 1]);
    }

    /** The last hidden layer's activations: the learned embedding of this input. */
    public double[] embedding(double[] x) {
        double[][] a = activations(x);
        return a[a.length - 2];
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) max = Math.max(max, v);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) { p[i] = Math.exp(logits[i] - max); sum += p[i]; }
        for (int i = 0; i < p.length; i++) p[i] /= sum;
        return p;
    }

    /**
     * Adds the gradient of the cross-entropy loss for one example to {@code gw, gb} and returns
     * the loss. Backpropagation through ReLU layers.
     */
    double accumulateGradient(double[] x, int label, double[][] gw, double[][] gb) {
        double[][] a = activations(x);
        double[] p = softmax(a[a.length - 1]);
        double loss = -Math.log(Math.max(p[label], 1e-12));
        double[] delta = p.clone();
        delta[label] -= 1;                       // dL/dlogits for softmax + cross-entropy
        for (int l = w.length - 1; l >= 0; l--) {
            int in = sizes[l], out = sizes[l + 1];
            double[] prev = a[l];
            double[] prevDelta = l > 0 ? new double[in] : null;
            for (int o = 0; o < out; o++) {
                double d = delta[o];
                if (d == 0) continue;
                gb[l][o] += d;
                int base = o * in;
                for (int i = 0; i < in; i++) {
                    gw[l][base + i] += d * prev[i];
                    if (prevDelta != null) prevDelta[i] += d * w[l][base + i];
                }
            }
            if (prevDelta != null) {
                for (int i = 0; i < in; i++) if (prev[i] <= 0) prevDelta[i] = 0;   // ReLU'
                delta = prevDelta;
            }
        }
        return loss;
    }

    /** Zero-filled arrays shaped like the weights (for gradients and optimiser moments). */
    double[][] zerosLikeWeights() {
        double[][] z = new double[w.length][];
        for (int l = 0; l < w.length; l++) z[l] = new double[w[l].length];
        return z;
    }

    double[][] zerosLikeBiases() {
        double[][] z = new double[b.length][];
        for (int l = 0; l < b.length; l++) z[l] = new double[b[l].length];
        return z;
    }

    double[][] weightsCopy() {
        double[][] c = new double[w.length][];
        for (int l = 0; l < w.length; l++) c[l] = w[l].clone();
        return c;
    }

    double[][] biasesCopy() {
        double[][] c = new double[b.length][];
        for (int l = 0; l < b.length; l++) c[l] = b[l].clone();
        return c;
    }
}
