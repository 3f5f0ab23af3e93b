package org.timbrelab.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.timbrelab.engine.vaegan.VaeGan;
import org.timbrelab.engine.vaegan.VaeGanConfig;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The starting-weight schemes draw what their names promise: He-normal (DJL) and PyTorch's Conv2d default. */
class WeightInitTest {
    private NDManager m;

    @BeforeEach void open() { m = NDManager.newBaseManager(); Engine.getInstance().setRandomSeed(5); }
    @AfterEach void close() { m.close(); }

    private Conv drawn(WeightInit scheme) {
        Conv conv = new Conv(ConvSpec.same(64, 128, 3, Padding.ZERO)); // fan_in 576: 73,728 weights
        scheme.applyTo(conv);
        conv.initialize(m);
        return conv;
    }

    private static double std(float[] v) {
        double s = 0, s2 = 0;
        for (float x : v) { s += x; s2 += (double) x * x; }
        double mean = s / v.length;
        return Math.sqrt(s2 / v.length - mean * mean);
    }

    @Test void heNormalHasStdRootTwoOverFanInAndZeroBiases() {
        Conv conv = drawn(WeightInit.HE_NORMAL);
        assertEquals(Math.sqrt(2.0 / 576), std(conv.weightParameter().getArray().toFloatArray()), 0.02 * Math.sqrt(2.0 / 576));
        for (float b : conv.biasParameter().getArray().toFloatArray()) assertEquals(0f, b);
    }

    @Test void pytorchIsUniformWithinOneOverRootFanInForWeightsAndBiases() {
        Conv conv = drawn(WeightInit.PYTORCH);
        double bound = 1 / Math.sqrt(576);
        float[] w = conv.weightParameter().getArray().toFloatArray();
        float max = 0;
        for (float x : w) max = Math.max(max, Math.abs(x));
        assertTrue(max <= bound && max > 0.99 * bound, "weights fill ±" + bound + ", max |w| " + max);
        assertEquals(bound / Math.sqrt(3), std(w), 0.02 * bound / Math.sqrt(3)); // uniform: std = bound / √3
        float[] b = conv.biasParameter().getArray().toFloatArray();
        long nonZero = 0;
        for (float x : b) { assertTrue(Math.abs(x) <= bound); if (x != 0) nonZero++; }
        assertEquals(b.length, nonZero, "PyTorch draws biases too");
    }

    @Test void aWholeModelGetsTheSchemeOnEveryConvolution() {
        VaeGan model = new VaeGan(VaeGanConfig.slim(List.of("voice", "violin"), true));
        WeightInit.PYTORCH.applyTo(model);
        model.initialize(m);
        int convs = 0;
        for (var p : model.getParameters().values()) {
            if (!p.getName().equals("bias")) continue;
            convs++;
            assertTrue(p.getArray().abs().max().getFloat() > 0, "a bias drawn from zero: " + p.getName());
        }
        assertTrue(convs > 20, "expected every conv of encoder, generators and discriminators, found " + convs);
    }

    @Test void configNamesAreCheckedAndNamed() {
        assertEquals(WeightInit.PYTORCH, WeightInit.of("pytorch"));
        assertEquals(WeightInit.HE_NORMAL, WeightInit.of("he-normal"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightInit.of("xavier"));
        assertTrue(e.getMessage().contains("he-normal") && e.getMessage().contains("xavier"), e.getMessage());
    }
}
