package org.timbrelab.app.engine;

import org.timbrelab.app.training.StepProbe;
import org.timbrelab.app.training.TrainingPlan;
import org.timbrelab.engine.vaegan.SyntheticStep;
import org.timbrelab.engine.vaegan.training.VaeGanTrainConfig;

import java.util.Arrays;

/**
 * Times a few VAE-GAN steps of a plan's sizes with the wizard's recipe ({@link WizardRecipe}: its loss terms cost time
 * too) on random crops ({@link SyntheticStep}: batch 4 per domain, 64-frame crops, as app training) with one intra-op
 * thread, as app training runs: the wizard's estimate then comes from this machine, now, rather than from reference
 * timings.
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
        int n = Math.max(2, domains);
        VaeGanTrainConfig recipe = WizardRecipe.forTiming(n, size.baseChannels);
        try (SyntheticStep step = new SyntheticStep(n, size.baseChannels, 4, 64, true, recipe.lossesPerDomain(), recipe.hubIndex())) {
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
