package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** x + IN(conv3×3(ReLU(IN(conv3×3(x))))): the residual block of the official VAE-GAN code. */
public final class ResidualBlock extends Layer {
    private final ConvNormAct first;
    private final ConvNormAct second;

    public ResidualBlock(int channels, Padding padding) {
        first = addChildBlock("conv1", new ConvNormAct(ConvSpec.same(channels, channels, 3, padding), true, Activation.RELU));
        second = addChildBlock("conv2", new ConvNormAct(ConvSpec.same(channels, channels, 3, padding), true, Activation.NONE));
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.add(second.forward(first.forward(x)));
    }

    @Override
    public Shape outputShape(Shape in) { return in; }
}
