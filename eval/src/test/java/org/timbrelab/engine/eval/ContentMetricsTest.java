package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Loudness;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ContentMetricsTest {
    private static final int HOP = 256, RATE = 16_000;

    private static PitchTrack track(float[] f0) {
        boolean[] v = new boolean[f0.length];
        for (int i = 0; i < f0.length; i++) v[i] = f0[i] > 0;
        return new PitchTrack(f0, v, HOP, RATE);
    }

    private static float[] melody(int frames, double base, double octaves) {
        float[] f = new float[frames];
        for (int i = 0; i < frames; i++) f[i] = (float) (base * Math.pow(2, octaves + 0.3 * Math.sin(i / 9.0)));
        return f;
    }

    @Test void identicalTracksCorrelatePerfectlyWithZeroCents() {
        PitchTrack t = track(melody(200, 150, 0));
        assertEquals(1.0, ContentMetrics.f0Correlation(t, t), 1e-12);
        assertEquals(0.0, ContentMetrics.centsError(t, t, 0), 1e-9);
    }

    @Test void anOctaveUpKeepsTheCorrelationAndIsZeroCentsAgainstTheShiftedInput() {
        PitchTrack in = track(melody(200, 150, 0)), up = track(melody(200, 150, 1));
        assertEquals(1.0, ContentMetrics.f0Correlation(in, up), 1e-9);
        assertEquals(0.0, ContentMetrics.centsError(in, up, 1), 1e-3);
        assertEquals(1200.0, ContentMetrics.centsError(in, up, 0), 1e-3);
    }

    @Test void octaveFlipsCountFramesHeardWholeOctavesOff() {
        PitchTrack in = track(melody(200, 150, 0));
        float[] out = melody(200, 150, 1);                                     // register shift k = 1
        for (int i = 0; i < 200; i += 4) out[i] *= 2;                         // every 4th frame an octave high
        for (int i = 2; i < 200; i += 20) out[i] *= (float) Math.pow(2, 0.5); // a tritone off is not a flip
        PitchTrack t = track(out);
        assertEquals(50 / 200.0, ContentMetrics.octaveFlips(in, t, 1), 1e-12);
        assertEquals(0.0, ContentMetrics.octaveFlips(in, track(melody(200, 150, 1)), 1), 1e-12);
        assertEquals(1.0, ContentMetrics.octaveFlips(in, track(melody(200, 150, 1)), 0), 1e-12, "k = 0 expected, heard an octave up");
        assertTrue(ContentMetrics.f0Correlation(in, t) < 0.8, "the flips are what spoils the correlation");
        assertTrue(Double.isNaN(ContentMetrics.octaveFlips(in, track(new float[200]), 1)));
    }

    @Test void aSemitoneOffIsAHundredCents() {
        float[] in = melody(100, 200, 0), out = new float[100];
        for (int i = 0; i < 100; i++) out[i] = (float) (in[i] * Math.pow(2, 1 / 12.0));
        assertEquals(100.0, ContentMetrics.centsError(track(in), track(out), 0), 1e-3);
    }

    @Test void onlyFramesVoicedInBothCount() {
        float[] in = melody(100, 200, 0), out = melody(100, 200, 0);
        for (int i = 0; i < 50; i++) out[i] = 0;                 // first half unvoiced in the output
        for (int i = 0; i < 50; i++) in[i] = 999;                 // would wreck the metrics if counted
        assertEquals(1.0, ContentMetrics.f0Correlation(track(in), track(out)), 1e-9);
        assertEquals(0.5, ContentMetrics.voicedOverlap(track(in), track(out)), 1e-12);
        assertTrue(Double.isNaN(ContentMetrics.f0Correlation(track(in), track(new float[100]))));
    }

    @Test void unrelatedContoursCorrelateNearZero() {
        Random r = new Random(3);
        float[] a = new float[2000], b = new float[2000];
        for (int i = 0; i < a.length; i++) { a[i] = 100 + 200 * r.nextFloat(); b[i] = 100 + 200 * r.nextFloat(); }
        assertEquals(0.0, ContentMetrics.f0Correlation(track(a), track(b)), 0.06);
    }

    @Test void differentFrameGridsAreRefused() {
        PitchTrack a = track(melody(10, 100, 0));
        PitchTrack b = new PitchTrack(a.f0Hz(), a.voiced(), 128, RATE);
        assertThrows(IllegalArgumentException.class, () -> ContentMetrics.f0Correlation(a, b));
    }

    @Test void loudnessCorrelationOfAudioAndItsGainedCopyIsOne() {
        float[] x = new float[RATE * 2];
        for (int i = 0; i < x.length; i++)
            x[i] = (float) (0.3 * (0.55 + 0.45 * Math.sin(2 * Math.PI * 1.5 * i / RATE)) * Math.sin(2 * Math.PI * 220 * i / RATE));
        float[] y = x.clone();
        for (int i = 0; i < y.length; i++) y[i] *= 0.25f;
        Loudness l = new Loudness(SpectrogramConfig.DEFAULT);
        float[] lx = l.aWeightedDb(new AudioClip(x, RATE)), ly = l.aWeightedDb(new AudioClip(y, RATE));
        assertEquals(1.0, ContentMetrics.loudnessCorrelation(lx, ly), 1e-6);
        float[] flipped = new float[lx.length];
        for (int i = 0; i < lx.length; i++) flipped[i] = -lx[i];
        assertEquals(-1.0, ContentMetrics.loudnessCorrelation(lx, flipped), 1e-6);
    }

    @Test void pitchTrackerAndMetricAgreeOnARealShiftedTone() {
        // an audio glide and the same glide an octave up: the end-to-end measurement the eval makes
        float[] a = new float[RATE * 2], b = new float[RATE * 2];
        double pa = 0, pb = 0;
        for (int i = 0; i < a.length; i++) {
            double f = 150 * Math.pow(2, 0.5 * Math.sin(2 * Math.PI * 0.7 * i / RATE));
            a[i] = (float) (0.4 * Math.sin(pa));
            b[i] = (float) (0.4 * Math.sin(pb));
            pa += 2 * Math.PI * f / RATE;
            pb += 2 * Math.PI * 2 * f / RATE;
        }
        Pitch p = new Pitch();
        PitchTrack ta = p.track(new AudioClip(a, RATE), HOP), tb = p.track(new AudioClip(b, RATE), HOP);
        assertTrue(ContentMetrics.f0Correlation(ta, tb) > 0.99);
        assertTrue(ContentMetrics.centsError(ta, tb, 1) < 20, "cents " + ContentMetrics.centsError(ta, tb, 1));
    }
}
