package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * PatchGAN discriminator (Isola et al.): a grid of real/fake scores (or class logits), one per receptive-field
 * patch, unbounded (for LSGAN). No norm on the first stage, instance norm after, LeakyReLU(0.2).
 */
public final class PatchGan extends Layer {
    private final Chain body = new Chain();

    public PatchGan(PatchGanConfig cfg) {
        int ch = cfg.baseChannels();
        body.add("down0", ConvNormAct.downsample(cfg.inChannels(), ch, Padding.ZERO, false, Activation.LEAKY_RELU));
        for (int i = 1; i < cfg.downsamples(); i++) {
            body.add("down" + i, ConvNormAct.downsample(ch, ch * 2, Padding.ZERO, true, Activation.LEAKY_RELU));
            ch *= 2;
        }
        body.add("score", new ConvNormAct(ConvSpec.same(ch, cfg.scores(), 3, Padding.ZERO), false, Activation.NONE));
        addChildBlock("body", body);
    }

    @Override
    public NDArray forward(NDArray x) { return body.forward(x); }

    @Override
    public Shape outputShape(Shape in) { return body.outputShape(in); }
}
