package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DJL block with one image in and one image out, whose parameters have fixed shapes declared in
 * the constructor (so initialisation needs no shape inference). Call {@link #forward(NDArray)}
 * directly; the NDList form exists so the block also works inside DJL's own containers.
 */
public abstract class Layer extends AbstractBlock {

    /** The layer's output for a (N, C, H, W) input; records gradients when a collector is open. */
    public abstract NDArray forward(NDArray x);

    /** Output shape for an input shape (N, C, H, W). */
    public abstract Shape outputShape(Shape input);

    /** Allocates and randomly initialises every parameter in {@code manager} (seed the engine first). */
    public Layer initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, 1, 1, 1));
        return this;
    }

    /** Every parameter of this layer and its children, each once (shared blocks are not repeated). */
    public List<Parameter> uniqueParameters() {
        Map<Parameter, Boolean> seen = new IdentityHashMap<>();
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : getParameters().values()) if (seen.put(p, Boolean.TRUE) == null) out.add(p);
        return out;
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        return uniqueParameters().stream().mapToLong(p -> p.getShape().size()).sum();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(inputs.singletonOrThrow()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {outputShape(inputShapes[0])};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // Children declare their own parameter shapes, so the parent's input shape is only recorded.
        for (Block child : getChildren().values()) child.initialize(manager, dataType, inputShapes);
    }

    /** A weight parameter of a fixed shape (He-normal initialised by DJL's default for weights). */
    protected Parameter weight(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).optShape(shape).build());
    }

    /** A per-channel scale after a normalisation, initialised to one. */
    protected Parameter gamma(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.GAMMA).optShape(shape).build());
    }

    /** A per-channel shift after a normalisation, initialised to zero. */
    protected Parameter beta(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.BETA).optShape(shape).build());
    }

    /** A bias parameter of a fixed shape, initialised to zero. */
    protected Parameter bias(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.BIAS).optShape(shape).build());
    }
}
