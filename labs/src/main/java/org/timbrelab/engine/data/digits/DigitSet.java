package org.timbrelab.engine.data.digits;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * Square grey-scale digit images with labels. Pixels are row-major, image after image, in [0, 1]
 * (1 = ink).
 *
 * @param size    image side in pixels (28 for MNIST)
 * @param pixels  {@code count * size * size} values
 * @param labels  digit 0–9 per image
 */
public record DigitSet(int size, float[] pixels, int[] labels) {

    public DigitSet {
        if (size < 1) throw new IllegalArgumentException("size must be >= 1");
        if ((long) labels.length * size * size != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + pixels.length + " pixels for " + size + "x" + size + " images");
        }
    }

    public int count() {
        return labels.length;
    }

    /** One image's pixels (a copy). */
    public float[] image(int i) {
        int n = size * size;
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** Images {@code idx} as a (B, 1, size, size) float32 array in {@code manager}. */
    public NDArray batch(NDManager manager, int[] idx) {
        int n = size * size;
        float[] out = new float[idx.length * n];
        for (int b = 0; b < idx.length; b++) System.arraycopy(pixels, idx[b] * n, out, b * n, n);
        return manager.create(out, new Shape(idx.length, 1, size, size));
    }

    /** A subset, in the given order. */
    public DigitSet select(int[] idx) {
        int n = size * size;
        float[] px = new float[idx.length * n];
        int[] lb = new int[idx.length];
        for (int b = 0; b < idx.length; b++) {
            System.arraycopy(pixels, idx[b] * n, px, b * n, n);
            lb[b] = labels[idx[b]];
        }
        return new DigitSet(size, px, lb);
    }

    /**
     * Deterministic train/test split: a fixed-seed shuffle of the indices, the first
     * round(testFraction × count) become the test set. (A stride split would align with files
     * whose labels cycle 0–9 and put whole classes on one side.)
     */
    public DigitSet[] split(double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) throw new IllegalArgumentException("testFraction must be in (0, 1) (got " + testFraction + ")");
        int[] order = new int[count()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Random r = new java.util.Random(0x5EED);
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nTest = (int) Math.max(1, Math.round(testFraction * count()));
        return new DigitSet[] {select(Arrays.copyOfRange(order, nTest, order.length)), select(Arrays.copyOfRange(order, 0, nTest))};
    }
}
