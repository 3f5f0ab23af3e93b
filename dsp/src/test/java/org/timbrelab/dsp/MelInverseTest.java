package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class MelInverseTest {

    private final MelScale mel = MelScale.of(SpectrogramConfig.DEFAULT);
    private final MelInverse inv = new MelInverse(mel);

    private double residual(float[] lin, float[] target, int frames) {
        float[] back = new float[target.length];
        mel.apply(lin, frames, back);
        double num = 0, den = 0;
        for (int i = 0; i < target.length; i++) { num += Math.pow(back[i] - target[i], 2); den += target[i] * target[i]; }
        return Math.sqrt(num / den);
    }

    @Test void pseudoInverseReproducesTheMelValuesOfASmoothSpectrum() {
        // a smooth positive spectrum: its pseudo-inverse is non-negative, so W·x = y exactly
        int frames = 2, bins = mel.bins();
        float[] lin = new float[frames * bins];
        for (int t = 0; t < frames; t++)
            for (int k = 0; k < bins; k++) lin[t * bins + k] = (float) (1 + 0.5 * Math.sin(k / 40.0 + t));
        float[] y = new float[mel.nMels() * frames];
        mel.apply(lin, frames, y);
        float[] x = new float[lin.length];
        inv.invert(y, frames, 0, x);
        assertTrue(residual(x, y, frames) < 1e-4, "relative mel residual " + residual(x, y, frames));
        for (float v : x) assertTrue(v >= 0);
    }

    @Test void nnlsStepsKeepMagnitudesNonNegativeAndDoNotWorsenTheFit() {
        // a sparse harmonic spectrum: the pseudo-inverse has negative lobes that clipping removes
        int frames = 1, bins = mel.bins();
        float[] lin = new float[bins];
        for (int h = 1; h * 14 < bins; h++) lin[h * 14] = 1f / h;
        float[] y = new float[mel.nMels()];
        mel.apply(lin, frames, y);
        float[] x0 = new float[bins], x8 = new float[bins];
        inv.invert(y, frames, 0, x0);
        inv.invert(y, frames, 8, x8);
        for (float v : x8) assertTrue(v >= 0);
        assertTrue(residual(x8, y, frames) <= residual(x0, y, frames) + 1e-6,
                "NNLS residual " + residual(x8, y, frames) + " vs clipped pseudo-inverse " + residual(x0, y, frames));
    }

    @Test void silenceInvertsToSilence() {
        float[] x = new float[3 * mel.bins()];
        inv.invert(new float[mel.nMels() * 3], 3, 4, x);
        for (float v : x) assertEquals(0f, v);
    }

    @Test void framesSplitOverTheCoresGiveEachFramesOwnInverseBitForBit() {
        // 300 frames are inverted in parallel spans (FrameSpans); one frame alone is the sequential path
        int frames = 300, nMels = mel.nMels(), bins = mel.bins();
        java.util.Random r = new java.util.Random(5);
        float[] y = new float[nMels * frames];
        for (int i = 0; i < y.length; i++) y[i] = r.nextFloat() * r.nextFloat();
        float[] all = new float[frames * bins];
        inv.invert(y, frames, 4, all);
        for (int t : new int[] {0, 73, 149, 150, 151, 226, 299}) {
            float[] one = new float[nMels], x = new float[bins];
            for (int m = 0; m < nMels; m++) one[m] = y[m * frames + t];
            inv.invert(one, 1, 4, x);
            assertArrayEquals(x, java.util.Arrays.copyOfRange(all, t * bins, (t + 1) * bins), "frame " + t);
        }
    }
}
