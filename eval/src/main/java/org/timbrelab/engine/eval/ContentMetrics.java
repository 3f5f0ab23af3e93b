package org.timbrelab.engine.eval;

import org.timbrelab.dsp.PitchTrack;

/**
 * How much of the input's content a conversion keeps (docs/ARCHITECTURE.md, "Evaluation"): melody (f0 contour
 * correlation, cents error against the register-shifted input) and dynamics (loudness envelope
 * correlation). Tracks are compared frame by frame over their common length, so both must be on
 * the same frame grid (same hop and sample rate). A value is NaN when it is undefined (fewer
 * than {@link #MIN_FRAMES} frames voiced in both, or a constant series).
 */
public final class ContentMetrics {

    /** Fewest common frames for a correlation to mean anything. */
    public static final int MIN_FRAMES = 3;

    private ContentMetrics() { }

    /**
     * Pearson correlation of log2 f0 over the frames voiced in both tracks. Octave-invariant:
     * a whole-octave shift adds a constant to log2 f0 and leaves the correlation unchanged.
     */
    public static double f0Correlation(PitchTrack input, PitchTrack output) {
        requireSameGrid(input, output);
        int n = Math.min(input.frames(), output.frames());
        double[] a = new double[n], b = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!input.voiced()[i] || !output.voiced()[i]) continue;
            a[m] = log2(input.f0Hz()[i]);
            b[m] = log2(output.f0Hz()[i]);
            m++;
        }
        return pearson(a, b, m);
    }

    /**
     * Mean absolute difference in cents between the output's f0 and the input's f0 × 2^k over
     * frames voiced in both, k the register shift applied to the input (octaves, 0 for none).
     */
    public static double centsError(PitchTrack input, PitchTrack output, int octaves) {
        requireSameGrid(input, output);
        int n = Math.min(input.frames(), output.frames());
        double sum = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!input.voiced()[i] || !output.voiced()[i]) continue;
            sum += Math.abs(1200 * (log2(output.f0Hz()[i]) - log2(input.f0Hz()[i]) - octaves));
            m++;
        }
        return m == 0 ? Double.NaN : sum / m;
    }

    /**
     * Fraction of the frames voiced in both whose output f0 is a whole number of octaves (≥ 1) away
     * from the input's f0 × 2^k, within a quarter octave: the pitch tracker heard the output an
     * octave off (a weak fundamental, or an overblown note). Such flips ruin the f0 correlation
     * of a clip whose melody is otherwise kept, so the report shows them apart. NaN without a
     * frame voiced in both.
     */
    public static double octaveFlips(PitchTrack input, PitchTrack output, int octaves) {
        requireSameGrid(input, output);
        int n = Math.min(input.frames(), output.frames()), both = 0, flips = 0;
        for (int i = 0; i < n; i++) {
            if (!input.voiced()[i] || !output.voiced()[i]) continue;
            both++;
            double d = log2(output.f0Hz()[i]) - log2(input.f0Hz()[i]) - octaves;
            long whole = Math.round(d);
            if (whole != 0 && Math.abs(d - whole) < 0.25) flips++;
        }
        return both == 0 ? Double.NaN : flips / (double) both;
    }

    /** Fraction of the input's voiced frames that are voiced in the output too (how many frames the f0 metrics saw). */
    public static double voicedOverlap(PitchTrack input, PitchTrack output) {
        int n = Math.min(input.frames(), output.frames()), in = 0, both = 0;
        for (int i = 0; i < n; i++) {
            if (!input.voiced()[i]) continue;
            in++;
            if (output.voiced()[i]) both++;
        }
        return in == 0 ? Double.NaN : both / (double) in;
    }

    /**
     * Pearson correlation of two loudness envelopes in dB ({@link org.timbrelab.dsp.Loudness}),
     * over all frames of their common length (silence at the floor counts: keeping a pause is
     * keeping content).
     */
    public static double loudnessCorrelation(float[] inputDb, float[] outputDb) {
        int n = Math.min(inputDb.length, outputDb.length);
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) { a[i] = inputDb[i]; b[i] = outputDb[i]; }
        return pearson(a, b, n);
    }

    /** Pearson correlation of the first {@code n} entries; NaN if n &lt; MIN_FRAMES or either is constant. */
    public static double pearson(double[] a, double[] b, int n) {
        if (n < MIN_FRAMES) return Double.NaN;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) return Double.NaN;
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }

    private static double log2(double x) { return Math.log(x) / Math.log(2); }

    private static void requireSameGrid(PitchTrack a, PitchTrack b) {
        if (a.hopLength() != b.hopLength() || a.sampleRate() != b.sampleRate())
            throw new IllegalArgumentException("pitch tracks on different frame grids (hop " + a.hopLength() + " @ " + a.sampleRate()
                    + " Hz vs hop " + b.hopLength() + " @ " + b.sampleRate() + " Hz); track both with the same SpectrogramConfig");
    }
}
