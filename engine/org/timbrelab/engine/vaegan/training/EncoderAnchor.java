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
import org.timbrelab.engine.vaegan.VaeGanStep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code init.anchor}: a frozen copy of the init preset's encoder, kept open for the run, whose μ of the chosen crops
 * becomes the target of {@code L_anchor} ({@link VaeGanStep.Anchor}). The run's own encoder starts from the same
 * weights ({@link WarmStart}) and learns; the term only stops it drifting far on those crops.
 */
final class EncoderAnchor implements AutoCloseable {
    private final Preset preset;
    private final Encoder reference;
    private final float weight;
    private final boolean[] held;
    private final List<Integer> octaves;

    private EncoderAnchor(Preset preset, float weight, boolean[] held, List<Integer> octaves) {
        this.preset = preset;
        this.reference = preset.model().encoder();
        this.reference.freezeParameters(true);
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
        try {
            Preset preset = PresetStore.load(Path.of(init.from()));
            out.printf("vaegan: init: anchor λ=%s holds the encoder's μ of %s crops%s near %s's encoder%n", a.weight(), a.domains(),
                    a.octaves().isEmpty() ? "" : " moved " + a.octaves() + " octave(s)", init.from());
            return new EncoderAnchor(preset, (float) a.weight(), held, a.octaves());
        } catch (PresetException e) {
            throw new ConfigException("init.from: " + e.getMessage(), e);
        }
    }

    /** The reference μ of every held domain's crops and the mask of crops at the chosen octaves. */
    VaeGanStep.Anchor targets(List<NDArray> x, StepBatch batch) {
        NDArray[] target = new NDArray[held.length];
        NDArray[] mask = new NDArray[held.length];
        for (int k = 0; k < held.length; k++) {
            if (!held[k]) continue;
            target[k] = reference.forward(x.get(k)).stopGradient();
            DomainBatch d = batch.domains().get(k);
            float[] m = new float[d.size()];
            for (int i = 0; i < m.length; i++) m[i] = isHeld(d.sources().get(i)) ? 1f : 0f;
            mask[k] = x.get(k).getManager().create(m, new Shape(m.length, 1, 1, 1));
        }
        return new VaeGanStep.Anchor(weight, target, mask);
    }

    private boolean isHeld(ChunkSet.CropSource crop) {
        return octaves.isEmpty() || octaves.contains(crop.octaves());
    }

    @Override public void close() { preset.close(); }
}
