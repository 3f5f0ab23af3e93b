package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
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

    /**
     * The same through one native batch-norm call on a (1, N·C, H, W) view in training mode
     * (how PyTorch computes instance norm): fewer intermediate arrays, same gradients.
     */
    public static NDArray normalize(NDArray x) {
        long planes = x.getShape().get(0) * x.getShape().get(1);
        NDManager m = x.getManager();
        return normalizePlanes(x, m.ones(new Shape(planes)), m.zeros(new Shape(planes)));
    }

    /** The batch-norm call on the (1, N·C, H, W) view, with a scale and shift per plane (N·C). */
    private static NDArray normalizePlanes(NDArray x, NDArray weight, NDArray bias) {
        Shape s = x.getShape();
        long planes = s.get(0) * s.get(1);
        NDManager m = x.getManager();
        NDArray view = x.reshape(1, planes, s.get(2), s.get(3));
        // axis -1: PyTorch's own layout (channels on axis 1); the running statistics are scratch
        NDArray y = view.getNDArrayInternal().batchNorm(view, m.zeros(new Shape(planes)), m.ones(new Shape(planes)), weight, bias, -1, 0.1f, EPS, true)
                .singletonOrThrow();
        return y.reshape(s);
    }

    /**
     * Instance norm followed by a learned per-channel scale and shift (PyTorch's {@code InstanceNorm2d(affine=True)}):
     * without them a residual branch always adds unit-variance features and cannot be turned down.
     *
     * @param gamma (C) scale, @param beta (C) shift
     */
    public static NDArray normalize(NDArray x, NDArray gamma, NDArray beta) {
        return normalize(x, gamma, beta, Kernels.SPLIT);
    }

    /**
     * As {@link #normalize(NDArray, NDArray, NDArray)}; with {@link Kernels#FUSED} the scale and shift are repeated per
     * sample and given to the batch-norm kernel itself (PyTorch's instance_norm does the same), which saves a full-size
     * multiply and add and their reductions in the backward pass. Same values up to float rounding.
     */
    public static NDArray normalize(NDArray x, NDArray gamma, NDArray beta, Kernels kernels) {
        if (kernels == Kernels.FUSED) return normalizeFused(x, gamma, beta);
        long c = x.getShape().get(1);
        // a view of a parameter is made in the parameter's (model-long) manager: move it to the input's, so the step
        // or conversion that made it frees it (left there, every call leaked a handle and its autograd node)
        NDArray g = gamma.reshape(1, c, 1, 1), b = beta.reshape(1, c, 1, 1);
        g.attach(x.getManager());
        b.attach(x.getManager());
        return normalize(x).mul(g).add(b);
    }

    private static NDArray normalizeFused(NDArray x, NDArray gamma, NDArray beta) {
        long n = x.getShape().get(0);
        NDArray g = gamma.tile(n), b = beta.tile(n);   // (N·C): plane k = (sample k / C, channel k % C)
        g.attach(x.getManager());   // made in the parameters' manager: die with the caller's (see normalize above)
        b.attach(x.getManager());
        return normalizePlanes(x, g, b);
    }

    /** Instance norm written out in NDArray ops (the reference the fused form is tested against). */
    public static NDArray normalizeReference(NDArray x) {
        Shape s = x.getShape();
        // the PyTorch engine reduces over one axis at a time, so flatten H×W into one axis
        NDArray flat = x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3));
        NDArray centred = flat.sub(flat.mean(new int[] {2}, true));
        NDArray var = centred.square().mean(new int[] {2}, true);
        return centred.div(var.add(EPS).sqrt()).reshape(s);
    }
}
