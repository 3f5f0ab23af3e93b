package org.timbrelab.engine.vaegan.training;

import org.timbrelab.engine.train.StepEvent;
import org.timbrelab.engine.train.TrainingListener;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the model as a complete preset every N steps ({@code train --snapshots N}) to {@code RUN/snapshots/step-NNNNN},
 * so a run's checkpoint can be chosen by listening on a selection set: a two-domain run's timbre wanders with training
 * length (docs/ARCHITECTURE.md, "Measured facts the code relies on"), and its last step is not always its best.
 */
final class PresetSnapshots implements TrainingListener {
    static final String DIR = "snapshots";
    private final PresetExport export;
    private final Path dir;
    private final long every;

    PresetSnapshots(PresetExport export, Path dir, long every) {
        if (every < 1) throw new IllegalArgumentException("snapshot interval must be >= 1, got " + every);
        this.export = export;
        this.dir = dir;
        this.every = every;
    }

    /** Where the snapshot of {@code step} goes. */
    static Path of(Path snapshots, long step) {
        return snapshots.resolve(String.format(Locale.ROOT, "step-%05d", step));
    }

    @Override public void onStep(StepEvent e) {
        long step = e.step();
        if (step % every == 0) export.snapshot(of(dir, step), step);
    }
}
