package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.nn.Activation;
import org.timbrelab.engine.nn.Chain;
import org.timbrelab.engine.nn.ConvNormAct;
import org.timbrelab.engine.nn.ConvSpec;
import org.timbrelab.engine.nn.Kernels;
import org.timbrelab.engine.nn.Layer;
import org.timbrelab.engine.nn.Padding;
import org.timbrelab.engine.nn.ResidualBlock;

/**
 * E: 7×7 conv → two 4×4 stride-2 convs → residual blocks → μ, of shape (N, 4·base, H/4, W/4).
 * The 7×7 convs reflect-pad (no dark border at clip edges); inner convs zero-pad inside the native
 * convolution, which is cheaper than gathering reflected borders.
 * The posterior is N(μ, I), so sampling is z = μ + ε and KL = mean(μ²)/2 up to a constant (we use mean μ²).
 */
public final class Encoder extends Layer {
    private final Chain body = new Chain();

    public Encoder(VaeGanConfig cfg) {
        int c = cfg.baseChannels();
        boolean affine = cfg.affineNorm();
        Kernels k = cfg.kernels();
        body.add("in", new ConvNormAct(ConvSpec.same(1, c, 7, Padding.REFLECT), true, affine, Activation.RELU, k))
            .add("down1", new ConvNormAct(new ConvSpec(c, 2 * c, 4, 2, Padding.ZERO), true, affine, Activation.RELU, k))
            .add("down2", new ConvNormAct(new ConvSpec(2 * c, 4 * c, 4, 2, Padding.ZERO), true, affine, Activation.RELU, k));
        for (int i = 0; i < cfg.encoderResBlocks(); i++) body.add("res" + i, new ResidualBlock(4 * c, Padding.ZERO, affine, k));
        addChildBlock("body", body);
    }

    /** μ for a batch of spectrogram images (N, 1, mels, frames); frames must be a multiple of 4. */
    @Override
    public NDArray forward(NDArray x) { return body.forward(x); }

    @Override
    public Shape outputShape(Shape in) { return body.outputShape(in); }
}
