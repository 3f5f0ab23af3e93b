package org.timbrelab.engine.config;

/**
 * The {@code train:} section every model config has.
 *
 * @param steps            total steps of the run (a resumed run continues up to this number)
 * @param seed             base seed; step i runs with seed + i
 * @param checkpointEvery  steps between checkpoints (also written at stop)
 * @param logEvery         steps between console progress lines
 * @param reportEvery      steps between report.html / snapshot refreshes
 */
public record TrainSettings(long steps, long seed, long checkpointEvery, long logEvery, long reportEvery) {
    public TrainSettings {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0 (got " + steps + ")");
        if (checkpointEvery < 1) throw new IllegalArgumentException("checkpointEvery must be >= 1 (got " + checkpointEvery + ")");
        if (logEvery < 1) throw new IllegalArgumentException("logEvery must be >= 1 (got " + logEvery + ")");
        if (reportEvery < 1) throw new IllegalArgumentException("reportEvery must be >= 1 (got " + reportEvery + ")");
    }
}
