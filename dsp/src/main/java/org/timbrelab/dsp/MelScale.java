package org.timbrelab.dsp;

import java.util.function.DoubleUnaryOperator;

/**
 * Mel filterbank with librosa's {@code filters.mel} conventions: triangular filters between
 * n_mels + 2 points equally spaced on the mel scale (Slaney's or HTK's formula), evaluated at the
 * FFT bin frequencies k · sr / nFft, optionally with Slaney area normalisation (each filter
 * scaled by 2 / (upper edge − lower edge) in Hz). Computed in double, stored as float.
 * <p>
 * Storage is sparse: filter m is non-zero on bins [first[m], first[m] + count[m]) with weights
 * {@code weights[offset[m] + i]}. {@link #apply} maps a frame-major magnitude array to a
 * bin-major (mel, frame) array, the {@link Spectrogram} layout.
 */
public final class MelScale {

    /** Which mel formula. */
    public enum Scale {
        SLANEY, HTK;

        /** The scale a {@link SpectrogramConfig#melScale()} names: "htk", else Slaney. */
        public static Scale of(String name) { return "htk".equals(name) ? HTK : SLANEY; }
    }

    // Slaney (Auditory Toolbox) constants, as in librosa.hz_to_mel(htk=False)
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;        // 15
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    private final int nMels, bins;
    private final int[] first, count, offset;
    private final float[] weights;
    private final double maxWeight;

    public MelScale(int sampleRate, int nFft, int nMels, double fMin, double fMax, Scale scale, boolean slaneyNorm) {
        if (nMels <= 0 || nFft <= 0 || !(fMax > fMin) || fMin < 0)
            throw new IllegalArgumentException("bad mel parameters: nMels=" + nMels + " nFft=" + nFft + " fMin=" + fMin + " fMax=" + fMax);
        this.nMels = nMels;
        this.bins = nFft / 2 + 1;
        double[] melF = melFrequencies(nMels + 2, fMin, fMax, scale);
        first = new int[nMels];
        count = new int[nMels];
        offset = new int[nMels];
        double[][] rows = new double[nMels][];
        int total = 0;
        double maxW = 0;
        for (int m = 0; m < nMels; m++) {
            double lo = melF[m], mid = melF[m + 1], hi = melF[m + 2];
            double norm = slaneyNorm ? 2.0 / (hi - lo) : 1.0;
            double[] row = new double[bins];
            int a = -1, b = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) sampleRate / nFft;
                double lower = (f - lo) / (mid - lo), upper = (hi - f) / (hi - mid);
                double w = Math.max(0, Math.min(lower, upper)) * norm;
                row[k] = w;
                if (w > 0) { if (a < 0) a = k; b = k; }
                maxW = Math.max(maxW, w);
            }
            rows[m] = row;
            first[m] = a < 0 ? 0 : a;
            count[m] = a < 0 ? 0 : b - a + 1;
            offset[m] = total;
            total += count[m];
        }
        weights = new float[total];
        for (int m = 0; m < nMels; m++)
            for (int i = 0; i < count[m]; i++) weights[offset[m] + i] = (float) rows[m][first[m] + i];
        maxWeight = maxW;
    }

    /** The filterbank of a {@link SpectrogramConfig}: its scale, always with Slaney area norm (librosa's default). */
    public static MelScale of(SpectrogramConfig c) {
        return new MelScale(c.sampleRate(), c.nFft(), c.nMels(), c.fMin(), c.fMax(), Scale.of(c.melScale()), true);
    }

    /**
     * Hz → fractional mel band index for a config: band i is centred on point i + 1 of the nMels + 2 points equally
     * spaced in mel between fMin and fMax (the filters' centres), so {@code bandOf(c).applyAsDouble(centre of band i) = i}.
     */
    public static DoubleUnaryOperator bandOf(SpectrogramConfig c) {
        Scale scale = Scale.of(c.melScale());
        double lo = hzToMel(c.fMin(), scale);
        double step = (hzToMel(c.fMax(), scale) - lo) / (c.nMels() + 1);
        return hz -> (hzToMel(hz, scale) - lo) / step - 1;
    }

    public static double hzToMel(double hz, Scale scale) {
        if (scale == Scale.HTK) return 2595.0 * Math.log10(1.0 + hz / 700.0);
        return hz >= MIN_LOG_HZ ? MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP : hz / F_SP;
    }

    public static double melToHz(double mel, Scale scale) {
        if (scale == Scale.HTK) return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        return mel >= MIN_LOG_MEL ? MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL)) : F_SP * mel;
    }

    /** {@code n} frequencies (Hz) equally spaced in mel from fMin to fMax inclusive (librosa.mel_frequencies). */
    public static double[] melFrequencies(int n, double fMin, double fMax, Scale scale) {
        double a = hzToMel(fMin, scale), b = hzToMel(fMax, scale);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) f[i] = melToHz(n == 1 ? a : a + (b - a) * i / (n - 1), scale);
        return f;
    }

    public int nMels() { return nMels; }

    public int bins() { return bins; }

    /** Largest weight of any filter (used for the fixed dB reference). */
    public double maxWeight() { return maxWeight; }

    /** Weight of filter {@code mel} at FFT bin {@code bin}. */
    public float weight(int mel, int bin) {
        int i = bin - first[mel];
        return i >= 0 && i < count[mel] ? weights[offset[mel] + i] : 0f;
    }

    /** Dense (nMels, bins) matrix, row-major {@code [mel * bins + bin]}. */
    public float[] dense() {
        float[] d = new float[nMels * bins];
        for (int m = 0; m < nMels; m++)
            System.arraycopy(weights, offset[m], d, m * bins + first[m], count[m]);
        return d;
    }

    /** First non-zero bin of filter {@code mel}. */
    public int firstBin(int mel) { return first[mel]; }

    /** Number of non-zero bins of filter {@code mel}. */
    public int binCount(int mel) { return count[mel]; }

    /** Weights of filter {@code mel} start at this index of {@link #sparseWeights()}. */
    public int weightOffset(int mel) { return offset[mel]; }

    /** Sparse weights (see class comment); do not modify. */
    float[] sparseWeights() { return weights; }

    /**
     * mel[m, t] = Σ_k W[m, k] · mag[t, k]. {@code mag} frame-major (frames × bins),
     * {@code out} bin-major (nMels × frames).
     */
    public void apply(float[] mag, int frames, float[] out) {
        for (int t = 0; t < frames; t++) {
            int o = t * bins;
            for (int m = 0; m < nMels; m++) {
                int base = offset[m], k0 = o + first[m];
                float s = 0;
                for (int i = 0; i < count[m]; i++) s += weights[base + i] * mag[k0 + i];
                out[m * frames + t] = s;
            }
        }
    }
}
