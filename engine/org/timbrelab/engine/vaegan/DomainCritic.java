package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.nn.Layer;
import org.timbrelab.engine.nn.PatchGan;
import org.timbrelab.engine.nn.PatchGanConfig;

/**
 * An auxiliary domain classifier C (the "auxiliary classifier" of AC-GAN, StarGAN's D_cls): a PatchGAN the size of
 * one D_k whose patches give one logit per domain. The discriminator step teaches it to name the domain of real
 * crops; the generator step is then rewarded when C names a transfer's target domain. A D_k only ever compares its
 * own domain's real crops with fakes, so nothing else tells G_violin that sounding like a flute is wrong.
 * Training only: a preset does not carry it. Tried on voice-strings, it did not help: the evaluation's classifier hears
 * another soundfont (docs/study-n-domains.md, "An auxiliary domain classifier").
 */
public final class DomainCritic extends Layer {
    private final PatchGan body;
    private final int domains;

    public DomainCritic(VaeGanConfig cfg) {
        this.domains = cfg.domainCount();
        this.body = addChildBlock("cls", new PatchGan(new PatchGanConfig(1, cfg.discBaseChannels(), cfg.discDownsamples(), domains)));
    }

    /** Per-patch logits (N, domains, H', W'). */
    @Override public NDArray forward(NDArray x) { return body.forward(x); }

    @Override public Shape outputShape(Shape in) { return body.outputShape(in); }

    /**
     * Mean over crops and patches of −log softmax(C(x))[domain]: the cross-entropy of calling every patch of every
     * crop {@code domain}. Per patch, as the D_k score: averaging the logits first would undo itself, because the
     * last conv is linear on instance-normalised features whose mean over the crop is fixed.
     */
    public NDArray crossEntropy(NDArray x, int domain) {
        if (domain < 0 || domain >= domains) throw new IllegalArgumentException("domain " + domain + " is not one of 0.." + (domains - 1));
        return forward(x).logSoftmax(1).get(new NDIndex(":, {}", domain)).mean().neg();
    }
}
