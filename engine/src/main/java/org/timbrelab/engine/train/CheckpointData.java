package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a checkpoint holds, in plain Java: named float32 tensors (parameters, optimiser
 * moments), named integers (step, seed, Adam's t) and named texts (config, model kind).
 * Copies values out of NDArrays so it outlives any NDManager.
 */
public final class CheckpointData {

    /** A tensor's shape and values (row-major), copied out of native memory. */
    public record Tensor(long[] shape, float[] values) {
        public Tensor {
            long n = 1;
            for (long d : shape) n *= d;
            if (n != values.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
            }
        }
    }

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, Long> longs = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    public void put(String name, NDArray array) {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IllegalArgumentException(name + " is " + array.getDataType() + "; checkpoints hold float32 only");
        }
        putTensor(name, new Tensor(array.getShape().getShape(), array.toFloatArray()));
    }

    public void putTensor(String name, Tensor t) {
        if (tensors.put(name, t) != null) throw new IllegalArgumentException("duplicate checkpoint entry " + name);
    }

    public void putLong(String name, long value) {
        longs.put(name, value);
    }

    public void putText(String name, String value) {
        texts.put(name, value);
    }

    /** The values stored under {@code name}; fails naming the entry when absent or of another shape. */
    public float[] require(String name, Shape expected) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalStateException("checkpoint has no entry '" + name
                    + "': it was written by another model or config; start a new run directory");
        }
        if (!Arrays.equals(t.shape(), expected.getShape())) {
            throw new IllegalStateException("checkpoint entry '" + name + "' has shape " + Arrays.toString(t.shape())
                    + " but the model expects " + expected + ": the config changed since the checkpoint; start a new run directory");
        }
        return t.values();
    }

    public long requireLong(String name) {
        Long v = longs.get(name);
        if (v == null) throw new IllegalStateException("checkpoint has no value '" + name + "'");
        return v;
    }

    public String requireText(String name) {
        String v = texts.get(name);
        if (v == null) throw new IllegalStateException("checkpoint has no text '" + name + "'");
        return v;
    }

    public Map<String, Tensor> tensors() {
        return Collections.unmodifiableMap(tensors);
    }

    public Map<String, Long> longs() {
        return Collections.unmodifiableMap(longs);
    }

    public Map<String, String> texts() {
        return Collections.unmodifiableMap(texts);
    }
}
