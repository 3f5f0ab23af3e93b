package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TransferTermsTest {
    private static final int MELS = 32, PER = MELS / TransferTerms.SPREAD_BANDS;
    private static final float EPS_SIGMA = 1e-3f; // sqrt of the variance's 1e-6

    /**
     * A crop whose loudest bin moves between the lowest and the highest band every frame, everything else 0.4 under it:
     * bands 0 and 15 swing between −0.2 (peak and a bin 0.4 down) and −0.4, σ = 0.1; the others hold. Louder and softer
     * frames, and silent frames 60 dB down, change nothing.
     */
    @Test void shapeSpreadIsTheStdOfEachBandUnderItsFramesPeakOverSoundingFrames() {
        try (NDManager m = NDManager.newBaseManager()) {
            int w = 8;
            float[] y = alternating(w, true);
            float[] expected = new float[TransferTerms.SPREAD_BANDS];
            java.util.Arrays.fill(expected, EPS_SIGMA);
            expected[0] = expected[TransferTerms.SPREAD_BANDS - 1] = (float) Math.sqrt(0.01 + 1e-6);
            assertArrayEquals(expected, TransferTerms.shapeSpread(m.create(y, new Shape(1, 1, MELS, w))).toFloatArray(), 1e-5f);
            float[] steady = alternating(w, false);
            float[] flat = new float[TransferTerms.SPREAD_BANDS];
            java.util.Arrays.fill(flat, EPS_SIGMA);
            assertArrayEquals(flat, TransferTerms.shapeSpread(m.create(steady, new Shape(1, 1, MELS, w))).toFloatArray(), 1e-5f);
        }
    }

    /** A transfer no less steady than the target's crops costs nothing; a busier one costs its excess σ, averaged over bands. */
    @Test void shapeSpreadExcessCostsOnlyAShapeThatVariesMoreThanTheTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            int w = 8;
            Shape s = new Shape(1, 1, MELS, w);
            NDArray busy = m.create(alternating(w, true), s), steady = m.create(alternating(w, false), s);
            assertEquals(0f, TransferTerms.shapeSpreadExcess(steady, busy).getFloat(), 1e-6f);
            assertEquals(0f, TransferTerms.shapeSpreadExcess(busy, busy).getFloat(), 1e-6f);
            float excess = 2 * ((float) Math.sqrt(0.01 + 1e-6) - EPS_SIGMA) / TransferTerms.SPREAD_BANDS;
            assertEquals(excess, TransferTerms.shapeSpreadExcess(busy, steady).getFloat(), 1e-5f);
        }
    }

    /**
     * Frames 0..w−1 of a (MELS × w) image, row-major: every other frame 0.3 louder, the last two silent (1.5 under the
     * loudest, beyond the sounding range, with their own shape); the sounding frames' peak in the lowest band or, when
     * {@code moving}, in the highest band every odd frame; every other bin 0.4 under the peak.
     */
    private static float[] alternating(int w, boolean moving) {
        float[] y = new float[MELS * w];
        for (int t = 0; t < w; t++) {
            boolean silent = t >= w - 2;
            float level = silent ? -1.5f : t % 2 == 0 ? 0.3f : 0f;
            int peakBin = silent ? MELS / 2 : moving && t % 2 == 1 ? MELS - 1 : 0;
            for (int f = 0; f < MELS; f++) y[f * w + t] = level + (f == peakBin ? 0f : -0.4f);
        }
        assert PER == 2;
        return y;
    }
}
