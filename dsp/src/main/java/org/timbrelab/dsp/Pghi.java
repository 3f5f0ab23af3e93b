package org.timbrelab.dsp;

/**
 * Phase-gradient heap integration (Průša, Balazs & Søndergaard, "A noninterative method for
 * reconstruction of phase from STFT magnitude", IEEE/ACM TASLP 25(5), 2017 — the method tifresi
 * uses): estimates the phase's time and frequency derivatives from the log-magnitude, assuming a
 * Gaussian window of the same time-frequency spread as the Hann window (λ = 0.25645·winLength²,
 * g(t) = exp(−π t²/λ)), then integrates them outward from the largest coefficients, always
 * continuing from the largest coefficient reached so far (tifresi: a max-heap; here a bucket
 * queue on the log-magnitude with 0.01-neper buckets, which is O(1) per step).
 * <p>
 * With s = ln|X|, hop a, FFT size M, frame n, bin m, and this package's phase convention (phase
 * relative to each frame's first sample, window centre at M/2):
 * <pre>
 *   phase step to the next frame:  Δt φ = a·M/λ · ∂s/∂m + 2π·a·m/M
 *   phase step to the next bin:    Δf φ = −λ/(a·M) · ∂s/∂n + π
 * </pre>
 * (centred differences; a step between two coefficients uses the mean of their gradients).
 * Coefficients below {@code tolerance} × the largest get a random phase and are not integrated.
 * <p>
 * Layouts: magnitude frame-major (frames × bins), phase output frame-major in radians (doubles:
 * integrated phases grow large), complex output interleaved as in {@link ComplexSpectrogram}.
 * Working arrays are allocated once per call.
 */
public final class Pghi {

    /** Gaussian equivalent of a Hann window of length L: λ = 0.25645·L² (Průša et al.). */
    public static final double HANN_LAMBDA_FACTOR = 0.25645;
    public static final double DEFAULT_TOLERANCE = 1e-5;     // −100 dB: the spectrogram's floor
    private static final float STEPS_PER_NEPER = 100f;

    private final Stft stft;
    private final double lambda, tolerance;

    public Pghi(Stft stft, double tolerance) {
        this.stft = stft;
        this.lambda = HANN_LAMBDA_FACTOR * stft.winLength() * (double) stft.winLength();
        this.tolerance = tolerance;
    }

    public Pghi(Stft stft) { this(stft, DEFAULT_TOLERANCE); }

    /** Complex STFT (interleaved, frame-major) with the given magnitudes and PGHI phase. */
    public float[] reconstruct(float[] mag, int frames) {
        int n = frames * stft.bins();
        double[] phase = new double[n];
        phase(mag, frames, phase);
        float[] c = new float[2 * n];
        for (int i = 0; i < n; i++) {
            c[2 * i] = mag[i] * FastTrig.cos(phase[i]);
            c[2 * i + 1] = mag[i] * FastTrig.sin(phase[i]);
        }
        return c;
    }

    /** Fills {@code phase} (frames × bins, radians) from the magnitudes {@code mag}. */
    public void phase(float[] mag, int frames, double[] phase) {
        int bins = stft.bins(), n = frames * bins, a = stft.hop(), fft = stft.nFft();
        float max = 0;
        for (int i = 0; i < n; i++) max = Math.max(max, mag[i]);
        if (max <= 0) { java.util.Arrays.fill(phase, 0, n, 0); return; }

        float[] s = new float[n];
        float logFloor = (float) Math.log(max * 1e-12);
        for (int i = 0; i < n; i++) s[i] = mag[i] > 0 ? Math.max(logFloor, (float) Math.log(mag[i])) : logFloor;

        // gradients, already scaled to "phase change per step"
        float[] tStep = new float[n], fStep = new float[n];
        double tScale = a * (double) fft / lambda, fScale = -lambda / ((double) a * fft);
        double binAdvance = 2 * Math.PI * a / fft;
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            for (int m = 0; m < bins; m++) {
                float dm = m == 0 ? s[o + 1] - s[o] : m == bins - 1 ? s[o + m] - s[o + m - 1] : 0.5f * (s[o + m + 1] - s[o + m - 1]);
                float dn = frames == 1 ? 0 : t == 0 ? s[o + bins + m] - s[o + m]
                        : t == frames - 1 ? s[o + m] - s[o - bins + m] : 0.5f * (s[o + bins + m] - s[o - bins + m]);
                tStep[o + m] = (float) (tScale * dm + binAdvance * m);
                fStep[o + m] = (float) (fScale * dn + Math.PI);
            }
        }

        // Integration order: a bucket queue on ln|X| in steps of 1/STEPS_PER_NEPER (≈ 0.09 dB) stands in
        // for tifresi's exact max-heap: O(1) push/pop, same order up to ties within a bucket.
        float threshold = (float) (max * tolerance);
        float sMax = (float) Math.log(max);
        int buckets = (int) Math.ceil(-Math.log(tolerance) * STEPS_PER_NEPER) + 2;
        int[] head = new int[buckets], next = new int[n], bucketOf = new int[n];
        java.util.Arrays.fill(head, -1);
        boolean[] pending = new boolean[n];
        // seeds: every coefficient above the threshold, in descending bucket order (counting sort)
        int[] start = new int[buckets + 1];
        int live = 0;
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < n; i++) {
            if (mag[i] >= threshold && mag[i] > 0) {
                pending[i] = true;
                live++;
                int b = Math.min(buckets - 1, Math.max(0, (int) ((sMax - s[i]) * STEPS_PER_NEPER)));
                bucketOf[i] = b;
                start[b + 1]++;
                phase[i] = 0;
            } else {                                          // not integrated: random phase
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                phase[i] = 2 * Math.PI * ((seed >>> 11) * 0x1.0p-53);
            }
        }
        for (int b = 0; b < buckets; b++) start[b + 1] += start[b];
        int[] order = new int[live], fill = start.clone();
        for (int i = 0; i < n; i++) if (pending[i]) order[fill[bucketOf[i]]++] = i;

        for (int seedIndex : order) {
            if (!pending[seedIndex]) continue;
            pending[seedIndex] = false;                        // a new island starts at phase 0
            int top = bucketOf[seedIndex];
            next[seedIndex] = head[top];
            head[top] = seedIndex;
            while (true) {
                while (top < buckets && head[top] < 0) top++;  // largest non-empty bucket (index 0 = loudest)
                if (top == buckets) break;
                int i = head[top];
                head[top] = next[i];
                int t = i / bins, m = i - t * bins;
                double p = phase[i];
                int nb;
                if (m + 1 < bins && pending[nb = i + 1]) {
                    phase[nb] = p + 0.5 * (fStep[i] + fStep[nb]);
                    top = push(nb, pending, bucketOf, head, next, top);
                }
                if (m > 0 && pending[nb = i - 1]) {
                    phase[nb] = p - 0.5 * (fStep[i] + fStep[nb]);
                    top = push(nb, pending, bucketOf, head, next, top);
                }
                if (t + 1 < frames && pending[nb = i + bins]) {
                    phase[nb] = p + 0.5 * (tStep[i] + tStep[nb]);
                    top = push(nb, pending, bucketOf, head, next, top);
                }
                if (t > 0 && pending[nb = i - bins]) {
                    phase[nb] = p - 0.5 * (tStep[i] + tStep[nb]);
                    top = push(nb, pending, bucketOf, head, next, top);
                }
            }
        }
    }

    /** Marks {@code i} reached and queues it; returns the new top bucket. */
    private static int push(int i, boolean[] pending, int[] bucketOf, int[] head, int[] next, int top) {
        pending[i] = false;
        int b = bucketOf[i];
        next[i] = head[b];
        head[b] = i;
        return Math.min(top, b);
    }
}
