package org.timbrelab.engine.train;

/**
 * Cross-cutting concerns subscribe to the loop instead of living in it: progress printing,
 * metrics files, checkpoints, reports, the app's dashboard. Listeners run on the training thread;
 * keep them quick or hand work off.
 */
public interface TrainingListener {

    /** Before the first step of this run; {@code startStep} is &gt; 0 when resuming. */
    default void onStart(long startStep, long totalSteps) { }

    default void onStep(StepEvent event) { }

    /**
     * After the last step ran or the run stopped. {@code completedSteps} counts steps whose
     * update was applied.
     */
    default void onStop(long completedSteps, StopReason reason, Throwable error) { }
}
