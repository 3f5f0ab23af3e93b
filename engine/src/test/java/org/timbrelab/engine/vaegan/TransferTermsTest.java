package org.timbrelab.engine.vaegan;

import org.timbrelab.dsp.Loudness;
import org.timbrelab.dsp.MelScale;
import org.timbrelab.dsp.SpectrogramConfig;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * Pink noise through the flute played a steady low tone where the comb asked no pitch (docs/study-reference.md,
     * section 22). Frames 0–1 have a comb, 2–3 none; the source is flat everywhere (q = 0). A transfer that puts one loud
     * bin 0.8 over the rest (40 dB) in an unvoiced frame costs 0.8 − the 10-dB margin there; in a voiced frame nothing.
     */
    @Test void toneWithoutCombCostsAPeakOnlyWhereTheCombAsksNoPitch() {
        try (NDManager m = NDManager.newBaseManager()) {
            int w = 4;
            Shape s = new Shape(1, 1, MELS, w);
            float[] comb = new float[MELS * w];
            comb[3 * w] = comb[3 * w + 1] = 1f; // frames 0, 1 voiced
            NDArray c = m.create(comb, s), flat = m.create(new float[MELS * w], s);
            assertEquals(0f, TransferTerms.toneWithoutComb(flat, flat, c).getFloat(), 1e-6f);
            float[] toneAt = new float[MELS * w];
            for (int f = 0; f < MELS; f++) for (int t = 0; t < w; t++) toneAt[f * w + t] = f == 1 ? 0f : -0.8f;
            NDArray drone = m.create(toneAt, s);
            float q = 0.8f - 0.8f / MELS; // max − mean over bins
            float perFrame = q - TransferTerms.TONELESS_MARGIN;
            assertEquals(2 * perFrame / 3, TransferTerms.toneWithoutComb(drone, flat, c).getFloat(), 1e-5f); // two unvoiced frames, +1 in the mean's count
            assertEquals(0f, TransferTerms.toneWithoutComb(drone, drone, c).getFloat(), 1e-6f); // as peaky as its source: free
            float[] voicedOnly = new float[MELS * w];
            java.util.Arrays.fill(voicedOnly, 1f); // a comb on every frame: nothing is unvoiced
            assertEquals(0f, TransferTerms.toneWithoutComb(drone, flat, m.create(voicedOnly, s)).getFloat(), 1e-6f);
        }
    }

    /** With the comb on frames 0–1 only, a flat transfer falls short of a peaky target there and nowhere else. */
    @Test void peakShortfallVoicedCountsOnlyTheFramesTheCombVoices() {
        try (NDManager m = NDManager.newBaseManager()) {
            int w = 4;
            Shape s = new Shape(1, 1, MELS, w);
            float[] comb = new float[MELS * w];
            comb[3 * w] = comb[3 * w + 1] = 1f;
            float[] peaky = new float[MELS * w];
            for (int f = 0; f < MELS; f++) for (int t = 0; t < w; t++) peaky[f * w + t] = f == 1 ? 0f : -0.8f;
            NDArray real = m.create(peaky, s), flat = m.create(new float[MELS * w], s), c = m.create(comb, s);
            float q = 0.8f - 0.8f / MELS;
            assertEquals(2 * q / 3, TransferTerms.peakShortfallVoiced(flat, real, c).getFloat(), 1e-5f);
            assertEquals(q, TransferTerms.peakShortfall(flat, real).getFloat(), 1e-5f); // the plain term counts all four frames
            assertEquals(0f, TransferTerms.peakShortfallVoiced(real, real, c).getFloat(), 1e-6f);
        }
    }

    /**
     * A source crop whose frames sit 0, 0, 20 and 40 dB under its loudest (flat frames at 0, 0, −0.4, −0.8): within 25 dB
     * the first three are sounding, the pause is not; within 45 dB all four. A peak short of the target's costs only on
     * the sounding frames, a tone only in the pause.
     */
    @Test void soundingFramesAreThoseWithinTheRangeOfTheCropsLoudestAndSplitPeakFromToneless() {
        try (NDManager m = NDManager.newBaseManager()) {
            int w = 4;
            Shape s = new Shape(1, 1, MELS, w);
            float[] levels = {0f, 0f, -0.4f, -0.8f};
            float[] src = new float[MELS * w];
            for (int f = 0; f < MELS; f++) for (int t = 0; t < w; t++) src[f * w + t] = levels[t];
            NDArray source = m.create(src, s);
            assertArrayEquals(new float[] {1, 1, 1, 0}, TransferTerms.soundingFrames(source, 25).toFloatArray());
            assertArrayEquals(new float[] {1, 1, 1, 1}, TransferTerms.soundingFrames(source, 45).toFloatArray());
            float[] peaky = new float[MELS * w];
            for (int f = 0; f < MELS; f++) for (int t = 0; t < w; t++) peaky[f * w + t] = f == 1 ? 0f : -0.8f;
            NDArray real = m.create(peaky, s), flat = m.create(new float[MELS * w], s);
            NDArray sounding = TransferTerms.soundingFrames(source, 25);
            float q = 0.8f - 0.8f / MELS;
            assertEquals(3 * q / 4, TransferTerms.peakShortfallOn(flat, real, sounding).getFloat(), 1e-5f); // three frames, +1 in the count
            assertEquals((q - TransferTerms.TONELESS_MARGIN) / 2, TransferTerms.toneWhere(real, flat, sounding.neg().add(1f)).getFloat(), 1e-5f);
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

    /**
     * Two frames each holding one loud mel bin, at ~1 kHz and at ~100 Hz: the unweighted level reads them equal, the
     * A-weighted loudness reads them apart by exactly those bands' weights (10·log10 of their ratio, in image units).
     */
    @Test void relativeLoudnessWeighsEachBandAsTheEarDoes() {
        SpectrogramConfig c = SpectrogramConfig.DEFAULT;
        int mels = c.nMels();
        java.util.function.DoubleUnaryOperator band = MelScale.bandOf(c);
        int k1 = (int) Math.round(band.applyAsDouble(1000)), h1 = (int) Math.round(band.applyAsDouble(100));
        float[] v = new float[mels * 2];
        java.util.Arrays.fill(v, -1f);
        v[k1 * 2] = 0.6f;       // frame 0: the 1-kHz band
        v[h1 * 2 + 1] = 0.6f;   // frame 1: the 100-Hz band
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = m.create(v, new Shape(1, 1, mels, 2));
            float[] flat = TransferTerms.relativeLevel(y).toFloatArray(), heard = TransferTerms.relativeLoudness(y).toFloatArray();
            assertEquals(0, flat[0] - flat[1], 1e-4f);
            double[] w = Loudness.melBandWeights(c);
            double expected = 10 * Math.log10(w[k1] / w[h1]) / 50;     // one image unit is 50 dB
            assertTrue(expected > 15.0 / 50, "the 1-kHz band should weigh over 15 dB more than the 100-Hz one, got " + expected * 50);
            assertEquals(expected, heard[0] - heard[1], 1e-3);
        }
    }
}
