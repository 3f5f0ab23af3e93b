package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.function.BinaryOperator;

/**
 * Multiplying, dividing or bounding by a constant where gradients are recorded. DJL's own {@code x.mul(2f)} (and {@code
 * div}, {@code maximum}, {@code minimum}, {@code pow} with a number) wraps the number in a tensor over a Java direct
 * buffer ({@code torch::from_blob}), runs the op and closes the wrapper at once. libtorch's autograd keeps that tensor
 * for the backward pass (∂(x·c)/∂x = c), but nothing on the Java side holds the buffer any more: once the garbage
 * collector has freed it, the backward pass reads whatever the memory holds by then. Training then got, at random steps,
 * a generator gradient of 10^38 or NaN (a skipped step) or a discriminator gradient 10^5 times its size, and two runs of
 * one config on the same data parted at the first such step (docs/ARCHITECTURE.md, "Measured facts"). Here the constant is
 * a tensor libtorch allocates itself ({@code NDManager.full}), which autograd's reference keeps alive.
 */
public final class Scalars {
    private Scalars() { }

    /** {@code x · c}. */
    public static NDArray mul(NDArray x, double c) { return withConstant(x, c, NDArray::mul); }

    /** {@code x / c}. */
    public static NDArray div(NDArray x, double c) { return withConstant(x, c, NDArray::div); }

    /** {@code max(x, c)} element-wise. */
    public static NDArray maximum(NDArray x, double c) { return withConstant(x, c, NDArray::maximum); }

    /** {@code min(x, c)} element-wise. */
    public static NDArray minimum(NDArray x, double c) { return withConstant(x, c, NDArray::minimum); }

    /** {@code op(x, c)} with c as a libtorch-owned scalar tensor; closing its handle leaves autograd's reference alive. */
    private static NDArray withConstant(NDArray x, double c, BinaryOperator<NDArray> op) {
        try (NDArray k = constant(x, c)) {
            return op.apply(x, k);
        }
    }

    private static NDArray constant(NDArray x, double c) {
        return x.getManager().full(new Shape(), (float) c, x.getDataType());
    }
}
