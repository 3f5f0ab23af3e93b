package org.timbrelab.engine.train;

import ai.djl.ndarray.NDManager;

import java.util.Map;

/**
 * One model's way to train: it owns its blocks and optimisers, and {@link TrainingLoop} calls
 * {@link #step} once per step. Everything that must survive a restart goes through
 * {@link #saveState}/{@link #loadState} (parameters, optimiser moments, any counters).
 */
public interface TrainingRecipe extends AutoCloseable {

    /**
     * Runs one optimisation step. Create every NDArray of the step in {@code stepManager} (or
     * attach it there); the loop closes it afterwards.
     *
     * @param step zero-based index of this step
     * @return named scalar losses/metrics of this step (all must be finite)
     */
    Map<String, Float> step(NDManager stepManager, long step);

    /** Adds this recipe's parameters, optimiser moments and counters to a checkpoint. */
    void saveState(CheckpointData out);

    /** Restores what {@link #saveState} wrote (in place). */
    void loadState(CheckpointData in);

    /**
     * Called before every step with {@code seed + step}; the loop has already re-seeded the
     * engine's RNG. Re-seed any Java-side {@link java.util.Random} (batch sampling, noise) here,
     * so a resumed run draws exactly what an uninterrupted run would.
     */
    default void reseed(long stepSeed) { }

    @Override default void close() { }
}
