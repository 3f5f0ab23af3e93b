package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.jni.JniUtils;

/** A 2-D convolution with bias and zero or reflect padding (DJL's Conv2d only zero-pads). */
public final class Conv extends Layer {
    private final ConvSpec spec;
    private final Parameter weight;
    private final Parameter bias;

    public Conv(ConvSpec spec) {
        this.spec = spec;
        this.weight = weight("weight", new Shape(spec.out(), spec.in(), spec.kernel(), spec.kernel()));
        this.bias = bias("bias", new Shape(spec.out()));
    }

    public ConvSpec spec() { return spec; }

    public Parameter weightParameter() { return weight; }

    @Override
    public NDArray forward(NDArray x) {
        int p = spec.pad();
        Shape stride = new Shape(spec.stride(), spec.stride());
        boolean reflect = spec.padding() == Padding.REFLECT && p > 0;
        NDArray in = reflect ? reflectPad(x, p) : x;
        Shape zeroPad = reflect ? new Shape(0, 0) : new Shape(p, p);
        int spare = (OUTPUT_LANES - spec.out() % OUTPUT_LANES) % OUTPUT_LANES;
        if (spare == 0 || !JniUtils.isGradMode())
            return Conv2d.conv2d(in, weight.getArray(), bias.getArray(), stride, zeroPad).singletonOrThrow();
        // Recording gradients with an output count that is not a multiple of 16: padded with zero filters, whose
        // outputs are dropped again, so the values and every gradient are the unpadded ones (ConvTest). libtorch 2.7.1's
        // input gradient for such a convolution came out wrong, often NaN, on an AMD EPYC (Zen 5) machine, while the
        // same gradient with 16 or more outputs was right (docs/ARCHITECTURE.md, "DJL facts").
        NDManager m = x.getManager();
        NDArray w = weight.getArray().concat(m.zeros(new Shape(spare, spec.in(), spec.kernel(), spec.kernel())), 0);
        NDArray b = bias.getArray().concat(m.zeros(new Shape(spare)), 0);
        w.attach(m); // made in the parameters' manager: die with the caller's (InstanceNorm does the same)
        b.attach(m);
        return Conv2d.conv2d(in, w, b, stride, zeroPad).singletonOrThrow().get(new NDIndex(":, 0:{}", spec.out()));
    }

    /** Output counts that are a multiple of this have a correct input gradient on every machine tried. */
    static final int OUTPUT_LANES = 16;

    @Override
    public Shape outputShape(Shape in) {
        return new Shape(in.get(0), spec.out(), spec.outSize(in.get(2)), spec.outSize(in.get(3)));
    }

    /**
     * Mirrors p pixels on every side of the last two axes, without repeating the edge pixel (PyTorch's
     * ReflectionPad2d). Recording gradients, as two products with 0/1 mirror matrices, whose backward is two more
     * products; otherwise as one gather of rows, then one of columns, by mirrored indices, the cheaper forward. Both give
     * the values and gradients of the slices-and-flips form they replaced bit for bit (BlocksTest: a product with a
     * one-hot row adds exact zeros; an edge pixel's 2–4 contributions are summed in the same pairs), so every model
     * trains and converts as before. On a training-sized image the products' backward took about half the gathers'
     * (index_put with accumulation), their forward about the same; converting a long window, the gathers' forward is
     * ~5× faster (docs/perf/README.md, "Reflect pad as products").
     */
    public static NDArray reflectPad(NDArray x, int p) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (p >= h || p >= w) throw new IllegalArgumentException("reflect padding " + p + " needs an image larger than " + p + " pixels, got " + h + "x" + w);
        NDManager m = x.getManager();
        if (JniUtils.isGradMode()) return mirror(m, h, p).matMul(x).matMul(mirror(m, w, p).transpose());
        return x.get(new NDIndex(":, :, {}", mirrored(m, h, p))).get(new NDIndex(":, :, :, {}", mirrored(m, w, p)));
    }

    /** (n + 2p, n) matrix whose row i is one-hot at the source of padded position i ({@link #mirrored}). */
    public static NDArray mirror(NDManager m, long n, int p) {
        int rows = (int) n + 2 * p;
        float[] v = new float[rows * (int) n];
        for (int i = 0; i < rows; i++) v[i * (int) n + (int) source(i, n, p)] = 1f;
        return m.create(v, new Shape(rows, n));
    }

    /** Source index of each of n + 2p padded positions along an axis of length n: p..1, then 0..n-1, then n-2..n-1-p. */
    public static NDArray mirrored(NDManager m, long n, int p) {
        long[] at = new long[(int) n + 2 * p];
        for (int i = 0; i < at.length; i++) at[i] = source(i, n, p);
        return m.create(at);
    }

    private static long source(int i, long n, int p) {
        long j = i - p;
        return j < 0 ? -j : j >= n ? 2 * (n - 1) - j : j;
    }
}
