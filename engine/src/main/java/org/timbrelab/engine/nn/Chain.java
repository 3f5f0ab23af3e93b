package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/** Layers applied one after the other (a typed SequentialBlock). */
public final class Chain extends Layer {
    private final List<Layer> layers = new ArrayList<>();

    /** Appends a layer under a readable name (names appear in saved parameter lists). */
    public Chain add(String name, Layer layer) {
        layers.add(addChildBlock(name, layer));
        return this;
    }

    public List<Layer> layers() { return List.copyOf(layers); }

    @Override
    public NDArray forward(NDArray x) {
        NDArray y = x;
        for (Layer l : layers) y = l.forward(y);
        return y;
    }

    @Override
    public Shape outputShape(Shape in) {
        Shape s = in;
        for (Layer l : layers) s = l.outputShape(s);
        return s;
    }
}
