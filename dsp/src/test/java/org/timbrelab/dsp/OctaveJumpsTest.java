package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OctaveJumpsTest {
    private static final int SR = 16000, HOP = 256;           // 16 ms frames: ±0.2 s = ±12 frames

    private static PitchTrack track(float[] f0) {
        boolean[] v = new boolean[f0.length];
        for (int i = 0; i < f0.length; i++) v[i] = f0[i] > 0;
        return new PitchTrack(f0, v, HOP, SR);
    }

    @Test void anOnsetHeardAnOctaveLowIsMovedOntoTheNote() {
        float[] f0 = new float[60];
        for (int i = 10; i < 60; i++) f0[i] = 440;             // silence, then a note …
        f0[10] = f0[11] = f0[12] = 220;                        // … whose first three frames YIN heard an octave low
        f0[30] = 882;                                          // and one frame an octave high, 14 cents sharp
        PitchTrack r = OctaveJumps.repair(track(f0));
        for (int i = 10; i < 60; i++) assertEquals(i == 30 ? 441 : 440, r.f0Hz()[i], 0.01, "frame " + i);
        assertArrayEquals(track(f0).voiced(), r.voiced(), "voicing is unchanged");
        assertEquals(220, f0[10], "the input track is not modified");
    }

    @Test void aRealLeapAndSmallStepsAreLeftAlone() {
        float[] f0 = new float[80];
        for (int i = 0; i < 80; i++) f0[i] = i < 40 ? 300 : 600;   // an octave leap held 0.64 s
        for (int i = 0; i < 80; i += 7) f0[i] *= 1.3f;              // steps of a fourth are not octave errors
        PitchTrack r = OctaveJumps.repair(track(f0));
        assertArrayEquals(f0, r.f0Hz());
    }

    /** Real audio with a known answer: a 440-Hz note whose first 48 ms carry only a 220-Hz tone (a sub-octave attack). */
    @Test void repairsYinOnAToneWithASubOctaveAttack() {
        float[] x = new float[SR];
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) SR;
            x[i] = (float) (t < 0.25 ? 0 : t < 0.298 ? 0.3 * Math.sin(2 * Math.PI * 220 * t) : 0.3 * Math.sin(2 * Math.PI * 440 * t));
        }
        PitchTrack raw = new Pitch().track(new AudioClip(x, SR), HOP);
        PitchTrack fixed = OctaveJumps.repair(raw);
        int low = 0, lowAfter = 0, voiced = 0;
        for (int i = 0; i < raw.frames(); i++) {
            if (!raw.voiced()[i]) continue;
            voiced++;
            if (raw.f0Hz()[i] < 300) low++;
            if (fixed.f0Hz()[i] < 300) lowAfter++;
            if (fixed.f0Hz()[i] >= 300) assertEquals(440, fixed.f0Hz()[i], 9, "frame " + i);
        }
        assertTrue(low >= 2, "YIN hears the attack at 220 Hz: " + low + " frames");
        assertEquals(0, lowAfter, "after the repair every voiced frame is at the note");
        assertTrue(voiced > 40);
    }
}
