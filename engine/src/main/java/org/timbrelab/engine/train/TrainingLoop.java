package org.timbrelab.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The short loop every model trains with. Per step: wait if paused, re-seed (engine and recipe
 * with seed + step, so resumed runs draw the same numbers), open a sub-manager, run the
 * recipe's step, close the sub-manager (frees every intermediate), check losses are finite, then
 * tell listeners. Checkpoints, metrics and progress are listeners.
 */
public final class TrainingLoop {

    private static final int TIMING_WINDOW = 20;

    private final TrainingRecipe recipe;
    private final long seed;
    private final long totalSteps;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final RunControl control;

    public TrainingLoop(TrainingRecipe recipe, long seed, long totalSteps, RunControl control) {
        if (totalSteps < 0) throw new IllegalArgumentException("totalSteps must be >= 0");
        this.recipe = recipe;
        this.seed = seed;
        this.totalSteps = totalSteps;
        this.control = control;
    }

    public TrainingLoop addListener(TrainingListener l) {
        listeners.add(l);
        return this;
    }

    /** The seed step {@code step} runs with; the same rule for fresh and resumed runs. */
    public static long stepSeed(long seed, long step) {
        return seed + step;
    }

    /**
     * Runs steps {@code startStep} … {@code totalSteps - 1} with NDArrays under {@code base}.
     *
     * @return why it stopped; a {@link NonFiniteException} or other failure is rethrown after
     *     listeners heard of it
     */
    public StopReason run(NDManager base, long startStep) {
        listeners.forEach(l -> l.onStart(startStep, totalSteps));
        Deque<Double> recent = new ArrayDeque<>();
        double recentSum = 0;
        long step = startStep;
        try {
            while (step < totalSteps) {
                if (control.awaitRunnable() < 0) {
                    stop(step, StopReason.CANCELLED, null);
                    return StopReason.CANCELLED;
                }
                long s = stepSeed(seed, step);
                Engine.getInstance().setRandomSeed((int) s);
                recipe.reseed(s);
                long t0 = System.nanoTime();
                Map<String, Float> losses;
                try (NDManager stepManager = base.newSubManager()) {
                    losses = new LinkedHashMap<>(recipe.step(stepManager, step));
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                checkFinite(losses, step);
                step++;
                recent.addLast(ms);
                recentSum += ms;
                if (recent.size() > TIMING_WINDOW) recentSum -= recent.removeFirst();
                double mean = recentSum / recent.size();
                StepEvent e = new StepEvent(step, totalSteps, java.util.Collections.unmodifiableMap(losses), mean, mean * (totalSteps - step) / 1000);
                listeners.forEach(l -> l.onStep(e));
            }
        } catch (NonFiniteException e) {
            stop(step, StopReason.DIVERGED, e);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(step, StopReason.CANCELLED, e);
            return StopReason.CANCELLED;
        } catch (RuntimeException | Error e) {
            stop(step, StopReason.FAILED, e);
            throw e;
        }
        stop(step, StopReason.COMPLETED, null);
        return StopReason.COMPLETED;
    }

    private void stop(long completed, StopReason reason, Throwable error) {
        for (TrainingListener l : listeners) {
            l.onStop(completed, reason, error);
        }
    }

    private static void checkFinite(Map<String, Float> losses, long step) {
        for (Map.Entry<String, Float> e : losses.entrySet()) {
            if (e.getValue() == null || !Float.isFinite(e.getValue())) {
                throw new NonFiniteException("step " + (step + 1) + ": loss '" + e.getKey() + "' is " + e.getValue()
                        + "; lower the learning rate or set clipNorm, then resume from the last checkpoint");
            }
        }
    }
}
