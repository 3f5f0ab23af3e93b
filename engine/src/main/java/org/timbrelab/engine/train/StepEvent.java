package org.timbrelab.engine.train;

import java.util.Map;

/**
 * What the loop reports after each step.
 *
 * @param step        number of completed steps (1-based: the first step reports 1)
 * @param totalSteps  steps this run will reach
 * @param losses      named losses of this step
 * @param msPerStep   mean wall time per step over recent steps (pauses excluded)
 * @param etaSeconds  estimated seconds until {@code totalSteps}
 */
public record StepEvent(long step, long totalSteps, Map<String, Float> losses, double msPerStep, double etaSeconds) {

    /** Progress in percent, 0–100. */
    public double percent() {
        return totalSteps == 0 ? 100 : 100.0 * step / totalSteps;
    }
}
