package org.timbrelab.dsp;

/**
 * Input tone matching: a fixed, smooth equaliser that moves a clip's {@link ToneProfile} toward a target (the
 * training voices' mean), so a dark, bright or breathy voice reaches the model closer to the voices it learned.
 * Per band the correction is target − own, clipped to ±maxDb, where both profiles hold the band (0 dB elsewhere),
 * interpolated over log-frequency and held flat beyond the outer bands; then lowered so that no bin is boosted (a
 * boost could clip). The clip's peak level is restored afterwards.
 */
public final class ToneMatch {
    public static final double DEFAULT_MAX_DB = 12;
    /** Bands below this are not matched (the gain there is the 500-Hz band's): they hold a voice's fundamental. */
    static final double LOWEST_HZ = 500;

    private ToneMatch() { }

    /** The clip, equalised toward {@code target}; unchanged if it is silent or shares no band with the target. */
    public static AudioClip apply(AudioClip clip, ToneProfile target, double maxDb) {
        if (!(maxDb > 0)) throw new IllegalArgumentException("maxDb must be > 0, got " + maxDb);
        ToneProfile own;
        try {
            own = ToneProfile.of(clip);
        } catch (IllegalArgumentException silent) {
            return clip;
        }
        Stft stft = new Stft(ToneProfile.N_FFT, ToneProfile.N_FFT, ToneProfile.HOP);
        double[] gainsDb = gainsDb(own, target, maxDb, stft.bins(), clip.sampleRate());
        if (gainsDb == null) return clip;
        ComplexSpectrogram spec = stft.forward(clip.samples());
        float[] data = spec.data();
        for (int t = 0; t < spec.frames(); t++) {
            for (int k = 0; k < spec.bins(); k++) {
                float g = (float) Math.pow(10, gainsDb[k] / 20);
                data[2 * (t * spec.bins() + k)] *= g;
                data[2 * (t * spec.bins() + k) + 1] *= g;
            }
        }
        float[] y = new Istft(stft).inverse(spec, clip.length());
        float peakIn = peak(clip.samples()), peakOut = peak(y);
        if (peakOut > 0) for (int i = 0; i < y.length; i++) y[i] *= peakIn / peakOut;
        return new AudioClip(y, clip.sampleRate());
    }

    /** Gains in dB per STFT bin (bin k at k · rate / N_FFT Hz), or null if the profiles share no band. */
    static double[] gainsDb(ToneProfile own, ToneProfile target, double maxDb, int bins, int sampleRate) {
        double[] o = own.bandsDb(), t = target.bandsDb();
        double[] x = new double[o.length], y = new double[o.length];
        int n = 0;
        for (int b = 0; b < o.length; b++) {
            if (Double.isNaN(o[b]) || Double.isNaN(t[b]) || ToneProfile.CENTRES[b] < LOWEST_HZ) continue;
            x[n] = Math.log(ToneProfile.CENTRES[b]);
            y[n++] = Math.max(-maxDb, Math.min(maxDb, t[b] - o[b]));
        }
        if (n == 0) return null;
        double[] g = new double[bins];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < bins; k++) {
            double lf = Math.log(Math.max(50, k * sampleRate / (double) ToneProfile.N_FFT));
            g[k] = interpolate(x, y, n, lf);
            max = Math.max(max, g[k]);
        }
        for (int k = 0; k < bins; k++) g[k] -= Math.max(0, max);
        return g;
    }

    private static double interpolate(double[] x, double[] y, int n, double at) {
        if (at <= x[0]) return y[0];
        for (int i = 1; i < n; i++) if (at <= x[i]) return y[i - 1] + (y[i] - y[i - 1]) * (at - x[i - 1]) / (x[i] - x[i - 1]);
        return y[n - 1];
    }

    private static float peak(float[] x) {
        float p = 0;
        for (float v : x) p = Math.max(p, Math.abs(v));
        return p;
    }
}
