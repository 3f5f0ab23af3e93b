package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Convolution → optional instance norm → activation: the unit every stage is built from. */
public final class ConvNormAct extends Layer {
    private final Conv conv;
    private final boolean norm;
    private final Activation activation;

    public ConvNormAct(ConvSpec spec, boolean norm, Activation activation) {
        this.conv = addChildBlock("conv", new Conv(spec));
        this.norm = norm;
        this.activation = activation;
    }

    /** A stride-2 4×4 convolution that halves height and width (encoder and PatchGAN stages). */
    public static ConvNormAct downsample(int in, int out, Padding padding, boolean norm, Activation activation) {
        return new ConvNormAct(new ConvSpec(in, out, 4, 2, padding), norm, activation);
    }

    public Conv conv() { return conv; }

    @Override
    public NDArray forward(NDArray x) {
        NDArray y = conv.forward(x);
        if (norm) y = InstanceNorm.normalize(y);
        return activation.apply(y);
    }

    @Override
    public Shape outputShape(Shape in) { return conv.outputShape(in); }
}
