package org.timbrelab.engine.vaegan.training;

/**
 * A linear learning-rate decay to zero over the end of a run, as CycleGAN-style voice conversion trains
 * (AlBadawy &amp; Lyu's code decays linearly from a given epoch): the rate is full until step {@code from·total},
 * then falls linearly to 0 at the last step. A GAN's generator otherwise keeps moving at full rate to its last step,
 * and where it stops is where its timbre happened to be. {@code from = 1} is no decay.
 *
 * @param from  fraction of the run's steps after which the rate decays, in [0, 1]
 * @param total the run's total steps
 */
public record LearningRateDecay(double from, long total) {
    public static final LearningRateDecay NONE = new LearningRateDecay(1, 1);

    public LearningRateDecay {
        if (!(from >= 0 && from <= 1)) throw new IllegalArgumentException("schedule.lrDecayFrom must be in [0, 1] (1 = no decay), got " + from);
        if (total < 1) throw new IllegalArgumentException("total steps must be >= 1, got " + total);
    }

    /** The multiplier of the learning rate at step {@code index} (0-based): 1 until the decay starts, then down to 1/left at the last step. */
    public double scale(long index) {
        double start = from * total;
        if (index < start || from >= 1) return 1;
        return Math.max(0, Math.min(1, (total - index) / (total - start)));
    }
}
