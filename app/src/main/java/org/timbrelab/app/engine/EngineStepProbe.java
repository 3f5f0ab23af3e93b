package org.timbrelab.app.engine;

import org.timbrelab.app.training.StepProbe;
import org.timbrelab.app.training.TrainingPlan;
import org.timbrelab.engine.vaegan.SyntheticStep;

import java.util.Arrays;

/**
 * Times a few VAE-GAN steps of a plan's sizes on random crops ({@link SyntheticStep}: batch 4 per domain, 64-frame
 * crops, as app training) with one intra-op thread, as app training runs: the wizard's estimate then comes from this
 * machine, now, rather than from reference timings.
 */
public final class EngineStepProbe implements StepProbe {
    static final int WARMUP = 2, TIMED = 3;

    @Override public double msPerStep(int domains, TrainingPlan.ModelSize size) {
        try {
            return LibtorchThreads.withOneIfFree(() -> time(domains, size));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not time a training step: " + e.getMessage(), e);
        }
    }

    private static double time(int domains, TrainingPlan.ModelSize size) {
        try (SyntheticStep step = new SyntheticStep(Math.max(2, domains), size.baseChannels, 4, 64, true)) {
            for (int i = 0; i < WARMUP; i++) step.run();
            double[] ms = new double[TIMED];
            for (int i = 0; i < TIMED; i++) {
                long t0 = System.nanoTime();
                step.run();
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            return ms[TIMED / 2];
        }
    }
}
