package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ordered, named set of DJL parameters, e.g. all parameters of an encoder under "enc/".
 * Names are stable across runs (DJL's hierarchical block names), so they key checkpoints.
 * Always read {@code parameter.getArray()} fresh: arrays are owned by the block.
 */
public final class NamedParameters {

    private final Map<String, Parameter> byName;

    private NamedParameters(Map<String, Parameter> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** All initialised parameters of {@code block}, each named {@code prefix + "/" + DJL name}. */
    public static NamedParameters of(String prefix, Block block) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter param = p.getValue();
            if (!param.isInitialized()) {
                throw new IllegalStateException("parameter " + prefix + "/" + p.getKey()
                        + " is not initialised: call block.initialize(manager, FLOAT32, inputShape) first");
            }
            map.put(prefix + "/" + p.getKey(), param);
        }
        return new NamedParameters(map);
    }

    /** Explicit parameters (e.g. built with {@code Parameter.builder().optArray(..)}), in map order. */
    public static NamedParameters of(Map<String, Parameter> params) {
        return new NamedParameters(new LinkedHashMap<>(params));
    }

    /** Several groups as one (e.g. encoder + generator under one optimiser). Names must not collide. */
    public static NamedParameters concat(NamedParameters... groups) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (NamedParameters g : groups) {
            for (Map.Entry<String, Parameter> e : g.byName.entrySet()) {
                if (map.put(e.getKey(), e.getValue()) != null) {
                    throw new IllegalArgumentException("duplicate parameter name " + e.getKey() + ": use distinct prefixes");
                }
            }
        }
        return new NamedParameters(map);
    }

    public Map<String, Parameter> asMap() {
        return byName;
    }

    /** Parameters the optimiser updates (running statistics of batch norm are excluded). */
    public Map<String, Parameter> trainable() {
        Map<String, Parameter> map = new LinkedHashMap<>();
        byName.forEach((k, p) -> {
            if (p.requiresGradient()) map.put(k, p);
        });
        return map;
    }

    public long count() {
        long n = 0;
        for (Parameter p : byName.values()) n += p.getArray().size();
        return n;
    }

    /** Writes every parameter's values (float32) into {@code out}. */
    public void saveTo(CheckpointData out) {
        byName.forEach((name, p) -> out.put(name, p.getArray()));
    }

    /**
     * Copies saved values into the existing arrays (in place: gradients and optimiser references stay
     * valid). Fails naming the parameter when it is missing or has another shape.
     */
    public void loadFrom(CheckpointData in) {
        byName.forEach((name, p) -> {
            NDArray a = p.getArray();
            if (a.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException("parameter " + name + " is " + a.getDataType() + "; only float32 is supported");
            }
            a.set(in.require(name, a.getShape()));
        });
    }
}
