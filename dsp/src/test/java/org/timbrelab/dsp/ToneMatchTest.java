package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToneMatchTest {

    /** White noise through a one-pole low-pass: about 6 dB quieter per octave above the corner, a "dark voice". */
    static AudioClip dark(AudioClip white, double cornerHz) {
        float[] x = white.samples(), y = new float[x.length];
        double a = Math.exp(-2 * Math.PI * cornerHz / white.sampleRate()), s = 0;
        for (int i = 0; i < x.length; i++) y[i] = (float) (s = (1 - a) * x[i] + a * s);
        return new AudioClip(y, white.sampleRate());
    }

    @Test void whiteNoiseIsFlatAndALowPassTiltsDown() {
        double[] white = ToneProfile.of(TestSignals.whiteNoise(0.1, 3, 1)).bandsDb();
        for (int b = 0; b < white.length; b++) assertEquals(0, white[b], 2.5, "white noise, band " + ToneProfile.CENTRES[b] + " Hz");
        double[] darkBands = ToneProfile.of(dark(TestSignals.whiteNoise(0.1, 3, 1), 300)).bandsDb();
        // one-pole: 10·log10(1 + (f/300)²) below the low end: ~24 dB from 400 Hz to 6.4 kHz
        assertEquals(-24, darkBands[18] - darkBands[4], 3, "6.4 kHz against 400 Hz");
    }

    @Test void matchingMovesADarkClipTowardTheTargetAboveFiveHundredHertz() {
        AudioClip darkClip = dark(TestSignals.whiteNoise(0.1, 3, 2), 2000); // ~10 dB darker at 6.4 kHz than at 500 Hz
        ToneProfile target = ToneProfile.of(TestSignals.whiteNoise(0.1, 3, 3));
        AudioClip matched = ToneMatch.apply(darkClip, target, 12);
        double[] before = ToneProfile.of(darkClip).bandsDb(), after = ToneProfile.of(matched).bandsDb(), t = target.bandsDb();
        double worstBefore = 0, worstAfter = 0;
        for (int b = 0; b < t.length; b++) {
            if (ToneProfile.CENTRES[b] < ToneMatch.LOWEST_HZ) continue;
            worstBefore = Math.max(worstBefore, Math.abs((before[b] - before[7]) - (t[b] - t[7]))); // shape relative to 500 Hz
            worstAfter = Math.max(worstAfter, Math.abs((after[b] - after[7]) - (t[b] - t[7])));
        }
        assertTrue(worstBefore > 6, "the dark clip starts far from the target: " + worstBefore + " dB");
        assertTrue(worstAfter < 2.5, "within the ±12-dB reach the shape is matched: " + worstBefore + " -> " + worstAfter + " dB");
        assertEquals(peak(darkClip), peak(matched), 1e-4, "the peak level is restored");
        assertEquals(darkClip.length(), matched.length());
    }

    @Test void bandsBelowFiveHundredHertzGetTheFiveHundredHertzGain() {
        ToneProfile flat = new ToneProfile(new double[19]);
        double[] tilted = new double[19];
        for (int b = 0; b < 19; b++) tilted[b] = -b;
        double[] g = ToneMatch.gainsDb(new ToneProfile(tilted), flat, 30, 513, 16000);
        int bin100 = (int) Math.round(100 * 1024 / 16000.0), bin500 = (int) Math.round(ToneProfile.CENTRES[7] * 1024 / 16000.0);
        assertEquals(g[bin500], g[bin100], 1e-9, "flat below the lowest matched band");
        assertEquals(0, g[512], 1e-9, "the largest gain is 0 dB: the highest band, the most boosted, is not boosted");
        for (double v : g) assertTrue(v <= 1e-12, "never a boost: " + v);
    }

    @Test void silentClipsAndMissingBandsAreLeftAlone() {
        AudioClip silence = TestSignals.silence(1);
        assertSame(silence, ToneMatch.apply(silence, ToneProfile.of(TestSignals.whiteNoise(0.1, 1, 4)), 12));
        assertThrows(IllegalArgumentException.class, () -> ToneProfile.of(silence));
        // an 8-kHz recording cannot hold the bands above 4 kHz
        AudioClip narrow = new AudioClip(TestSignals.whiteNoise(0.1, 1, 5).samples(), 8000);
        double[] bands = ToneProfile.of(narrow).bandsDb();
        assertTrue(Double.isNaN(bands[18]) && !Double.isNaN(bands[10]), java.util.Arrays.toString(bands));
        ToneProfile mean = ToneProfile.mean(List.of(ToneProfile.of(narrow), ToneProfile.of(TestSignals.whiteNoise(0.1, 1, 6))));
        assertTrue(!Double.isNaN(mean.bandsDb()[18]), "the mean takes a band from the profiles that hold it");
        assertThrows(IllegalArgumentException.class, () -> new ToneProfile(new double[3]));
    }

    private static double peak(AudioClip c) {
        double p = 0;
        for (float v : c.samples()) p = Math.max(p, Math.abs(v));
        return p;
    }
}
