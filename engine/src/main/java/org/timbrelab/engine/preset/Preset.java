package org.timbrelab.engine.preset;

import ai.djl.ndarray.NDManager;
import org.timbrelab.engine.vaegan.VaeGan;

import java.nio.file.Path;

/**
 * A loaded preset: its description, the model (encoder and generators loaded; discriminators are
 * not stored in presets) and the scatter points. Closing it frees the model's native memory.
 */
public final class Preset implements AutoCloseable {
    private final Path dir;
    private final PresetInfo info;
    private final VaeGan model;
    private final LatentPoints points;
    private final NDManager manager;
    private final InputTone inputTone;

    Preset(Path dir, PresetInfo info, VaeGan model, LatentPoints points, NDManager manager, InputTone inputTone) {
        this.inputTone = inputTone;
        this.dir = dir;
        this.info = info;
        this.model = model;
        this.points = points;
        this.manager = manager;
    }

    /**
     * A preset around a model held in memory (e.g. just trained, before saving); closing it does
     * not free the model, whose arrays belong to the caller's manager.
     */
    public static Preset inMemory(PresetInfo info, VaeGan model, LatentPoints points) {
        return new Preset(null, info, model, points, NDManager.newBaseManager(), null);
    }

    /** The directory it was loaded from; null for {@link #inMemory} presets. */
    public Path dir() { return dir; }

    public PresetInfo info() { return info; }

    public VaeGan model() { return model; }

    public LatentPoints points() { return points; }

    /** Its source domain's tone ({@value InputTone#FILE}), for input tone matching; empty if it has none. */
    public java.util.Optional<InputTone> inputTone() { return java.util.Optional.ofNullable(inputTone); }

    @Override public void close() { manager.close(); }
}
