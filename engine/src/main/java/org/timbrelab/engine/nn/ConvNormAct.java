package org.timbrelab.engine.nn;

import ai.djl.nn.Parameter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Convolution → optional instance norm (optionally with a learned per-channel scale and shift) → activation: the
 * unit every stage is built from.
 */
public final class ConvNormAct extends Layer {
    private final Conv conv;
    private final boolean norm;
    private final Parameter gamma; // null unless the norm is affine
    private final Parameter beta;
    private final Activation activation;
    private final Kernels kernels;

    public ConvNormAct(ConvSpec spec, boolean norm, Activation activation) {
        this(spec, norm, false, activation);
    }

    /** @param affine the norm learns a scale and shift per output channel (only with {@code norm}) */
    public ConvNormAct(ConvSpec spec, boolean norm, boolean affine, Activation activation) {
        this(spec, norm, affine, activation, Kernels.SPLIT);
    }

    /** @param kernels how the affine norm is computed ({@link Kernels}) */
    public ConvNormAct(ConvSpec spec, boolean norm, boolean affine, Activation activation, Kernels kernels) {
        this.kernels = kernels;
        if (affine && !norm) throw new IllegalArgumentException("an affine norm needs the norm");
        this.conv = addChildBlock("conv", new Conv(spec));
        this.norm = norm;
        this.gamma = affine ? gamma("gamma", new Shape(spec.out())) : null;
        this.beta = affine ? beta("beta", new Shape(spec.out())) : null;
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
        if (gamma != null) y = InstanceNorm.normalize(y, gamma.getArray(), beta.getArray(), kernels);
        else if (norm) y = InstanceNorm.normalize(y);
        return activation.apply(y);
    }

    @Override
    public Shape outputShape(Shape in) { return conv.outputShape(in); }
}
