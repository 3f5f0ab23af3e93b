package org.timbrelab.engine.vaegan.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TiltAugmentTest {

    /** Crops of 0.0 (−40 dB at 40 dB per unit) with the floor in frame 0 of every bin, and 0.95 in the last frame. */
    @Test void eachCropGetsOneSmoothBoundedCurveAndTheFloorStays() {
        int b = 4, mels = 16, t = 5;
        float[] v = new float[b * mels * t];
        for (int i = 0; i < b * mels; i++) {
            v[i * t] = -1f;
            v[i * t + t - 1] = 0.95f;
        }
        try (NDManager m = NDManager.newBaseManager()) {
            float[] out = TiltAugment.apply(m.create(v, new Shape(b, 1, mels, t)), 12, 40, new Random(1)).toFloatArray();
            float[][] curve = new float[b][mels];
            boolean clipped = false;
            for (int i = 0; i < b; i++) {
                for (int k = 0; k < mels; k++) {
                    int row = (i * mels + k) * t;
                    assertEquals(-1f, out[row], 0f, "the floor stays");
                    curve[i][k] = out[row + 1];
                    for (int f = 2; f < t - 1; f++) assertEquals(curve[i][k], out[row + f], 1e-6f, "the same gain in every frame");
                    assertTrue(Math.abs(curve[i][k]) <= 12.0 / 40 + 1e-6, "at most ±12 dB: " + curve[i][k] * 40 + " dB");
                    assertTrue(out[row + t - 1] <= 1f, "stays in range");
                    clipped |= out[row + t - 1] == 1f;
                    // smooth: a step between bins is at most the tilt's 12/15 dB plus the ripple's 6 dB · 2π · 1.5 / 15, 4.6 dB
                    if (k > 0) assertTrue(Math.abs(curve[i][k] - curve[i][k - 1]) * 40 <= 4.6, "smooth over the mel bins");
                }
            }
            assertTrue(clipped, "a positive gain on 0.95 reaches the ceiling");
            assertTrue(Math.abs(curve[0][mels - 1] - curve[0][0]) > 0.01 || Math.abs(curve[1][mels - 1] - curve[1][0]) > 0.01, "a tilt, not a level");
            assertTrue(Math.abs(curve[0][mels / 2] - curve[1][mels / 2]) > 1e-4, "each crop draws its own curve");
        }
    }
}
