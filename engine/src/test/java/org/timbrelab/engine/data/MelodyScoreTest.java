package org.timbrelab.engine.data;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.PitchTrack;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MelodyScoreTest {
    static final int RATE = 16_000, HOP = 256;
    static final double FRAME = HOP / (double) RATE;
    static final Instrument VIOLIN = InstrumentTable.loadDefault().get("violin"); // phrases G3-E6, middle ≈ 595 Hz
    static SoundfontRenderer renderer;

    @BeforeAll static void open() {
        renderer = SoundfontRenderer.open(Soundfont.builtin().load(), Soundfont.builtin(), VIOLIN, AudioClip.MODEL_RATE);
    }

    @AfterAll static void close() { renderer.close(); }

    /** A pitch track: f0 per frame from {@code hz} (0 = unvoiced). */
    static PitchTrack track(double[] hz) {
        float[] f = new float[hz.length];
        boolean[] v = new boolean[hz.length];
        for (int t = 0; t < hz.length; t++) { f[t] = (float) hz[t]; v[t] = hz[t] > 0; }
        return new PitchTrack(f, v, HOP, RATE);
    }

    static float[] level(int frames, double db) {
        float[] l = new float[frames];
        Arrays.fill(l, (float) db);
        return l;
    }

    @Test void theInstrumentPlaysTheMelodyAnOctaveUpInItsRegister() {
        // 1 s at 300 Hz, then a 1-s glide up a fifth to 450 Hz: the violin's register is an octave above.
        int n = 2 * (int) Math.round(1 / FRAME) + 10;
        double[] hz = new double[n];
        int half = (n - 10) / 2;
        for (int t = 5; t < n - 5; t++) hz[t] = t < 5 + half ? 300 : 300 * Math.pow(1.5, (t - 5 - half) / (double) (half - 1));
        MelodyScore.Melody m = MelodyScore.follow(track(hz), level(n, -20), VIOLIN.phrases());
        assertEquals(1, m.octaves());
        assertEquals(1, m.notes().size(), "one voiced stretch, one note");

        float[] x = renderer.render(m.score()).samples();
        int steady = (int) ((5 + half / 2) * HOP);
        assertEquals(600, Signals.f0(x, steady, 4096, RATE, 100, 2000), 600 * 0.01, "steady part: 300 Hz an octave up");
        int glideMid = (int) ((5 + half + half / 2) * HOP);
        double expected = 2 * 300 * Math.pow(1.5, (half / 2) / (double) (half - 1));
        assertEquals(expected, Signals.f0(x, glideMid - 1024, 2048, RATE, 100, 2000), expected * 0.02, "middle of the glide");
    }

    @Test void shortGapsAreBridgedLongGapsSplitNotesAndBlipsAreDropped() {
        double[] hz = new double[200];
        for (int t = 10; t < 60; t++) hz[t] = 220;
        for (int t = 63; t < 100; t++) hz[t] = 247; // 3-frame gap (48 ms): bridged
        for (int t = 130; t < 170; t++) hz[t] = 196; // 30-frame gap: a new note
        hz[190] = 500; hz[191] = 500;                 // 32 ms blip: dropped
        MelodyScore.Melody m = MelodyScore.follow(track(hz), level(200, -30), VIOLIN.phrases());
        assertEquals(2, m.notes().size(), m.notes().toString());
        assertEquals(10, m.notes().get(0).startFrame());
        assertEquals(100, m.notes().get(0).endFrame());
        assertEquals(130, m.notes().get(1).startFrame());
        // A note's base pitch is the median of its frames an octave up: mostly 220 Hz, so A4 (69); the second G4 (67).
        assertEquals(69, m.notes().get(0).pitch());
        assertEquals(67, m.notes().get(1).pitch());
    }

    @Test void expressionFollowsTheLevel() {
        int n = 2 * (int) Math.round(1 / FRAME);
        double[] hz = new double[n];
        Arrays.fill(hz, 440);
        float[] lv = level(n, -10);
        for (int t = n / 2; t < n; t++) lv[t] = -30; // 20 dB quieter in the second second
        float[] x = renderer.render(MelodyScore.follow(track(hz), lv, VIOLIN.phrases()).score()).samples();
        double loud = Signals.rms(x, (int) (0.4 * RATE), (int) (0.9 * RATE));
        double quiet = Signals.rms(x, (int) (1.4 * RATE), (int) (1.9 * RATE));
        assertEquals(-20, Signals.db(quiet / loud), 4, "the level drop is played");
    }

    @Test void anUnvoicedRecordingHasNoNotes() {
        MelodyScore.Melody m = MelodyScore.follow(track(new double[50]), level(50, -40), VIOLIN.phrases());
        assertTrue(m.notes().isEmpty());
        assertEquals(0, m.octaves());
    }
}
