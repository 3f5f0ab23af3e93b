package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of a parameter group's weights (the "EMA generator" of GAN practice): after each
 * optimiser step {@code avg = decay·avg + (1 − decay)·w}. A GAN's weights keep circling its equilibrium, so what a
 * generator renders can swing from one snapshot to the next; the average moves only as fast as the decay lets it.
 * Training goes on with the raw weights; {@link #swap()} exchanges them with the average in place (twice restores
 * them), so a preset can be written from the average in the middle of a run. The average lives in its own NDManager
 * and travels in checkpoints under "{name}/…".
 */
public final class WeightAverage implements AutoCloseable {
    private final String name;
    private final float decay;
    private final Map<String, Parameter> params;
    private final NDManager manager;
    private final Map<String, NDArray> average = new LinkedHashMap<>();

    /**
     * Starts the average at the current weights of the parameters that learn.
     *
     * @param decay in (0, 1): the old average's share per step; 0.995 remembers about the last 200 steps
     */
    public WeightAverage(String name, double decay, NamedParameters group) {
        if (!(decay > 0 && decay < 1)) throw new IllegalArgumentException("weight-average decay must be in (0, 1), got " + decay);
        this.name = name;
        this.decay = (float) decay;
        this.params = group.trainable();
        this.manager = NDManager.newBaseManager();
        Gradients.withoutGrad(() -> params.forEach((k, p) -> {
            NDArray copy = p.getArray().duplicate();
            copy.attach(manager);
            average.put(k, copy);
        }));
    }

    /** Folds the current weights into the average: avg ← (avg − w)·decay + w, in place. Call after every step that changed them. */
    public void update() {
        Gradients.withoutGrad(() -> params.forEach((k, p) -> {
            NDArray w = p.getArray();
            average.get(k).subi(w).muli(decay).addi(w);
        }));
    }

    /** Exchanges the parameters' values with the average's (in place: gradients and optimisers keep their references). */
    public void swap() {
        Gradients.withoutGrad(() -> params.forEach((k, p) -> {
            NDArray w = p.getArray(), avg = average.get(k);
            float[] raw = w.toFloatArray();
            w.set(avg.toFloatArray());
            avg.set(raw);
        }));
    }

    /** The averaged values of one parameter, as a copy. */
    public float[] valuesOf(String key) {
        NDArray a = average.get(key);
        if (a == null) throw new IllegalArgumentException("no averaged parameter " + key);
        return a.toFloatArray();
    }

    public void saveTo(CheckpointData out) {
        average.forEach((k, a) -> out.put(name + "/" + k, a));
    }

    /**
     * Loads a saved average; a checkpoint written without one (a run that kept none) starts it at the checkpoint's
     * weights, which must already be loaded.
     */
    public void loadFrom(CheckpointData in) {
        average.forEach((k, a) -> {
            if (in.tensors().containsKey(name + "/" + k)) a.set(in.require(name + "/" + k, a.getShape()));
            else a.set(params.get(k).getArray().toFloatArray());
        });
    }

    @Override public void close() {
        manager.close();
    }
}
