package org.timbrelab.engine.vaegan.study;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.config.ConfigException;
import org.timbrelab.engine.data.ChunkSet;
import org.timbrelab.engine.data.DomainBatch;
import org.timbrelab.engine.data.StepBatch;
import org.timbrelab.engine.preset.Preset;
import org.timbrelab.engine.preset.PresetException;
import org.timbrelab.engine.preset.PresetStore;
import org.timbrelab.engine.vaegan.Encoder;
import org.timbrelab.engine.vaegan.ExtraGeneratorLoss;
import org.timbrelab.engine.vaegan.Generator;
import org.timbrelab.engine.vaegan.VaeGan;
import org.timbrelab.engine.nn.Scalars;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code init.anchor}: a frozen copy of the init preset's encoder, kept open for the run, whose μ of the chosen crops
 * is the target of {@code L_anchor} = |μ_k − μ₀_k|₁ over the held crops, averaged over the anchored domains; with
 * {@code through: D}, what generator D decodes from μ_k is compared with what the preset's generator D decodes from μ₀_k,
 * so the encoder may move in any direction that generator does not hear. The run's own encoder starts from the same
 * weights ({@link WarmStart}) and learns; the term only stops it drifting far on those crops.
 */
public final class EncoderAnchor implements ExtraLossSource {
    public static final String NAME = "L_anchor";
    private final Preset preset;
    private final VaeGan model;
    private final Encoder reference;
    private final Generator referenceGenerator; // null: latents are compared
    private final int through;
    private final float weight;
    private final boolean[] held;
    private final List<Integer> octaves;

    private EncoderAnchor(Preset preset, VaeGan model, float weight, boolean[] held, List<Integer> octaves, int through, int presetThrough) {
        this.preset = preset;
        this.model = model;
        this.reference = preset.model().encoder();
        this.reference.freezeParameters(true);
        this.through = through;
        this.referenceGenerator = through < 0 ? null : preset.model().generator(presetThrough);
        if (referenceGenerator != null) referenceGenerator.freezeParameters(true);
        this.weight = weight;
        this.held = held;
        this.octaves = octaves;
    }

    /**
     * The anchor of {@code init} for the run's {@code model}, or null when it has none. Call after {@link WarmStart#apply},
     * which checks the architecture.
     */
    public static EncoderAnchor open(InitConfig init, VaeGan model, PrintStream out) {
        InitConfig.Anchor a = init.anchor();
        if (!a.on()) return null;
        List<String> domains = model.config().domains();
        boolean[] held = new boolean[domains.size()];
        for (String d : a.domains()) {
            int k = domains.indexOf(d);
            if (k < 0) throw new ConfigException("init.anchor.domains: '" + d + "' is not a domain of this config " + domains);
            held[k] = true;
        }
        int through = a.through() == null ? -1 : domains.indexOf(a.through());
        if (a.through() != null && through < 0)
            throw new ConfigException("init.anchor.through: '" + a.through() + "' is not a domain of this config " + domains);
        try {
            Preset preset = PresetStore.load(Path.of(init.from()));
            int presetThrough = a.through() == null ? -1 : preset.info().domainNames().indexOf(a.through());
            if (a.through() != null && presetThrough < 0) {
                preset.close();
                throw new ConfigException("init.anchor.through: preset " + init.from() + " has no generator '" + a.through() + "' "
                        + preset.info().domainNames());
            }
            out.printf("vaegan: init: anchor λ=%s holds the encoder's μ of %s crops%s%s near %s's encoder%n", a.weight(), a.domains(),
                    a.octaves().isEmpty() ? "" : " moved " + a.octaves() + " octave(s)",
                    a.through() == null ? "" : ", as generator '" + a.through() + "' decodes it,", init.from());
            return new EncoderAnchor(preset, model, (float) a.weight(), held, a.octaves(), through, presetThrough);
        } catch (PresetException e) {
            throw new ConfigException("init.from: " + e.getMessage(), e);
        }
    }

    /** The reference μ (or decoded output) of every held domain's crops and the mask of crops at the chosen octaves. */
    @Override
    public ExtraGeneratorLoss forStep(List<NDArray> x, List<NDArray> comb, StepBatch batch) {
        NDArray[] target = new NDArray[held.length];
        NDArray[] mask = new NDArray[held.length];
        for (int k = 0; k < held.length; k++) {
            if (!held[k]) continue;
            NDArray mu = reference.forward(x.get(k));
            target[k] = (referenceGenerator == null ? mu : referenceGenerator.forward(mu, comb == null ? null : comb.get(k))).stopGradient();
            DomainBatch d = batch.domains().get(k);
            float[] m = new float[d.size()];
            for (int i = 0; i < m.length; i++) m[i] = isHeld(d.sources().get(i)) ? 1f : 0f;
            mask[k] = x.get(k).getManager().create(m, new Shape(m.length, 1, 1, 1));
        }
        long b = x.get(0).getShape().get(0);
        return new ExtraGeneratorLoss() {
            @Override public String name() { return NAME; }

            @Override public float weight() { return weight; }

            @Override public NDArray term(NDArray mu) {
                NDArray[] heldOut = new NDArray[held.length];
                for (int k = 0; k < held.length; k++) {
                    if (!held[k]) continue;
                    heldOut[k] = mu.get(new NDIndex("{}:{}", k * b, (k + 1) * b));
                    if (through >= 0) heldOut[k] = model.generator(through).forward(heldOut[k], comb == null ? null : comb.get(k));
                }
                return loss(heldOut, target, mask);
            }
        };
    }

    /**
     * Mean L1 distance of the held crops to their targets, averaged over the anchored domains (0 if no crop is held).
     *
     * @param held   per anchored domain, the model's μ (or decoded output) of its B crops; null elsewhere
     * @param target per anchored domain, the reference's, same shape; null elsewhere
     * @param mask   per anchored domain, (B, 1, 1, 1) with 1 for a held crop and 0 for a free one
     */
    static NDArray loss(NDArray[] held, NDArray[] target, NDArray[] mask) {
        NDArray total = null;
        int domains = 0;
        for (int k = 0; k < target.length; k++) {
            if (target[k] == null) continue;
            long b = held[k].getShape().get(0);
            NDArray diff = held[k].sub(target[k]).abs();
            long perCrop = diff.size() / b;
            NDArray heldValues = Scalars.maximum(Scalars.mul(mask[k].sum(), perCrop), 1);
            NDArray term = diff.mul(mask[k]).sum().div(heldValues);
            total = total == null ? term : total.add(term);
            domains++;
        }
        if (total == null) throw new IllegalArgumentException("the anchor holds no domain");
        return Scalars.div(total, domains);
    }

    private boolean isHeld(ChunkSet.CropSource crop) {
        return octaves.isEmpty() || octaves.contains(crop.octaves());
    }

    @Override public void close() { preset.close(); }
}
