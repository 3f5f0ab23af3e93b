package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.nn.Activation;
import org.timbrelab.engine.nn.Chain;
import org.timbrelab.engine.nn.Conv;
import org.timbrelab.engine.nn.ConvNormAct;
import org.timbrelab.engine.nn.ConvSpec;
import org.timbrelab.engine.nn.Layer;
import org.timbrelab.engine.nn.Padding;
import org.timbrelab.engine.nn.ResidualBlock;
import org.timbrelab.engine.nn.Upsample;

/**
 * G_k: shared residual block(s) → own residual blocks → two ×2 up-sampling stages → 7×7 conv → tanh.
 * The shared blocks are held by reference, not registered as a child, so a model lists their
 * parameters once (under the model's "shared" entry). With pitch conditioning the harmonic comb
 * image is added through 3×3 conv projections at 1/4, 1/2 and full resolution.
 */
public final class Generator extends Layer {
    private final Layer shared;
    private final Chain own = new Chain();
    private final Upsample up1;
    private final Upsample up2;
    private final ConvNormAct out;
    private final Conv[] pitchProjections; // null without pitch conditioning

    public Generator(VaeGanConfig cfg, Layer shared) {
        this.shared = shared;
        int c = cfg.baseChannels();
        for (int i = 0; i < cfg.ownResBlocks(); i++) own.add("res" + i, new ResidualBlock(4 * c, Padding.ZERO, cfg.affineNorm(), cfg.kernels()));
        addChildBlock("own", own);
        up1 = addChildBlock("up1", new Upsample(4 * c, 2 * c, Padding.ZERO, cfg.affineNorm(), cfg.kernels()));
        up2 = addChildBlock("up2", new Upsample(2 * c, c, Padding.ZERO, cfg.affineNorm(), cfg.kernels()));
        out = addChildBlock("out", new ConvNormAct(ConvSpec.same(c, 1, 7, Padding.REFLECT), false, Activation.TANH));
        if (cfg.pitchConditioning()) {
            pitchProjections = new Conv[] {
                    addChildBlock("pitch4", new Conv(ConvSpec.same(1, 4 * c, 3, Padding.ZERO))),
                    addChildBlock("pitch2", new Conv(ConvSpec.same(1, 2 * c, 3, Padding.ZERO))),
                    addChildBlock("pitch1", new Conv(ConvSpec.same(1, c, 3, Padding.ZERO)))};
        } else {
            pitchProjections = null;
        }
    }

    public Layer sharedBlock() { return shared; }

    public boolean pitchConditioned() { return pitchProjections != null; }

    /** Decodes without pitch (only valid for a model trained without pitch conditioning). */
    @Override
    public NDArray forward(NDArray z) { return forward(z, null); }

    /**
     * Decodes latents (N, 4·base, H/4, W/4) into images (N, 1, H, W) in [-1, 1].
     *
     * @param comb harmonic comb images at full resolution (N, 1, H, W), see {@link PitchComb}; required iff pitch-conditioned
     */
    public NDArray forward(NDArray z, NDArray comb) {
        if (pitchConditioned() != (comb != null))
            throw new IllegalArgumentException(pitchConditioned() ? "this generator is pitch-conditioned: pass a comb image" : "this generator takes no pitch comb");
        NDArray h = own.forward(shared.forward(z));
        if (comb != null) h = h.add(pitchProjections[0].forward(PitchComb.downsample(comb, 4)));
        h = up1.forward(h);
        if (comb != null) h = h.add(pitchProjections[1].forward(PitchComb.downsample(comb, 2)));
        h = up2.forward(h);
        if (comb != null) h = h.add(pitchProjections[2].forward(comb));
        return out.forward(h);
    }

    @Override
    public Shape outputShape(Shape in) {
        return new Shape(in.get(0), 1, in.get(2) * 4, in.get(3) * 4);
    }
}
