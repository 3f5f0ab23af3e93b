package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Gradient housekeeping DJL's PyTorch engine leaves to us: gradients accumulate across backward
 * passes, and an optimiser step does not clear them. Zero every parameter's gradient (of every
 * model the backward pass reaches) before each backward, e.g. a generator step also fills the
 * discriminator's gradients.
 */
public final class Gradients {

    private Gradients() { }

    /** Sets the gradient of every parameter in the groups to exactly zero (NaN included). */
    public static void zero(NamedParameters... groups) {
        for (NamedParameters g : groups) {
            for (Parameter p : g.asMap().values()) {
                NDArray a = p.getArray();
                if (a.hasGradient()) {
                    // native grad().zero_(): unlike g - g, also clears NaN and Inf
                    JniUtils.zeroGrad((PtNDArray) a);
                }
            }
        }
    }

    /**
     * Runs {@code update} with autograd recording off, so in-place updates of leaf parameters are
     * allowed even while a GradientCollector is open; restores the previous mode afterwards.
     */
    public static void withoutGrad(Runnable update) {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            update.run();
        } finally {
            JniUtils.setGradMode(was);
        }
    }
}
