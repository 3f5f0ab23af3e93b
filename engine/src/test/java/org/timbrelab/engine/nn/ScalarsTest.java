package org.timbrelab.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The constant of {@code x · c}, {@code x / c} and {@code max(x, c)} must still be there when the backward pass needs
 * it, after the garbage collector has run and the freed memory has been reused. With DJL's own {@code x.mul(3f)} in
 * {@link #gradient} this test fails: the gradient comes out as the filler below instead of 3.
 */
class ScalarsTest {
    private static final float FILLER = 1.0e30f;

    @Test void multiplyingByAConstantKeepsItsGradient() {
        assertArrayEquals(new float[] {3, 3, 3}, gradient(x -> Scalars.mul(x, 3)));
    }

    @Test void dividingByAConstantKeepsItsGradient() {
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, gradient(x -> Scalars.div(x, 2)));
    }

    @Test void boundingByAConstantKeepsItsGradient() {
        assertArrayEquals(new float[] {0, 1, 1}, gradient(x -> Scalars.maximum(x, 1.5)));
    }

    /** ∂/∂x of sum(op(x)) at x = (1, 2, 3), with the garbage collector run and its freed memory refilled in between. */
    private static float[] gradient(UnaryOperator<NDArray> op) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3});
            x.setRequiresGradient(true);
            List<ByteBuffer> filled = new ArrayList<>();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = op.apply(x).sum();
                for (int round = 0; round < 20; round++) {
                    System.gc();
                    for (int i = 0; i < 2_000; i++) filled.add(filledBuffer(4 << (i % 5)));
                }
                gc.backward(y);
            }
            return x.getGradient().toFloatArray();
        }
    }

    private static ByteBuffer filledBuffer(int bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        while (b.remaining() >= 4) b.putFloat(FILLER);
        return b;
    }
}
