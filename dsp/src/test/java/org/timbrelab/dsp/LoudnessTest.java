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
}
