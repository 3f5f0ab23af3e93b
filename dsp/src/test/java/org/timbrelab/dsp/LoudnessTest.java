package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LoudnessTest {
    private final Loudness loudness = new Loudness(SpectrogramConfig.DEFAULT);

    private static double median(float[] v, int from, int to) {
        float[] c = java.util.Arrays.copyOfRange(v, from, to);
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }

    @Test void aWeightingCurveMatchesPublishedValues() {
        // IEC 61672-1 table (0.1 dB rounding); nominal frequencies are exact 10^(n/10) Hz
        assertEquals(0.0, Loudness.aWeightingDb(1000), 0.01);
        assertEquals(-19.1, Loudness.aWeightingDb(100), 0.05);
        assertEquals(-8.6, Loudness.aWeightingDb(Math.pow(10, 2.4)), 0.05);    // "250 Hz"
        assertEquals(1.2, Loudness.aWeightingDb(Math.pow(10, 3.3)), 0.05);     // "2000 Hz"
        assertEquals(1.3, Loudness.aWeightingDb(Math.pow(10, 3.4)), 0.05);     // "2500 Hz"
        assertEquals(-50.5, Loudness.aWeightingDb(Math.pow(10, 1.3)), 0.05);   // "20 Hz"
        assertEquals(-4.3, Loudness.aWeightingDb(Math.pow(10, 4.1)), 0.05);    // "12.5 kHz"
    }

    @Test void fullScaleSineAt1kHzReadsItsRms() {
        float[] db = loudness.aWeightedDb(TestSignals.sine(1000, 1.0, 1.0));
        assertEquals(-3.01, median(db, 4, db.length - 4), 0.05);
    }

    @Test void sineAt100HzIsAbout19dBBelowTheSameSineAt1kHz() {
        float[] k1 = loudness.aWeightedDb(TestSignals.sine(1000, 0.5, 1.0));
        float[] h1 = loudness.aWeightedDb(TestSignals.sine(100, 0.5, 1.0));
        assertEquals(-19.1, median(h1, 4, h1.length - 4) - median(k1, 4, k1.length - 4), 0.3);
    }

    @Test void aSixDecibelGainStepShowsAsSixDecibels() {
        float[] x = TestSignals.harmonicTone(220, 10, 0.4, 2.0, 5).samples();
        for (int i = 0; i < x.length / 2; i++) x[i] *= 0.5f;             // first second 6.02 dB quieter
        float[] db = loudness.aWeightedDb(new AudioClip(x, 16000));
        int step = 16000 / SpectrogramConfig.DEFAULT.hopLength();
        double before = median(db, 4, step - 4), after = median(db, step + 4, db.length - 4);
        assertEquals(20 * Math.log10(2), after - before, 0.05);
        // the step lands within the frames whose windows straddle it
        for (int i = 4; i < step - 4; i++) assertEquals(before, db[i], 0.3, "frame " + i);
    }

    @Test void framesLineUpWithTheSpectrogramAndThePitchTrack() {
        AudioClip clip = TestSignals.sine(300, 0.3, 1.37);
        int frames = new AudioTransform(SpectrogramConfig.DEFAULT).forward(clip).frames();
        assertEquals(frames, loudness.aWeightedDb(clip).length);
        assertEquals(frames, new Pitch().track(clip, SpectrogramConfig.DEFAULT).frames());
    }

    @Test void silenceReadsTheFloorAndFramesFollowTheGrid() {
        float[] db = loudness.aWeightedDb(TestSignals.silence(1.0));
        assertEquals(1 + 16000 / 256, db.length);
        for (float v : db) assertEquals(SpectrogramConfig.DEFAULT.minDb(), v, 1e-6);
    }

    /** A frame's level from a mel image: 10·log10 Σ_m w_m · mel_m² (w = 1 everywhere: the unweighted mel power). */
    private static float[] melLevelDb(AudioClip clip, double[] w) {
        MagnitudeSpectrogram m = Stft.of(SpectrogramConfig.DEFAULT).magnitude(clip);
        MelScale mel = MelScale.of(SpectrogramConfig.DEFAULT);
        float[] bands = new float[mel.nMels() * m.frames()];
        mel.apply(m.values(), m.frames(), bands);
        float[] db = new float[m.frames()];
        for (int t = 0; t < db.length; t++) {
            double p = 0;
            for (int b = 0; b < mel.nMels(); b++) p += w[b] * Math.pow(bands[b * db.length + t], 2);
            db[t] = (float) (10 * Math.log10(p + 1e-30));
        }
        return db;
    }

    @Test void melBandWeightsGiveTheASineGapBetween100HzAnd1kHz() {
        double[] w = Loudness.melBandWeights(SpectrogramConfig.DEFAULT);
        float[] k1 = melLevelDb(TestSignals.sine(1000, 0.5, 1.0), w), h1 = melLevelDb(TestSignals.sine(100, 0.5, 1.0), w);
        assertEquals(-19.1, median(h1, 4, h1.length - 4) - median(k1, 4, k1.length - 4), 1.0);
        double[] flat = new double[w.length];
        java.util.Arrays.fill(flat, 1);
        float[] k1f = melLevelDb(TestSignals.sine(1000, 0.5, 1.0), flat), h1f = melLevelDb(TestSignals.sine(100, 0.5, 1.0), flat);
        // unweighted, the area-normalised filters make the low sine the louder one (narrow bands, tall filters)
        assertTrue(median(h1f, 4, h1f.length - 4) > median(k1f, 4, k1f.length - 4), "unweighted mel power should favour 100 Hz");
    }

    @Test void melBandWeightsFollowTheAWeightedLevelThroughHissAndHum() {
        // a harmonic "vowel" at 150 Hz, then white hiss 20 dB lower in RMS, then a 60-Hz hum, then the vowel again
        float[] vowel = TestSignals.harmonicTone(150, 20, 0.4, 0.5, 3).samples();
        float[] hiss = TestSignals.whiteNoise(0.02, 0.5, 4).samples();
        float[] hum = TestSignals.sine(60, 0.3, 0.5).samples();
        AudioClip clip = TestSignals.concat(vowel, hiss, hum, vowel);
        double[] flat = new double[SpectrogramConfig.DEFAULT.nMels()];
        java.util.Arrays.fill(flat, 1);
        float[] a = loudness.aWeightedDb(clip), weighted = melLevelDb(clip, Loudness.melBandWeights(SpectrogramConfig.DEFAULT)),
                unweighted = melLevelDb(clip, flat);
        int seg = a.length / 4;
        for (int s = 1; s < 4; s++) {   // each segment's level against the first vowel's, mid-segment medians
            double ref = median(a, 4, seg - 4), got = median(a, s * seg + 4, (s + 1) * seg - 4);
            double refW = median(weighted, 4, seg - 4), gotW = median(weighted, s * seg + 4, (s + 1) * seg - 4);
            double refU = median(unweighted, 4, seg - 4), gotU = median(unweighted, s * seg + 4, (s + 1) * seg - 4);
            // within 2 dB: at 60 Hz the A-curve falls ~1 dB per 3 Hz across the Hann window's ±30-Hz main lobe
            assertEquals(got - ref, gotW - refW, 2.0, "segment " + s + ": A-weighted vs weighted mel level, relative to the vowel");
            // the unweighted mel power misreads the hiss and the hum by far more (it is what the weights are for)
            if (s < 3) assertTrue(Math.abs((gotU - refU) - (got - ref)) > 5, "segment " + s + ": unweighted is off by only "
                    + Math.abs((gotU - refU) - (got - ref)) + " dB");
        }
    }
}
