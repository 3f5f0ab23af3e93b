package org.timbrelab.engine.nn;

import ai.djl.ndarray.NDArray;

/** The element-wise non-linearities the blocks use. */
public enum Activation {
    NONE, RELU, LEAKY_RELU, TANH;

    /** Slope of LeakyReLU for negative inputs (PatchGAN convention). */
    public static final float LEAK = 0.2f;

    public NDArray apply(NDArray x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyRelu(x, LEAK);
            case TANH -> x.tanh();
        };
    }
}
