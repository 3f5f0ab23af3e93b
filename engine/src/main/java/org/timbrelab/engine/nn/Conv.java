package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;

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
        if (spec.padding() == Padding.REFLECT && p > 0) {
            return Conv2d.conv2d(reflectPad(x, p), weight.getArray(), bias.getArray(), stride, new Shape(0, 0)).singletonOrThrow();
        }
        return Conv2d.conv2d(x, weight.getArray(), bias.getArray(), stride, new Shape(p, p)).singletonOrThrow();
    }

    @Override
    public Shape outputShape(Shape in) {
        return new Shape(in.get(0), spec.out(), spec.outSize(in.get(2)), spec.outSize(in.get(3)));
    }

    /**
     * Mirrors p pixels on every side of the last two axes, without repeating the edge pixel (PyTorch's
     * ReflectionPad2d): one gather of rows, then one of columns, by mirrored indices. Gradients flow and equal those of
     * the slices-and-flips form this replaced bit for bit (BlocksTest), at a fraction of its backward cost: each slice's
     * gradient was a zero-filled array of the whole image (docs/perf/README.md).
     */
    public static NDArray reflectPad(NDArray x, int p) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (p >= h || p >= w) throw new IllegalArgumentException("reflect padding " + p + " needs an image larger than " + p + " pixels, got " + h + "x" + w);
        NDManager m = x.getManager();
        return x.get(new NDIndex(":, :, {}", mirrored(m, h, p))).get(new NDIndex(":, :, :, {}", mirrored(m, w, p)));
    }

    /** Source index of each of n + 2p padded positions along an axis of length n: p..1, then 0..n-1, then n-2..n-1-p. */
    static NDArray mirrored(NDManager m, long n, int p) {
        long[] at = new long[(int) n + 2 * p];
        for (int i = 0; i < at.length; i++) {
            long j = i - p;
            at[i] = j < 0 ? -j : j >= n ? 2 * (n - 1) - j : j;
        }
        return m.create(at);
    }
}
