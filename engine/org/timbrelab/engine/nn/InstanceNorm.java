package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Instance normalisation without affine parameters: every (sample, channel) plane gets zero mean
 * and unit variance over H×W. DJL has no such block; this is the plain formula over NDArray ops
 * (biased variance, eps inside the square root, as PyTorch's InstanceNorm2d).
 */
public final class InstanceNorm extends Layer {
    public static final float EPS = 1e-5f;

    @Override
    public NDArray forward(NDArray x) {
        return normalize(x);
    }

    @Override
    public Shape outputShape(Shape in) { return in; }

    public static NDArray normalize(NDArray x) {
        Shape s = x.getShape();
        // the PyTorch engine reduces over one axis at a time, so flatten H×W into one axis
        NDArray flat = x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
        NDArray centred = flat.sub(flat.mean(new int[] {2}, true));
        NDArray var = centred.square().mean(new int[] {2}, true);
        return centred.div(var.add(EPS).sqrt()).reshape(s);
    }
}
