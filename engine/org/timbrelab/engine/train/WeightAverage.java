package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of a parameter group's weights (Polyak averaging, the "EMA generator" of GAN
 * practice): after each optimiser step {@code avg = decay·avg + (1 − decay)·w}. A GAN's weights keep circling the
 * equilibrium, so the average is usually a steadier model than the last step's. Training itself goes on with the
 * raw weights; {@link #copyInto()} puts the average into the parameters when the model is exported.
 * The average lives in its own NDManager and travels in checkpoints under "{name}/…".
 */
public final class WeightAverage implements AutoCloseable {
    private final String name;
    private final double decay;
    private final Map<String, Parameter> params;
    private final NDManager manager;
    private final Map<String, NDArray> average = new LinkedHashMap<>();

    /**
     * Starts the average at the current weights (of the parameters that learn: frozen ones never change).
     *
     * @param decay in [0, 1): the weight of the old average; 0.999 remembers about the last thousand steps
     */
    public WeightAverage(String name, double decay, NamedParameters group) {
        if (!(decay >= 0 && decay < 1)) throw new IllegalArgumentException("weight-average decay must be in [0, 1), got " + decay);
        this.name = name;
        this.decay = decay;
        this.params = group.trainable();
        this.manager = NDManager.newBaseManager();
        Gradients.withoutGrad(() -> params.forEach((k, p) -> {
            NDArray copy = p.getArray().duplicate();
            copy.attach(manager);
            average.put(k, copy);
        }));
    }

    /** Folds the current weights into the average; call after every step that changed them. */
    public void update() {
        Gradients.withoutGrad(() -> params.forEach((k, p) -> {
            try (NDManager tmp = manager.newSubManager()) {
                NDArray w = p.getArray().duplicate();
                w.attach(tmp);
                average.get(k).muli((float) decay).addi(w.muli((float) (1 - decay)));
            }
        }));
    }

    /** The averaged values of one parameter, as a copy (for tests and inspection). */
    public float[] valuesOf(String key) {
        return average.get(key).toFloatArray();
    }

    /** Overwrites the parameters with the average (in place, so gradients and optimisers keep their references). */
    public void copyInto() {
        Gradients.withoutGrad(() -> params.forEach((k, p) -> p.getArray().set(average.get(k).toFloatArray())));
    }

    public void saveTo(CheckpointData out) {
        average.forEach((k, a) -> out.put(name + "/" + k, a));
    }

    /**
     * Loads a saved average; a checkpoint written without one (the run had no averaging until now) starts it at
     * the checkpoint's weights, which must already be loaded.
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
