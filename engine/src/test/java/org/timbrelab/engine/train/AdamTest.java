package org.timbrelab.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdamTest {

    @Test void firstThreeStepsMatchHandComputedAdam() {
        // L = 0.5·Σ a·w² + Σ b·w  →  g = a·w + b; Adam computed below in double, element by element
        double[] a = {2.0, 0.5, 3.0};
        double[] b = {0.3, -1.0, 0.0};
        double[] w = {1.0, -2.0, 0.25};
        double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {1.0f, -2.0f, 0.25f});
            NDArray av = m.create(new float[] {2.0f, 0.5f, 3.0f});
            NDArray bv = m.create(new float[] {0.3f, -1.0f, 0.0f});
            double[] mom1 = new double[3], mom2 = new double[3];
            try (Adam adam = new Adam("opt", new AdamConfig(lr, b1, b2, eps, 0), params)) {
                for (int t = 1; t <= 3; t++) {
                    adam.zeroGradients();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray x = OneParameter.w(params);
                        gc.backward(x.square().mul(av).sum().mul(0.5f).add(x.mul(bv).sum()));
                    }
                    adam.step();
                    for (int i = 0; i < 3; i++) {
                        double g = a[i] * w[i] + b[i];
                        mom1[i] = b1 * mom1[i] + (1 - b1) * g;
                        mom2[i] = b2 * mom2[i] + (1 - b2) * g * g;
                        double mHat = mom1[i] / (1 - Math.pow(b1, t));
                        double vHat = mom2[i] / (1 - Math.pow(b2, t));
                        w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                    }
                    float[] got = OneParameter.w(params).toFloatArray();
                    for (int i = 0; i < 3; i++) {
                        assertEquals(w[i], got[i], 1e-5, "step " + t + " element " + i);
                    }
                }
                // step 1 of Adam moves every element by ≈ lr against its gradient's sign
                assertEquals(3, adam.steps());
            }
        }
    }

    @Test void quadraticConverges() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {5f, -3f, 2f, 0f});
            NDArray target = m.create(new float[] {1f, 2f, -1f, 0.5f});
            try (Adam adam = new Adam("opt", AdamConfig.of(0.05), params)) {
                for (int s = 0; s < 600; s++) {
                    adam.zeroGradients();
                    try (NDManager step = m.newSubManager();
                         GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray d = OneParameter.w(params).sub(target);
                        d.attach(step);
                        gc.backward(d.square().sum());
                    }
                    adam.step();
                }
            }
            assertArrayEquals(target.toFloatArray(), OneParameter.w(params).toFloatArray(), 0.02f);
        }
    }

    @Test void tinyMlpLossDrops() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            SequentialBlock mlp = new SequentialBlock()
                    .add(Linear.builder().setUnits(8).build()).add(Activation::tanh)
                    .add(Linear.builder().setUnits(1).build());
            mlp.initialize(m, DataType.FLOAT32, new Shape(16, 2));
            NamedParameters params = NamedParameters.of("mlp", mlp);
            NDArray x = m.randomUniform(-1, 1, new Shape(16, 2));
            NDArray y = x.get(":, 0").mul(x.get(":, 1")).reshape(16, 1); // XOR-like product
            ParameterStore ps = new ParameterStore(m, false);
            float first = 0, last = 0;
            try (Adam adam = new Adam("opt", AdamConfig.of(0.02), params)) {
                for (int s = 0; s < 300; s++) {
                    adam.zeroGradients();
                    try (NDManager step = m.newSubManager();
                         GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray pred = mlp.forward(ps, new NDList(x), true).singletonOrThrow();
                        pred.attach(step);
                        NDArray loss = pred.sub(y).square().mean();
                        gc.backward(loss);
                        if (s == 0) first = loss.getFloat();
                        last = loss.getFloat();
                    }
                    adam.step();
                }
            }
            assertTrue(last < first * 0.3, "loss " + first + " -> " + last);
        }
    }

    @Test void gradientsAccumulateUnlessZeroed() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {1f, 2f});
            for (int i = 0; i < 2; i++) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(OneParameter.w(params).sum());
                }
            }
            assertArrayEquals(new float[] {2f, 2f}, OneParameter.w(params).getGradient().toFloatArray());
            Gradients.zero(params);
            assertArrayEquals(new float[] {0f, 0f}, OneParameter.w(params).getGradient().toFloatArray());
        }
    }

    @Test void globalNormClippingScalesTheGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {0f, 0f});
            try (Adam adam = new Adam("opt", AdamConfig.of(0.1).withClipNorm(1.0), params)) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(OneParameter.w(params).mul(m.create(new float[] {3f, 4f})).sum()); // g = (3, 4), |g| = 5
                }
                Adam.StepReport r = adam.step();
                assertEquals(5f, r.gradNorm(), 1e-5);
                assertEquals(0.2f, r.clipScale(), 1e-5);
                CheckpointData d = new CheckpointData();
                adam.saveTo(d);
                // first moment = (1 − β1)·clipped g = 0.1·(0.6, 0.8)
                assertArrayEquals(new float[] {0.06f, 0.08f}, d.tensors().get("opt/m/w").values(), 1e-6f);
            }
        }
    }

    @Test void nanGradientSkipsTheStepThenStopsNamingTheParameterIfItRepeats() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {-1f, 4f});
            float[] before = OneParameter.w(params).toFloatArray();
            try (Adam adam = new Adam("optD", AdamConfig.of(0.1), params)) {
                for (int i = 1; i <= Adam.MAX_SKIPPED_IN_A_ROW + 1; i++) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(OneParameter.w(params).sqrt().sum()); // sqrt(-1) → NaN gradient
                    }
                    if (i <= Adam.MAX_SKIPPED_IN_A_ROW) {
                        assertTrue(adam.step().skipped(), "step " + i);
                        assertEquals(0, adam.steps(), "a skipped step does not count");
                    } else {
                        NonFiniteException e = assertThrows(NonFiniteException.class, adam::step);
                        assertTrue(e.getMessage().contains("optD") && e.getMessage().contains("gradient of w")
                                && e.getMessage().contains("in a row"), e.getMessage());
                    }
                    adam.zeroGradients();
                }
                assertArrayEquals(before, OneParameter.w(params).toFloatArray(), "parameters untouched");
                // a finite step afterwards updates as usual and resets the count
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(OneParameter.w(params).mul(OneParameter.w(params)).sum());
                }
                assertTrue(!adam.step().skipped());
                assertEquals(1, adam.steps());
            }
        }
    }

    @Test void overflowingButFiniteGradientSkipsTheStepThenStopsIfItRepeats() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {1f, 2f});
            float[] before = OneParameter.w(params).toFloatArray();
            try (Adam adam = new Adam("optD", AdamConfig.of(0.1), params)) {
                for (int i = 1; i <= Adam.MAX_SKIPPED_IN_A_ROW + 1; i++) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(OneParameter.w(params).mul(3e20f).sum()); // g = 3e20 each: finite, but g² overflows float
                    }
                    if (i <= Adam.MAX_SKIPPED_IN_A_ROW) {
                        assertTrue(adam.step().skipped(), "step " + i);
                        assertEquals(0, adam.steps(), "a skipped step does not count");
                        assertArrayEquals(before, OneParameter.w(params).toFloatArray(), "parameters untouched");
                    } else {
                        NonFiniteException e = assertThrows(NonFiniteException.class, adam::step);
                        assertTrue(e.getMessage().contains("in a row"), e.getMessage());
                    }
                    adam.zeroGradients();
                }
            }
        }
    }
}
