package org.timbrelab.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * A-weighted level per frame, in dB relative to full scale: the A-weighted RMS of the windowed
 * frame, so a full-scale 1 kHz sine reads −3.01 dB and silence reads the config's floor
 * ({@link SpectrogramConfig#minDb()}).
 *
 * <p>Frames are those of the centred STFT of {@link SpectrogramConfig} (frame {@code i} centred at
 * sample {@code i * hop}, reflect padding, periodic Hann of {@code winLength} centred in
 * {@code nFft}), so the envelope lines up with {@link Spectrogram} columns and {@link PitchTrack}
 * frames. Each frame's one-sided power spectrum is weighted by the IEC 61672 A-curve and summed;
 * by Parseval that sum divided by N·Σw² is the mean square of the weighted signal.
 */
public final class Loudness {

    private final SpectrogramConfig config;
    private final double[] window;        // nFft long, Hann of winLength centred, zeros elsewhere
    private final double[] binWeight;     // c_k · 10^(A(f_k)/10) / (N · Σw²), c_k = 1 at DC/Nyquist else 2

    public Loudness(SpectrogramConfig config) {
        this.config = config;
        int nFft = config.nFft(), win = config.winLength();
        window = new double[nFft];
        double sumSquares = 0;
        int offset = (nFft - win) / 2;
        for (int j = 0; j < win; j++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / win);   // periodic Hann
            window[offset + j] = w;
            sumSquares += w * w;
        }
        binWeight = new double[nFft / 2 + 1];
        for (int k = 0; k <= nFft / 2; k++) {
            double hz = k * (double) config.sampleRate() / nFft;
            double side = (k == 0 || k == nFft / 2) ? 1 : 2;
            binWeight[k] = side * Math.pow(10, aWeightingDb(hz) / 10) / (nFft * sumSquares);
        }
    }

    public Loudness() { this(SpectrogramConfig.DEFAULT); }

    /**
     * IEC 61672-1 A-weighting in dB at {@code hz}: 0 dB at 1 kHz, −19.1 dB at 100 Hz;
     * {@code -Infinity} at 0 Hz.
     */
    public static double aWeightingDb(double hz) {
        double f2 = hz * hz;
        double ra = (12194.0 * 12194.0 * f2 * f2)
                / ((f2 + 20.6 * 20.6) * Math.sqrt((f2 + 107.7 * 107.7) * (f2 + 737.9 * 737.9)) * (f2 + 12194.0 * 12194.0));
        return 20 * Math.log10(ra) + 2.0;
    }

    /** A-weighted level in dB re full scale for every frame, 1 + n/hop frames, floored at minDb. */
    public float[] aWeightedDb(AudioClip clip) {
        if (clip.sampleRate() != config.sampleRate())
            throw new IllegalArgumentException("clip is at " + clip.sampleRate() + " Hz but the loudness config expects "
                    + config.sampleRate() + " Hz; resample the clip first (AudioFiles.loadMono does)");
        float[] x = clip.samples();
        int nFft = config.nFft(), hop = config.hopLength(), half = nFft / 2;
        int frames = 1 + x.length / hop;
        float[] out = new float[frames];
        double floorDb = config.minDb();
        DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
        double[] buf = new double[nFft];
        for (int i = 0; i < frames; i++) {
            int start = i * hop - half;
            for (int j = 0; j < nFft; j++) buf[j] = window[j] == 0 ? 0 : window[j] * sampleReflected(x, start + j);
            fft.realForward(buf);
            // packed real layout: [0]=Re(0), [1]=Re(N/2), [2k]=Re(k), [2k+1]=Im(k)
            double power = binWeight[0] * buf[0] * buf[0] + binWeight[half] * buf[1] * buf[1];
            for (int k = 1; k < half; k++) power += binWeight[k] * (buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1]);
            out[i] = (float) Math.max(floorDb, 10 * Math.log10(power + 1e-30));
        }
        return out;
    }

    /** x[k] with reflect padding at both ends (numpy "reflect": no edge repeat); 0 for an empty clip. */
    static float sampleReflected(float[] x, int k) {
        int n = x.length;
        if (n == 0) return 0;
        if (n == 1) return x[0];
        int period = 2 * (n - 1);
        int m = Math.floorMod(k, period);
        return x[m < n ? m : period - m];
    }
}
