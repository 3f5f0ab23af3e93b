package org.timbrelab.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

import java.util.Arrays;

/**
 * YIN fundamental-frequency tracker (de Cheveigné &amp; Kawahara, JASA 2002): difference function,
 * cumulative mean normalised difference (CMND), absolute threshold, parabolic interpolation.
 *
 * <p>Frames follow the centred STFT grid: frame {@code i} is centred at sample {@code i * hop},
 * {@code 1 + n / hop} frames for {@code n} samples (the count of a centred STFT), so a
 * {@link PitchTrack} lines up with the {@link Spectrogram} of the same clip. Audio beyond the
 * clip's ends is taken as silence.
 *
 * <p>The difference d(τ) = Σ_{j&lt;W} (x_j − x_{j+τ})² is computed as E(0) + E(τ) − 2·r(τ) with the
 * window energies E from a prefix sum of squares and the cross-correlation r from one FFT
 * product per frame, O(N log N) instead of O(W·τmax). Frames are tracked in parallel spans
 * ({@link FrameSpans}), each with its own buffers; instances are immutable and thread-safe.
 */
public final class Pitch {

    /** Largest f0 change between neighbouring frames (16 ms apart) that hysteresis voicing treats as one pitch. */
    public static final double MAX_GLIDE_SEMITONES = 2;

    private final PitchConfig config;

    public Pitch(PitchConfig config) { this.config = config; }

    public Pitch() { this(PitchConfig.DEFAULT); }

    public PitchConfig config() { return config; }

    /** Tracks f0 on the frame grid of {@code spec} (its hop); the clip must be at its sample rate. */
    public PitchTrack track(AudioClip clip, SpectrogramConfig spec) {
        if (clip.sampleRate() != spec.sampleRate())
            throw new IllegalArgumentException("clip is at " + clip.sampleRate() + " Hz but the spectrogram config expects "
                    + spec.sampleRate() + " Hz; resample the clip first (AudioFiles.loadMono does)");
        return track(clip, spec.hopLength());
    }

    /** Tracks f0 with frames every {@code hopLength} samples, frame i centred at sample i·hop. */
    public PitchTrack track(AudioClip clip, int hopLength) {
        if (hopLength <= 0) throw new IllegalArgumentException("hopLength must be > 0, got " + hopLength);
        int sr = clip.sampleRate();
        int tauMin = Math.max(2, (int) Math.floor(sr / config.fMaxHz()));
        int tauMax = (int) Math.ceil(sr / config.fMinHz());
        int window = Math.max((int) Math.round(config.windowSeconds() * sr), tauMax);
        if (tauMin >= tauMax)
            throw new IllegalArgumentException("f0 range " + config.fMinHz() + "–" + config.fMaxHz()
                    + " Hz leaves no lag range at " + sr + " Hz; widen the range");
        int span = window + tauMax + 2;            // lags up to tauMax + 1 for the interpolation
        int fftSize = Integer.highestOneBit(span - 1) << 1;

        float[] samples = clip.samples();
        int n = samples.length;
        int frames = 1 + n / hopLength;
        int half = span / 2;
        // padded[k] = sample k - half; zeros outside the clip; prefix sums of squares for E(τ)
        double[] padded = new double[frames * hopLength + span];
        for (int k = 0; k < n; k++) padded[k + half] = samples[k];
        double[] energy = new double[padded.length + 1];
        for (int k = 0; k < padded.length; k++) energy[k + 1] = energy[k] + padded[k] * padded[k];

        double silence = Math.pow(10, config.silenceDb() / 10);
        float[] f0 = new float[frames];
        boolean[] voiced = new boolean[frames];
        float[] weakF0 = config.hysteresis() ? new float[frames] : null; // a frame's f0 at the loose threshold, 0 if none
        // frames are independent: split them over the cores, each span with its own FFT and buffers
        FrameSpans.forEach(frames, (from, to) -> {
            DoubleFFT_1D fft = new DoubleFFT_1D(fftSize);
            double[] a = new double[fftSize];
            double[] b = new double[fftSize];
            double[] cmnd = new double[tauMax + 2];
            for (int i = from; i < to; i++) {
                int start = i * hopLength;             // padded index of the span's first sample
                double meanSquare = (energy[start + span] - energy[start]) / span;
                if (meanSquare < silence) continue;
                crossCorrelate(padded, start, window, span, a, b, fft);
                cumulativeMeanNormalisedDifference(a, energy, start, window, cmnd);
                int tau = firstDipBelow(config.threshold(), cmnd, tauMin, tauMax);
                if (tau >= 0) {
                    voiced[i] = true;
                    f0[i] = (float) (sr / (tau + parabolicOffset(cmnd, tau)));
                } else if (weakF0 != null) {
                    int weak = firstDipBelow(config.weakThreshold(), cmnd, tauMin, tauMax);
                    if (weak >= 0) weakF0[i] = (float) (sr / (weak + parabolicOffset(cmnd, weak)));
                }
            }
        });
        if (weakF0 != null) extendByContinuity(f0, voiced, weakF0);
        return new PitchTrack(f0, voiced, hopLength, sr);
    }

    /** Leaves r(τ) = Σ_{j&lt;W} x[s+j]·x[s+j+τ] in {@code a[τ]}: IFFT(conj(FFT(window)) · FFT(span)). */
    private static void crossCorrelate(double[] x, int start, int window, int span, double[] a, double[] b, DoubleFFT_1D fft) {
        int size = a.length;
        System.arraycopy(x, start, a, 0, window);
        Arrays.fill(a, window, size, 0);
        System.arraycopy(x, start, b, 0, span);
        Arrays.fill(b, span, size, 0);
        fft.realForward(a);
        fft.realForward(b);
        // packed real layout: [0]=Re(0), [1]=Re(N/2), [2k]=Re(k), [2k+1]=Im(k)
        a[0] *= b[0];
        a[1] *= b[1];
        for (int k = 2; k < size; k += 2) {
            double ar = a[k], ai = a[k + 1], br = b[k], bi = b[k + 1];
            a[k] = ar * br + ai * bi;
            a[k + 1] = ar * bi - ai * br;
        }
        fft.realInverse(a, true);
        // no circular wrap: window + τmax + 1 < span <= size
    }

    /** d'(0) = 1, d'(τ) = d(τ)·τ / Σ_{j=1..τ} d(j), with d(τ) = E(0) + E(τ) − 2 r(τ). */
    private static void cumulativeMeanNormalisedDifference(double[] r, double[] energy, int start, int window, double[] cmnd) {
        double e0 = energy[start + window] - energy[start];
        cmnd[0] = 1;
        double runningSum = 0;
        for (int tau = 1; tau < cmnd.length; tau++) {
            double eTau = energy[start + tau + window] - energy[start + tau];
            double d = Math.max(0, e0 + eTau - 2 * r[tau]);
            runningSum += d;
            cmnd[tau] = runningSum > 0 ? d * tau / runningSum : 1;
        }
    }

    /**
     * Hysteresis: a frame with only a loose-threshold pitch becomes voiced when a neighbour is voiced at a pitch within
     * {@link #MAX_GLIDE_SEMITONES} of it; a forward then a backward sweep carry this along whole runs, so every frame
     * so voiced is linked frame by frame to one that passed the strict threshold.
     */
    static void extendByContinuity(float[] f0, boolean[] voiced, float[] weakF0) {
        double maxRatio = Math.pow(2, MAX_GLIDE_SEMITONES / 12);
        for (int i = 1; i < f0.length; i++) adopt(f0, voiced, weakF0, i, i - 1, maxRatio);
        for (int i = f0.length - 2; i >= 0; i--) adopt(f0, voiced, weakF0, i, i + 1, maxRatio);
    }

    private static void adopt(float[] f0, boolean[] voiced, float[] weakF0, int i, int neighbour, double maxRatio) {
        if (voiced[i] || !voiced[neighbour] || weakF0[i] <= 0) return;
        double ratio = weakF0[i] / f0[neighbour];
        if (ratio <= maxRatio && ratio >= 1 / maxRatio) {
            voiced[i] = true;
            f0[i] = weakF0[i];
        }
    }

    /** YIN step 4: the first lag whose CMND dips below {@code threshold}, walked down to its local minimum; -1 if none. */
    private static int firstDipBelow(double threshold, double[] cmnd, int tauMin, int tauMax) {
        for (int tau = tauMin; tau <= tauMax; tau++) {
            if (cmnd[tau] < threshold) {
                while (tau + 1 <= tauMax && cmnd[tau + 1] < cmnd[tau]) tau++;
                // still falling past the longest lag: the period lies below fMinHz (hum just under the floor), not here
                return tau == tauMax && cmnd[tau + 1] < cmnd[tau] ? -1 : tau;
            }
        }
        return -1;
    }

    /** Vertex of the parabola through (τ−1, τ, τ+1), in lags relative to τ, within ±0.5. */
    private static double parabolicOffset(double[] cmnd, int tau) {
        double left = cmnd[tau - 1], mid = cmnd[tau], right = cmnd[tau + 1];
        double curvature = left - 2 * mid + right;
        if (curvature <= 0) return 0;
        double offset = 0.5 * (left - right) / curvature;
        return Math.max(-0.5, Math.min(0.5, offset));
    }
}
