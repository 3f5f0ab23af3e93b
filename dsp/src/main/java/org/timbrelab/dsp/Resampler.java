package org.timbrelab.dsp;

/**
 * Band-limited sample-rate conversion by a rational factor L/M (polyphase windowed sinc).
 * <p>
 * The ideal low-pass filter (cut-off {@link #CUTOFF} of the lower Nyquist frequency) is
 * windowed by a Kaiser window (β = {@link #KAISER_BETA}, ≈ 90 dB stop-band) spanning
 * {@link #ZERO_CROSSINGS} zero crossings on each side. Output sample n sits at input time
 * t = n·M/L; its taps come from the filter's phase (n·M mod L), precomputed once as
 * {@code table[phase * taps + k]} (phase-major). Rates whose reduced L exceeds {@link #MAX_PHASES}
 * (unusual rates) use a table sampled 4096 times per input sample with linear interpolation instead.
 * Samples beyond the ends count as zero.
 */
public final class Resampler {

    static final int ZERO_CROSSINGS = 24;
    static final double KAISER_BETA = 9.0;
    static final double CUTOFF = 0.92;
    static final int MAX_PHASES = 4096;
    private static final int DENSE = 4096;

    private final int inRate, outRate, up, down, taps;
    private final double scale;      // filter cut-off as a fraction of the input Nyquist rate
    private final float[] table;     // phase-major polyphase table, or the dense half-filter
    private final boolean dense;

    public Resampler(int inRate, int outRate) {
        if (inRate <= 0 || outRate <= 0) throw new IllegalArgumentException("rates must be positive: " + inRate + " -> " + outRate);
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        up = outRate / g;
        down = inRate / g;
        scale = CUTOFF * Math.min(1.0, outRate / (double) inRate);
        // half-width of the filter in input samples: ZERO_CROSSINGS zero crossings of sinc(scale·t)
        double halfWidth = ZERO_CROSSINGS / scale;
        taps = 2 * (int) Math.ceil(halfWidth) + 1;
        dense = up > MAX_PHASES;
        table = dense ? denseTable(halfWidth) : polyphaseTable(halfWidth);
    }

    /** Convenience: resample a clip to {@code outRate} (returns the clip itself if the rate matches). */
    public static AudioClip resample(AudioClip clip, int outRate) {
        if (clip.sampleRate() == outRate) return clip;
        return new AudioClip(new Resampler(clip.sampleRate(), outRate).process(clip.samples()), outRate);
    }

    /** Number of output samples for {@code n} input samples: ceil(n·L/M). */
    public int outputLength(int n) { return (int) outputLength((long) n); }

    /** As {@link #outputLength(int)} for long signals. */
    public long outputLength(long n) { return (n * up + down - 1) / down; }

    /** Resamples a whole signal (first output sample aligned with the first input sample). */
    public float[] process(float[] in) {
        return processRange(in, 0, in.length, 0, outputLength(in.length));
    }

    /**
     * Output samples {@code [from, to)} of the resampled signal, computed from a slice of its input: {@code in} holds
     * input samples {@code [offset, offset + in.length)} of a signal {@code total} samples long. The result equals the
     * same range of {@link #process} on the whole signal whenever the slice covers {@link #inputRange} of the range,
     * so a long file resamples block by block in bounded memory, without seams.
     */
    public float[] processRange(float[] in, long offset, long total, long from, long to) {
        int half = taps / 2;
        float[] out = new float[(int) (to - from)];
        for (long j = from; j < to; j++) {
            long num = j * down;                  // input time = num / up
            long centre = num / up;
            int phase = (int) (num - centre * up);
            long first = centre - half;           // absolute input index of tap 0
            long lo = Math.max(Math.max(first, 0), offset), hi = Math.min(Math.min(first + taps, total), offset + in.length);
            double acc = 0;
            if (!dense) {
                int base = phase * taps;
                for (long i = lo; i < hi; i++) acc += table[base + (int) (i - first)] * in[(int) (i - offset)];
            } else {
                double frac = phase / (double) up;
                for (long i = lo; i < hi; i++) acc += denseTap((i - first - half) - frac) * in[(int) (i - offset)];
            }
            out[(int) (j - from)] = (float) acc;
        }
        return out;
    }

    /** The input samples {@code [start, end)} that output samples {@code [from, to)} draw on (clipped to the signal). */
    public long[] inputRange(long from, long to, long total) {
        int half = taps / 2;
        long first = from * down / up - half, last = (to - 1) * down / up - half + taps;
        return new long[]{Math.max(0, first), Math.min(total, last)};
    }

    private float[] polyphaseTable(double halfWidth) {
        int half = taps / 2;
        float[] t = new float[up * taps];
        for (int p = 0; p < up; p++) {
            double frac = p / (double) up;
            for (int k = 0; k < taps; k++) t[p * taps + k] = (float) kernel((k - half) - frac, halfWidth);
        }
        return t;
    }

    private float[] denseTable(double halfWidth) {
        int len = (int) Math.ceil(halfWidth * DENSE) + 2;
        float[] t = new float[len];
        for (int i = 0; i < len; i++) t[i] = (float) kernel(i / (double) DENSE, halfWidth);
        return t;
    }

    private double denseTap(double x) {
        double pos = Math.abs(x) * DENSE;
        int i = (int) pos;
        if (i + 1 >= table.length) return 0;
        double f = pos - i;
        return table[i] + f * (table[i + 1] - table[i]);
    }

    /** Windowed-sinc value at offset x input samples from the output instant. */
    private double kernel(double x, double halfWidth) {
        if (Math.abs(x) >= halfWidth) return 0;
        double s = scale * sinc(scale * x);
        double r = x / halfWidth;
        return s * bessel0(KAISER_BETA * Math.sqrt(1 - r * r)) / bessel0(KAISER_BETA);
    }

    private static double sinc(double x) {
        if (x == 0) return 1;
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double bessel0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }

    private static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

    public int inRate() { return inRate; }

    public int outRate() { return outRate; }
}
