package org.timbrelab.app.training;

/** Measures this machine's training speed for a plan's sizes, as app training runs (one intra-op thread). */
public interface StepProbe {
    /**
     * Milliseconds per training step for {@code domains} domains of the given size, timed just now; called off the FX
     * thread. May take several seconds.
     *
     * @throws IllegalStateException when it cannot measure now (e.g. a training run is using the engine); the wizard
     *                               then keeps the estimate from reference timings
     */
    double msPerStep(int domains, TrainingPlan.ModelSize size);
}
