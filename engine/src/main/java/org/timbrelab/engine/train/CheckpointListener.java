package org.timbrelab.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the recipe's state every {@code every} steps and when the run stops normally or is
 * cancelled (not after a divergence: the last good checkpoint stays). A kill -9 loses at most
 * {@code every} steps.
 */
public final class CheckpointListener implements TrainingListener {

    private final Path file;
    private final TrainingRecipe recipe;
    private final long every;
    private final Map<String, String> texts;
    private final Map<String, Long> longs;
    private long lastSaved = -1;

    /**
     * @param texts  fixed texts stored in every checkpoint (model kind, config YAML)
     * @param longs  fixed numbers stored in every checkpoint (seed)
     */
    public CheckpointListener(Path file, TrainingRecipe recipe, long every, Map<String, String> texts, Map<String, Long> longs) {
        this.file = file;
        this.recipe = recipe;
        this.every = every;
        this.texts = Map.copyOf(texts);
        this.longs = Map.copyOf(longs);
    }

    @Override public void onStart(long startStep, long totalSteps) {
        lastSaved = startStep;
    }

    @Override public void onStep(StepEvent e) {
        if (every > 0 && e.step() % every == 0) save(e.step());
    }

    @Override public void onStop(long completedSteps, StopReason reason, Throwable error) {
        if ((reason == StopReason.COMPLETED || reason == StopReason.CANCELLED) && lastSaved != completedSteps) {
            save(completedSteps);
        }
    }

    private void save(long step) {
        CheckpointData d = new CheckpointData();
        texts.forEach(d::putText);
        longs.forEach(d::putLong);
        d.putLong("step", step);
        recipe.saveState(d);
        try {
            Checkpoints.writeKeepingPrevious(file, d);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write checkpoint (" + e.getMessage() + "); check free disk space", e);
        }
        lastSaved = step;
    }

    /** The step of the last checkpoint written (or the start step). */
    public long lastSaved() {
        return lastSaved;
    }
}
