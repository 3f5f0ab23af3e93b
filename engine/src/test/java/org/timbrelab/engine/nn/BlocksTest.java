package org.timbrelab.engine.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlocksTest {
    private NDManager m;

    @BeforeEach void open() { m = NDManager.newBaseManager(); Engine.getInstance().setRandomSeed(7); }
    @AfterEach void close() { m.close(); }

    @Test void nearestUpsampleCopiesEachPixelIntoA2x2Square() {
        NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
        NDArray y = Upsample.nearest2x(x);
        assertEquals(new Shape(1, 1, 4, 4), y.getShape());
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, y.toFloatArray());
    }

    @Test void gradientsFlowThroughUpsampleIntoInputAndConvWeights() {
        Upsample up = new Upsample(2, 3, Padding.REFLECT);
        up.initialize(m);
        NDArray x = m.randomNormal(new Shape(2, 2, 4, 5));
        x.setRequiresGradient(true);
        // d(sum of nearest2x)/dx = 4 for every input pixel
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(Upsample.nearest2x(x).sum());
        }
        for (float g : x.getGradient().toFloatArray()) assertEquals(4f, g, 1e-6);
        x.getGradient().subi(x.getGradient());
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = up.forward(x);
            assertEquals(new Shape(2, 3, 8, 10), y.getShape());
            gc.backward(y.mul(m.randomNormal(y.getShape())).sum());
        }
        assertTrue(x.getGradient().abs().sum().getFloat() > 0, "input gradient is zero");
        for (Parameter p : up.uniqueParameters()) {
            if (p.getType() == Parameter.Type.WEIGHT)
                assertTrue(p.getArray().getGradient().abs().sum().getFloat() > 0, p.getName() + " has no gradient");
        }
    }

    @Test void reflectPadMirrorsWithoutRepeatingTheEdge() {
        NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 1, 2, 3));
        NDArray y = Conv.reflectPad(x, 1);
        assertEquals(new Shape(1, 1, 4, 5), y.getShape());
        assertArrayEquals(new float[] {
                5, 4, 5, 6, 5,
                2, 1, 2, 3, 2,
                5, 4, 5, 6, 5,
                2, 1, 2, 3, 2}, y.toFloatArray());
    }

    @Test void reflectPadGivesTheSlicesAndFlipsFormsValuesAndGradientsBitForBit() {
        // the gathered form replaced this one; the shipped presets were trained with it, so their configs must still
        // train to them byte for byte: same values, same gradients (edge pixels sum 2-4 contributions)
        NDArray x = m.randomNormal(new Shape(2, 3, 17, 9));
        NDArray w = m.randomNormal(new Shape(2, 3, 23, 15));
        NDArray[] grads = {gradientOf(x, w, t -> Conv.reflectPad(t, 3)), gradientOf(x, w, t -> reflectPadBySlices(t, 3))};
        assertTrue(Conv.reflectPad(x, 3).contentEquals(reflectPadBySlices(x, 3)), "padded values");
        assertTrue(grads[0].contentEquals(grads[1]), "gradients differ by " + grads[0].sub(grads[1]).abs().max().getFloat());
    }

    @Test void reflectPadGivesTheSameValuesWhetherRecordingGradientsOrNot() {
        // recording, the pad is two products with mirror matrices; converting, two gathers: one function either way
        NDArray x = m.randomNormal(new Shape(2, 3, 17, 9));
        NDArray converting = Conv.reflectPad(x, 3);
        NDArray recording;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            recording = Conv.reflectPad(x, 3).duplicate();
        }
        assertTrue(converting.contentEquals(recording));
        assertTrue(converting.contentEquals(reflectPadBySlices(x, 3)));
    }

    /** d/dx of Σ w·f(x), for a fresh copy of x. */
    private static NDArray gradientOf(NDArray x, NDArray w, java.util.function.UnaryOperator<NDArray> f) {
        NDArray xi = x.duplicate();
        xi.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(f.apply(xi).mul(w).sum());
        }
        return xi.getGradient().duplicate();
    }

    /** The reflect pad every shipped preset was trained with: slices, flips and concatenations. */
    private static NDArray reflectPadBySlices(NDArray x, int p) {
        long h = x.getShape().get(2), w = x.getShape().get(3);
        NDArray top = x.get(new NDIndex(":, :, 1:{}", p + 1)).flip(2);
        NDArray bottom = x.get(new NDIndex(":, :, {}:{}", h - 1 - p, h - 1)).flip(2);
        NDArray rows = top.concat(x, 2).concat(bottom, 2);
        NDArray left = rows.get(new NDIndex(":, :, :, 1:{}", p + 1)).flip(3);
        NDArray right = rows.get(new NDIndex(":, :, :, {}:{}", w - 1 - p, w - 1)).flip(3);
        return left.concat(rows, 3).concat(right, 3);
    }

    @Test void nativeUpsampleGivesTheSameValuesAndGradientsUpToRounding() {
        NDArray x = m.randomNormal(new Shape(2, 3, 5, 4));
        assertTrue(Upsample.nearest2x(x).contentEquals(Upsample.nearest2xNative(x)));
        NDArray w = m.randomNormal(new Shape(2, 3, 10, 8));
        NDArray[] grads = {gradientOf(x, w, Upsample::nearest2x), gradientOf(x, w, Upsample::nearest2xNative)};
        // each input pixel's gradient is the sum of its 2×2 square's
        NDArray want = w.reshape(2, 3, 5, 2, 4, 2).sum(new int[] {5}).sum(new int[] {3});
        assertArrayEquals(want.toFloatArray(), grads[0].toFloatArray(), 1e-5f);
        assertArrayEquals(want.toFloatArray(), grads[1].toFloatArray(), 1e-5f);
    }

    @Test void convWithOnesKernelSumsTheReflectedNeighbourhood() {
        Conv c = new Conv(ConvSpec.same(1, 1, 3, Padding.REFLECT));
        c.initialize(m);
        c.weightParameter().getArray().set(m.ones(new Shape(1, 1, 3, 3)).toFloatArray());
        NDArray x = m.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new Shape(1, 1, 3, 3));
        float[] y = c.forward(x).toFloatArray();
        // top-left 3×3 window of the reflect-padded image: 5 4 5 / 2 1 2 / 5 4 5
        assertEquals(33f, y[0], 1e-5);
        assertEquals(45f, y[4], 1e-5); // centre: plain sum of 1..9
    }

    @Test void instanceNormGivesZeroMeanUnitVariancePerPlane() {
        NDArray x = m.randomNormal(3f, 5f, new Shape(2, 3, 8, 8), ai.djl.ndarray.types.DataType.FLOAT32);
        NDArray y = InstanceNorm.normalize(x);
        NDArray flat = y.reshape(2, 3, 64);
        float[] mean = flat.mean(new int[] {2}).toFloatArray();
        float[] var = flat.square().mean(new int[] {2}).toFloatArray();
        for (float v : mean) assertEquals(0f, v, 1e-4);
        for (float v : var) assertEquals(1f, v, 1e-3);
    }

    @Test void fusedInstanceNormMatchesTheFormulaIncludingGradients() {
        NDArray x = m.randomNormal(1f, 3f, new Shape(3, 4, 6, 10), ai.djl.ndarray.types.DataType.FLOAT32);
        NDArray w = m.randomNormal(x.getShape());
        x.setRequiresGradient(true);
        float[] fused, ref, gFused, gRef;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = InstanceNorm.normalize(x);
            fused = y.toFloatArray();
            gc.backward(y.mul(w).sum());
        }
        gFused = x.getGradient().toFloatArray();
        x.getGradient().subi(x.getGradient());
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = InstanceNorm.normalizeReference(x);
            ref = y.toFloatArray();
            gc.backward(y.mul(w).sum());
        }
        gRef = x.getGradient().toFloatArray();
        assertArrayEquals(ref, fused, 1e-4f);
        assertArrayEquals(gRef, gFused, 1e-3f);
    }

    @Test void shapesOfEncoderLikeStackAndPatchGan() {
        Chain enc = new Chain()
                .add("in", new ConvNormAct(ConvSpec.same(1, 16, 7, Padding.REFLECT), true, Activation.RELU))
                .add("down1", ConvNormAct.downsample(16, 32, Padding.REFLECT, true, Activation.RELU))
                .add("down2", ConvNormAct.downsample(32, 64, Padding.REFLECT, true, Activation.RELU))
                .add("res", new ResidualBlock(64, Padding.REFLECT));
        enc.initialize(m);
        NDArray x = m.randomNormal(new Shape(4, 1, 128, 64));
        NDArray z = enc.forward(x);
        assertEquals(new Shape(4, 64, 32, 16), z.getShape());
        assertEquals(z.getShape(), enc.outputShape(x.getShape()));

        PatchGan d = new PatchGan(new PatchGanConfig(1, 16, 3));
        d.initialize(m);
        NDArray s = d.forward(x);
        assertEquals(new Shape(4, 1, 16, 8), s.getShape());
        assertEquals(s.getShape(), d.outputShape(x.getShape()));
    }

    @Test void residualBlockKeepsShapeAndIsNotIdentity() {
        ResidualBlock r = new ResidualBlock(8, Padding.ZERO);
        r.initialize(m);
        NDArray x = m.randomNormal(new Shape(1, 8, 6, 10));
        NDArray y = r.forward(x);
        assertEquals(x.getShape(), y.getShape());
        assertTrue(y.sub(x).abs().sum().getFloat() > 1e-3);
        assertEquals(2L * (8 * 8 * 9 + 8), r.parameterCount());
    }
}
