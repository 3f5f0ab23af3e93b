package org.timbrelab.dsp;

/**
 * Mel magnitudes → linear STFT magnitudes: per frame, the minimum-norm least-squares solution
 * x = Wᵀ (W Wᵀ)⁻¹ y (the pseudo-inverse; W is the nMels × bins filterbank with full row rank),
 * clipped to ≥ 0, then optionally refined by multiplicative non-negative least-squares updates
 * x ← x ⊙ Wᵀy ⊘ WᵀWx (Lee & Seung), which keep x ≥ 0 and never increase ‖Wx − y‖².
 * <p>
 * Layouts: input mel is bin-major (nMels × frames, the {@link Spectrogram} layout), output is
 * frame-major (frames × bins, the {@link MagnitudeSpectrogram} layout). The Cholesky factor of
 * W Wᵀ is computed once per instance; per call only per-frame scratch of nMels + bins floats is used.
 * Instances are immutable and thread-safe.
 */
public final class MelInverse {

    private final MelScale mel;
    private final int nMels, bins;
    private final double[] chol;        // lower-triangular Cholesky factor of W Wᵀ (+ tiny ridge), row-major nMels²
    private final int band;             // W Wᵀ is banded (filters overlap only near neighbours), and so is its factor

    public MelInverse(MelScale mel) {
        this.mel = mel;
        this.nMels = mel.nMels();
        this.bins = mel.bins();
        float[] w = mel.dense();
        double[] g = new double[nMels * nMels];
        double trace = 0;
        for (int i = 0; i < nMels; i++)
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < bins; k++) s += (double) w[i * bins + k] * w[j * bins + k];
                g[i * nMels + j] = s;
                g[j * nMels + i] = s;
                if (i == j) trace += s;
            }
        double ridge = 1e-9 * trace / nMels;   // guards against empty or nearly identical filters
        for (int i = 0; i < nMels; i++) g[i * nMels + i] += ridge;
        int bw = 0;
        for (int i = 0; i < nMels; i++) for (int j = 0; j < i; j++) if (g[i * nMels + j] != 0) bw = Math.max(bw, i - j);
        band = bw;
        chol = cholesky(g, nMels);
    }

    public MelScale melScale() { return mel; }

    /**
     * @param melValues  mel magnitudes, bin-major (nMels × frames)
     * @param frames     number of frames
     * @param iterations multiplicative NNLS refinements after the clipped pseudo-inverse (0 = none)
     * @param out        frames × bins, frame-major; overwritten
     */
    public void invert(float[] melValues, int frames, int iterations, float[] out) {
        // frames are independent: split them over the cores, each span with its own scratch (same result bit for bit)
        FrameSpans.forEach(frames, (from, to) -> invertSpan(melValues, frames, from, to, iterations, out));
    }

    /** {@link #invert} on frames [from, to), with its own scratch. */
    private void invertSpan(float[] melValues, int frames, int from, int to, int iterations, float[] out) {
        double[] y = new double[nMels], a = new double[nMels];
        float[] wty = new float[bins], wx = new float[nMels], denom = new float[bins];
        float[] w = mel.sparseWeights();
        for (int t = from; t < to; t++) {
            for (int m = 0; m < nMels; m++) y[m] = melValues[m * frames + t];
            solve(y, a);
            int o = t * bins;
            java.util.Arrays.fill(out, o, o + bins, 0f);
            transposeMultiply(a, w, out, o);
            float max = 0;
            for (int k = o; k < o + bins; k++) {
                if (out[k] < 0) out[k] = 0;
                max = Math.max(max, out[k]);
            }
            if (iterations <= 0) continue;
            java.util.Arrays.fill(wty, 0f);
            transposeMultiply(y, w, wty, 0);
            // a multiplicative update keeps zeros at zero: lift clipped bins that some filter sees
            float floor = max * 1e-4f;
            for (int k = 0; k < bins; k++) if (out[o + k] < floor && wty[k] > 0) out[o + k] = floor;
            for (int it = 0; it < iterations; it++) multiplicativeStep(w, wx, wty, denom, out, o);
        }
    }

    /** One Lee–Seung step on the frame at offset o: x_k ← x_k · (Wᵀy)_k / (WᵀWx)_k. */
    private void multiplicativeStep(float[] w, float[] wx, float[] wty, float[] denom, float[] x, int o) {
        for (int m = 0; m < nMels; m++) {                       // wx = W x
            int base = mel.weightOffset(m), k0 = o + mel.firstBin(m), n = mel.binCount(m);
            float s = 0;
            for (int i = 0; i < n; i++) s += w[base + i] * x[k0 + i];
            wx[m] = s;
        }
        java.util.Arrays.fill(denom, 0f);
        for (int m = 0; m < nMels; m++) {                       // denom = Wᵀ (W x)
            int base = mel.weightOffset(m), k0 = mel.firstBin(m), n = mel.binCount(m);
            float v = wx[m];
            for (int i = 0; i < n; i++) denom[k0 + i] += w[base + i] * v;
        }
        for (int k = 0; k < bins; k++) {
            float d = denom[k];
            x[o + k] = d > 0 ? x[o + k] * wty[k] / d : 0f;
        }
    }

    /** out[o + k] += Σ_m W[m, k] · a[m]. */
    private void transposeMultiply(double[] a, float[] w, float[] out, int o) {
        for (int m = 0; m < nMels; m++) {
            int base = mel.weightOffset(m), k0 = o + mel.firstBin(m), n = mel.binCount(m);
            float am = (float) a[m];
            for (int i = 0; i < n; i++) out[k0 + i] += w[base + i] * am;
        }
    }

    /** Solves (L Lᵀ) a = y. */
    private void solve(double[] y, double[] a) {
        int n = nMels;
        for (int i = 0; i < n; i++) {            // forward: L z = y
            double s = y[i];
            for (int j = Math.max(0, i - band); j < i; j++) s -= chol[i * n + j] * a[j];
            a[i] = s / chol[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {       // backward: Lᵀ a = z
            double s = a[i];
            for (int j = i + 1, end = Math.min(n, i + band + 1); j < end; j++) s -= chol[j * n + i] * a[j];
            a[i] = s / chol[i * n + i];
        }
    }

    private static double[] cholesky(double[] g, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) {
                double s = g[i * n + j];
                for (int k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
                if (i == j) {
                    if (s <= 0) throw new IllegalStateException("mel filterbank Gram matrix is not positive definite at row " + i);
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        return l;
    }
}
