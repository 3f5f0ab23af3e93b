package org.timbrelab.engine.vaegan.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.config.ConfigException;
import org.timbrelab.engine.data.ChunkSet;
import org.timbrelab.engine.data.DomainBatch;
import org.timbrelab.engine.data.StepBatch;
import org.timbrelab.engine.preset.Preset;
import org.timbrelab.engine.preset.PresetException;
import org.timbrelab.engine.preset.PresetStore;
import org.timbrelab.engine.vaegan.Encoder;
import org.timbrelab.engine.vaegan.Generator;
import org.timbrelab.engine.vaegan.VaeGanStep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code init.anchor}: a frozen copy of the init preset's encoder, kept open for the run, whose μ of the chosen crops
 * becomes the target of {@code L_anchor} ({@link VaeGanStep.Anchor}); with {@code through: D}, what the preset's
 * generator D decodes from that μ. The run's own encoder starts from the same weights ({@link WarmStart}) and learns;
 * the term only stops it drifting far on those crops.
 */
final class EncoderAnchor implements AutoCloseable {
    private final Preset preset;
    private final Encoder reference;
    private final Generator referenceGenerator; // null: latents are compared
    private final int through;
    private final float weight;
    private final boolean[] held;
    private final List<Integer> octaves;

    private EncoderAnchor(Preset preset, float weight, boolean[] held, List<Integer> octaves, int through, int presetThrough) {
        this.preset = preset;
        this.reference = preset.model().encoder();
        this.reference.freezeParameters(true);
        this.through = through;
        this.referenceGenerator = through < 0 ? null : preset.model().generator(presetThrough);
        if (referenceGenerator != null) referenceGenerator.freezeParameters(true);
        this.weight = weight;
        this.held = held;
        this.octaves = octaves;
    }

    /** The anchor of {@code init}, or null when it has none. Call after {@link WarmStart#apply}, which checks the architecture. */
    static EncoderAnchor open(VaeGanTrainConfig.Init init, List<String> domains, PrintStream out) {
        VaeGanTrainConfig.Anchor a = init.anchor();
        if (!a.on()) return null;
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
            return new EncoderAnchor(preset, (float) a.weight(), held, a.octaves(), through, presetThrough);
        } catch (PresetException e) {
            throw new ConfigException("init.from: " + e.getMessage(), e);
        }
    }

    /**
     * The reference μ (or decoded output) of every held domain's crops and the mask of crops at the chosen octaves.
     *
     * @param comb per domain, the crops' comb images, or null for a model without pitch conditioning
     */
    VaeGanStep.Anchor targets(List<NDArray> x, List<NDArray> comb, StepBatch batch) {
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
        return new VaeGanStep.Anchor(weight, target, mask, through);
    }

    private boolean isHeld(ChunkSet.CropSource crop) {
        return octaves.isEmpty() || octaves.contains(crop.octaves());
    }

    @Override public void close() { preset.close(); }
}
