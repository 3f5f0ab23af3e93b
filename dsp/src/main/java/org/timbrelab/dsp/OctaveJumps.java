package org.timbrelab.dsp;

import java.util.Arrays;

/**
 * Repairs brief octave errors of a pitch track: a voiced frame whose f0 lies a whole number of octaves (within a
 * quarter octave) from the median of the voiced frames around it is moved by those octaves onto it. YIN reports a
 * flute's attack an octave low for a few frames (measured: a soundfont flute following a speech melody, every onset);
 * those frames alone can take a clip's log-f0 correlation from 0.99 to 0.4. A real octave leap held longer than
 * the half-window carries the median with it and is left alone.
 */
public final class OctaveJumps {
    /** ±0.2 s: a jump must outlast this to count as a leap; errors at a note's onset only have context on one side. */
    public static final double DEFAULT_HALF_WINDOW_SECONDS = 0.2;

    private OctaveJumps() { }

    public static PitchTrack repair(PitchTrack track) { return repair(track, DEFAULT_HALF_WINDOW_SECONDS); }

    /** A copy of {@code track} with brief whole-octave errors repaired; voicing is unchanged. */
    public static PitchTrack repair(PitchTrack track, double halfWindowSeconds) {
        if (!(halfWindowSeconds > 0)) throw new IllegalArgumentException("halfWindowSeconds must be > 0, got " + halfWindowSeconds);
        int half = Math.max(1, (int) Math.round(halfWindowSeconds * track.sampleRate() / track.hopLength()));
        int n = track.frames();
        float[] f0 = track.f0Hz();
        boolean[] voiced = track.voiced();
        float[] out = f0.clone();
        double[] octave = new double[n];                    // log2 f0, once per frame
        for (int i = 0; i < n; i++) if (voiced[i]) octave[i] = Math.log(f0[i]) / Math.log(2);
        double[] around = new double[2 * half + 1];
        for (int i = 0; i < n; i++) {
            if (!voiced[i]) continue;
            int m = 0;
            for (int j = Math.max(0, i - half); j <= Math.min(n - 1, i + half); j++)
                if (voiced[j]) around[m++] = octave[j];
            Arrays.sort(around, 0, m);
            double median = m % 2 == 1 ? around[m / 2] : 0.5 * (around[m / 2 - 1] + around[m / 2]);
            double d = octave[i] - median;
            long whole = Math.round(d);
            if (whole != 0 && Math.abs(d - whole) < 0.25) out[i] = (float) (f0[i] / Math.pow(2, whole));
        }
        return new PitchTrack(out, voiced.clone(), track.hopLength(), track.sampleRate());
    }
}
