package org.timbrelab.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Instance norm with a learned per-channel scale and shift (PyTorch's InstanceNorm2d(affine=True)). */
class AffineNormTest {
    private NDManager m;

    @BeforeEach void open() { m = NDManager.newBaseManager(); Engine.getInstance().setRandomSeed(3); }
    @AfterEach void close() { m.close(); }

    @Test void scaleAndShiftApplyPerChannelAfterNormalising() {
        NDArray x = m.randomNormal(new Shape(2, 3, 4, 5)).mul(7).add(2);
        NDArray gamma = m.create(new float[] {1, 2, 0}), beta = m.create(new float[] {0, -1, 5});
        NDArray y = InstanceNorm.normalize(x, gamma, beta);
        NDArray plain = InstanceNorm.normalize(x);
        for (int n = 0; n < 2; n++)
            for (int c = 0; c < 3; c++) {
                float[] got = y.get(n, c).toFloatArray(), want = plain.get(n, c).toFloatArray();
                float g = gamma.getFloat(c), b = beta.getFloat(c);
                for (int i = 0; i < got.length; i++) assertEquals(g * want[i] + b, got[i], 1e-5);
            }
    }

    @Test void fusedKernelGivesTheSplitFormsValuesAndGradientsUpToRounding() {
        NDArray x = m.randomNormal(new Shape(3, 4, 6, 5)).mul(3).add(1);
        NDArray up = m.randomNormal(new Shape(3, 4, 6, 5));
        float[][] values = new float[2][], dGamma = new float[2][], dBeta = new float[2][], dx = new float[2][];
        for (Kernels k : Kernels.values()) {
            NDArray gamma = m.create(new float[] {1.5f, -0.5f, 0f, 2f}), beta = m.create(new float[] {0f, 1f, -2f, 0.25f});
            NDArray xi = x.duplicate();
            for (NDArray a : new NDArray[] {gamma, beta, xi}) a.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = InstanceNorm.normalize(xi, gamma, beta, k);
                values[k.ordinal()] = y.toFloatArray();
                gc.backward(y.mul(up).sum());
            }
            dGamma[k.ordinal()] = gamma.getGradient().toFloatArray();
            dBeta[k.ordinal()] = beta.getGradient().toFloatArray();
            dx[k.ordinal()] = xi.getGradient().toFloatArray();
        }
        assertArrayEquals(values[0], values[1], 1e-5f);
        assertArrayEquals(dGamma[0], dGamma[1], 1e-4f);
        assertArrayEquals(dBeta[0], dBeta[1], 1e-4f);
        assertArrayEquals(dx[0], dx[1], 1e-4f);
        assertTrue(Math.abs(dGamma[1][0]) > 1e-3 && Math.abs(dBeta[1][0]) > 1e-3, "the scale and shift get gradients");
    }

    @Test void aFusedNormLeavesNothingBehindInTheModelsManagerEither() {
        NDArray gamma = m.ones(new Shape(3)), beta = m.zeros(new Shape(3));
        int before = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
        for (int i = 0; i < 5; i++) {
            try (NDManager step = m.newSubManager()) {
                assertEquals(step, InstanceNorm.normalize(step.randomNormal(new Shape(2, 3, 4, 4)), gamma, beta, Kernels.FUSED).getManager());
            }
        }
        assertEquals(before, ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size(), "no tiled gamma and beta left in the model's manager");
    }

    @Test void aStepsNormLeavesNothingBehindInTheModelsManager() {
        // parameters live in the model's manager; the views made of them per call must die with the step's manager
        NDArray gamma = m.ones(new Shape(3)), beta = m.zeros(new Shape(3));
        int before = ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size();
        for (int i = 0; i < 5; i++) {
            try (NDManager step = m.newSubManager()) {
                NDArray y = InstanceNorm.normalize(step.randomNormal(new Shape(2, 3, 4, 4)), gamma, beta);
                assertEquals(step, y.getManager());
            }
        }
        assertEquals(before, ((ai.djl.ndarray.BaseNDManager) m).getManagedArrays().size(), "no views of gamma and beta left in the model's manager");
    }

    @Test void affineBlockStartsAsThePlainOneAndLearnsItsScale() {
        ConvNormAct plain = new ConvNormAct(ConvSpec.same(2, 3, 3, Padding.ZERO), true, Activation.NONE);
        ConvNormAct affine = new ConvNormAct(ConvSpec.same(2, 3, 3, Padding.ZERO), true, true, Activation.NONE);
        plain.initialize(m);
        affine.initialize(m);
        assertEquals(plain.parameterCount() + 6, affine.parameterCount(), "one scale and one shift per output channel");
        affine.conv().weightParameter().getArray().set(plain.conv().weightParameter().getArray().toFloatArray());
        NDArray x = m.randomNormal(new Shape(2, 2, 6, 6));
        assertArrayEquals(plain.forward(x).toFloatArray(), affine.forward(x).toFloatArray(), 1e-5f, "γ = 1, β = 0 at initialisation");
        Parameter gamma = affine.getParameters().get("gamma");
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(affine.forward(x).square().sum());   // d/dγ of Σ(γ·n)² = 2γ Σ n² > 0
        }
        for (float g : gamma.getArray().getGradient().toFloatArray()) assertTrue(g > 1, "gradient reaches the scale: " + g);
        assertThrows(IllegalArgumentException.class, () -> new ConvNormAct(ConvSpec.same(2, 3, 3, Padding.ZERO), false, true, Activation.NONE));
    }
}
