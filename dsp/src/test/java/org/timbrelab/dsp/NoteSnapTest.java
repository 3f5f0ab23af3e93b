package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;

import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteSnapTest {
    private static float hz(double semitonesFromA4) { return (float) (440 * Math.pow(2, semitonesFromA4 / 12)); }

    private static double semis(float f) { return 12 * Math.log(f / 440.0) / Math.log(2); }

    @Test void vibratoAroundA4IsHeldOnA4() {
        float[] f0 = new float[96];                           // eight whole periods: the offsets average to 0
        for (int t = 0; t < f0.length; t++) f0[t] = hz(0.3 * Math.sin(2 * Math.PI * t / 12.0));   // ±30 cents, 5 Hz
        float[] out = NoteSnap.snap(f0, 1);
        for (int t = 0; t < out.length; t++) assertEquals(440, out[t], 0.05, "frame " + t);
    }

    @Test void aFlatSingersMelodyKeepsItsNotesAndItsTuning() {
        // A4, B4, C#5, B4 (0, 2, 4, 2 semitones), 20 frames each, sung 30 cents flat with ±20-cent vibrato
        int[] melody = {0, 2, 4, 2};
        float[] f0 = new float[80];
        for (int t = 0; t < f0.length; t++) f0[t] = hz(melody[t / 20] - 0.3 + 0.2 * Math.sin(2 * Math.PI * t / 10.0));
        float[] out = NoteSnap.snap(f0, 1);
        for (int t = 0; t < out.length; t++) {
            int note = melody[t / 20];
            // the note changes when the smoothed pitch has crossed: at most two frames late
            boolean settled = t < 20 || t % 20 >= 2;
            if (settled) assertEquals(note - 0.3, semis(out[t]), 0.01, "frame " + t);
            else assertTrue(Math.abs(semis(out[t]) - (note - 0.3)) < 0.01 || Math.abs(semis(out[t]) - (melody[t / 20 - 1] - 0.3)) < 0.01,
                    "frame " + t + " is on this note or the last one: " + semis(out[t]));
        }
    }

    @Test void aHeldNoteIsNotLeftForAWobbleButIsLeftForTheNextNote() {
        float[] f0 = new float[60];
        for (int t = 0; t < 20; t++) f0[t] = hz(0);
        for (int t = 20; t < 40; t++) f0[t] = hz(0.6);     // 60 cents up: not yet the next note (hold 0.75)
        for (int t = 40; t < 60; t++) f0[t] = hz(1.05);    // now it is
        f0[5] = hz(0.05); f0[25] = hz(0.62);              // break the symmetric offsets so the tuning stays near 0
        float[] out = NoteSnap.snap(f0, 1);
        TreeSet<Long> notes = new TreeSet<>();
        for (int t = 0; t < 40; t++) notes.add(Math.round(semis(out[t])));
        assertEquals(1, notes.size(), "one note held for the first 40 frames: " + notes);
        assertEquals(Math.round(semis(out[0])) + 1, Math.round(semis(out[50])), "the next semitone after the step");
    }

    @Test void unvoicedFramesStayAndHalfAnAmountGoesHalfWay() {
        float[] f0 = {0, hz(0.2), hz(0.2), hz(0.2), 0, Float.NaN, hz(3.2), hz(3.2), hz(3.2), -1};
        float[] half = NoteSnap.snap(f0, 0.5), none = NoteSnap.snap(f0, 0);
        assertArrayEquals(f0, none, "amount 0 changes nothing");
        assertEquals(0, half[0]);
        assertEquals(0, half[4]);
        assertTrue(Float.isNaN(half[5]));
        assertEquals(-1, half[9]);
        // every voiced frame is 0.2 above a semitone of A440, so the scale is tuned 0.2 up and every frame is on its note
        for (int t : new int[] {1, 2, 3, 6, 7, 8}) assertEquals(f0[t], half[t], 0.01, "frame " + t);
    }

    @Test void halfAnAmountMovesHalfTheDistanceToTheNote() {
        float[] f0 = new float[40];
        for (int t = 0; t < 20; t++) f0[t] = hz(0);
        for (int t = 20; t < 40; t++) f0[t] = hz(0.4);     // tuning: mean offset 0.2; notes at 0.2, frames 0.2 away either side
        float[] out = NoteSnap.snap(f0, 0.5);
        double tuning = NoteSnap.tuning(f0, java.util.stream.IntStream.range(0, 40).mapToDouble(t -> semis(f0[t])).toArray());
        assertEquals(0.2, tuning, 1e-4);
        assertEquals(0.1, semis(out[5]), 1e-3);
        assertEquals(0.3, semis(out[30]), 1e-3);
    }

    @Test void anAmountOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NoteSnap.snap(new float[] {440}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> NoteSnap.snap(new float[] {440}, Double.NaN));
    }
}
