package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** x + IN(conv3×3(ReLU(IN(conv3×3(x))))): the residual block of the official VAE-GAN code. */
public final class ResidualBlock extends Layer {
    private final ConvNormAct first;
    private final ConvNormAct second;

    public ResidualBlock(int channels, Padding padding) {
        this(channels, padding, false);
    }

    /** @param affine the norms learn a scale and shift per channel ({@link ConvNormAct}) */
    public ResidualBlock(int channels, Padding padding, boolean affine) {
        this(channels, padding, affine, Kernels.SPLIT);
    }

    /** @param kernels how the affine norms are computed ({@link Kernels}) */
    public ResidualBlock(int channels, Padding padding, boolean affine, Kernels kernels) {
        first = addChildBlock("conv1", new ConvNormAct(ConvSpec.same(channels, channels, 3, padding), true, affine, Activation.RELU, kernels));
        second = addChildBlock("conv2", new ConvNormAct(ConvSpec.same(channels, channels, 3, padding), true, affine, Activation.NONE, kernels));
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.add(second.forward(first.forward(x)));
    }

    @Override
    public Shape outputShape(Shape in) { return in; }
}
