package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Nearest-neighbour ×2 up-sampling followed by a 3×3 conv → IN → ReLU. The PyTorch engine does not
 * implement Conv2dTranspose (docs/ARCHITECTURE.md, "Measured facts the code relies on"); this also avoids its checkerboard artefacts.
 */
public final class Upsample extends Layer {
    /** DJL's interpolation mode for nearest neighbour (its JNI maps 0 to torch's kNearest). */
    private static final int NEAREST = 0;

    private final ConvNormAct conv;
    private final Kernels kernels;

    public Upsample(int in, int out, Padding padding) {
        this(in, out, padding, false, Kernels.SPLIT);
    }

    /**
     * @param affine  the norm learns a scale and shift per channel ({@link ConvNormAct})
     * @param kernels {@link Kernels#FUSED}: libtorch's nearest up-sampling (its gradient sums each 2×2 square in one
     *                kernel instead of a strided reduction) and the fused affine norm
     */
    public Upsample(int in, int out, Padding padding, boolean affine, Kernels kernels) {
        this.kernels = kernels;
        conv = addChildBlock("conv", new ConvNormAct(ConvSpec.same(in, out, 3, padding), true, affine, Activation.RELU, kernels));
    }

    @Override
    public NDArray forward(NDArray x) {
        return conv.forward(kernels == Kernels.FUSED ? nearest2xNative(x) : nearest2x(x));
    }

    @Override
    public Shape outputShape(Shape in) {
        return conv.outputShape(new Shape(in.get(0), in.get(1), in.get(2) * 2, in.get(3) * 2));
    }

    /** (N, C, H, W) → (N, C, 2H, 2W), each pixel copied into a 2×2 square: view as (N,C,H,1,W,1), expand, reshape. */
    public static NDArray nearest2x(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        return x.reshape(n, c, h, 1, w, 1).broadcast(n, c, h, 2, w, 2).reshape(n, c, h * 2, w * 2);
    }

    /** The same values through libtorch's upsample_nearest2d; its gradient rounds differently from {@link #nearest2x}'s. */
    public static NDArray nearest2xNative(NDArray x) {
        Shape s = x.getShape();
        return JniUtils.interpolate((PtNDArray) x, new long[] {s.get(2) * 2, s.get(3) * 2}, NEAREST, false);
    }
}
