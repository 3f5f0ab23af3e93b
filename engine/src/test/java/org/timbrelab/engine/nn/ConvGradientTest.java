package org.timbrelab.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A convolution's input gradient against the transposed convolution written out (for stride 1: a convolution of the
 * output gradient with the filters swapped in/out and flipped), for output counts that are and are not a multiple of 16 —
 * libtorch 2.7.1 got the latter wrong on one machine ({@link Conv}).
 */
class ConvGradientTest {

    @ParameterizedTest(name = "{0} -> {1} channels, {2}x{2} kernel, {3}x{4} image")
    @CsvSource({"16, 1, 7, 128, 64", "16, 1, 3, 8, 4", "32, 8, 3, 32, 16", "16, 16, 3, 32, 16", "8, 1, 3, 16, 8"})
    void inputGradientIsTheTransposedConvolution(int in, int out, int k, int h, int w) {
        Engine.getInstance().setRandomSeed(11);
        try (NDManager m = NDManager.newBaseManager()) {
            Conv conv = new Conv(ConvSpec.same(in, out, k, Padding.ZERO));
            conv.initialize(m);
            NDArray x = m.randomNormal(new Shape(4, in, h, w));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = conv.forward(x);
                gc.backward(y.square().sum().mul(0.5f)); // dL/dy = y
            }
            NDArray weights = conv.weightParameter().getArray().stopGradient();
            NDArray flipped = weights.transpose(1, 0, 2, 3).flip(2, 3);
            // the expected gradient has `in` (>= 8) outputs, and is computed with gradients off: no backward pass in it
            NDArray expected = Conv2d.conv2d(y.stopGradient(), flipped, null, new Shape(1, 1), new Shape(k / 2, k / 2)).singletonOrThrow();
            NDArray got = x.getGradient();
            float scale = expected.abs().max().getFloat();
            float err = got.sub(expected).abs().max().getFloat();
            assertTrue(err <= 1e-4f * scale, "input gradient off by " + err + " (largest value " + scale + ")");
        }
    }
}
