package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
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
     * Mirrors p pixels on every side of the last two axes, without repeating the edge pixel
     * (PyTorch's ReflectionPad2d); built from slices, flips and concatenations so gradients flow.
     */
    public static NDArray reflectPad(NDArray x, int p) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (p >= h || p >= w) throw new IllegalArgumentException("reflect padding " + p + " needs an image larger than " + p + " pixels, got " + h + "x" + w);
        NDArray top = x.get(new NDIndex(":, :, 1:{}", p + 1)).flip(2);
        NDArray bottom = x.get(new NDIndex(":, :, {}:{}", h - 1 - p, h - 1)).flip(2);
        NDArray rows = top.concat(x, 2).concat(bottom, 2);
        NDArray left = rows.get(new NDIndex(":, :, :, 1:{}", p + 1)).flip(3);
        NDArray right = rows.get(new NDIndex(":, :, :, {}:{}", w - 1 - p, w - 1)).flip(3);
        return left.concat(rows, 3).concat(right, 3);
    }
}
