package org.timbrelab.dsp;

import java.util.Arrays;

/**
 * Pitch held on notes, as a player fingers them: each voiced run of an f0 track is moved toward the nearest note of an
 * equal-tempered scale, and a note is held until the (median-smoothed) pitch has clearly left it. Speech glides through
 * its syllables; an instrument steps from note to note. The scale is tuned to the track itself (the circular mean of its
 * frames' offsets from A440's semitones), so a singer who is a quarter tone flat throughout keeps their notes instead of
 * landing between two.
 */
public final class NoteSnap {
    /** Beyond half a semitone, how far the pitch must leave a held note before the next note takes over. */
    public static final double HOLD_SEMITONES = 0.25;
    /** Frames of the running median that decides the note (±2 frames: ~32 ms at a 256-sample hop, 16 kHz). */
    public static final int MEDIAN_FRAMES = 5;

    private NoteSnap() { }

    /**
     * The track with its voiced frames moved {@code amount} of the way to their notes (0 = as it is, 1 = on the note;
     * ≤ 0 or non-finite f0 = unvoiced, kept).
     */
    public static float[] snap(float[] f0Hz, double amount) {
        if (!(amount >= 0 && amount <= 1)) throw new IllegalArgumentException("note snap amount must be in 0..1, got " + amount);
        float[] out = f0Hz.clone();
        if (amount == 0) return out;
        double[] semis = new double[f0Hz.length];
        for (int t = 0; t < f0Hz.length; t++) if (voiced(f0Hz[t])) semis[t] = 12 * Math.log(f0Hz[t] / 440.0) / Math.log(2);
        double tuning = tuning(f0Hz, semis);
        for (int start = 0; start < f0Hz.length; ) {
            if (!voiced(f0Hz[start])) { start++; continue; }
            int end = start;
            while (end < f0Hz.length && voiced(f0Hz[end])) end++;
            snapRun(semis, start, end, tuning, amount, out);
            start = end;
        }
        return out;
    }

    /** The scale's offset from A440's semitones, in −0.5…0.5: the circular mean of the voiced frames' fractional parts. */
    static double tuning(float[] f0Hz, double[] semis) {
        double c = 0, s = 0;
        for (int t = 0; t < f0Hz.length; t++) {
            if (!voiced(f0Hz[t])) continue;
            c += Math.cos(2 * Math.PI * semis[t]);
            s += Math.sin(2 * Math.PI * semis[t]);
        }
        return c == 0 && s == 0 ? 0 : Math.atan2(s, c) / (2 * Math.PI);
    }

    private static void snapRun(double[] semis, int start, int end, double tuning, double amount, float[] out) {
        double[] window = new double[MEDIAN_FRAMES];
        int half = MEDIAN_FRAMES / 2;
        double note = Double.NaN;
        for (int t = start; t < end; t++) {
            int n = 0;
            for (int j = Math.max(start, t - half); j <= Math.min(end - 1, t + half); j++) window[n++] = semis[j] - tuning;
            Arrays.sort(window, 0, n);
            double smooth = n % 2 == 1 ? window[n / 2] : 0.5 * (window[n / 2 - 1] + window[n / 2]);
            if (Double.isNaN(note) || Math.abs(smooth - note) > 0.5 + HOLD_SEMITONES) note = Math.rint(smooth);
            double target = note + tuning, moved = semis[t] + amount * (target - semis[t]);
            out[t] = (float) (440.0 * Math.pow(2, moved / 12));
        }
    }

    private static boolean voiced(float f0) { return f0 > 0 && Float.isFinite(f0); }
}
