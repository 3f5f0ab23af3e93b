package org.timbrelab.dsp;

/**
 * A-weighted level per frame, in dB relative to full scale: the A-weighted RMS of the windowed
 * frame, so a full-scale 1 kHz sine reads −3.01 dB and silence reads the config's floor
 * ({@link SpectrogramConfig#minDb()}).
 *
 * <p>Frames are those of the centred STFT of {@link SpectrogramConfig} (frame {@code i} centred at
 * sample {@code i * hop}, reflect padding, periodic Hann of {@code winLength} centred in
 * {@code nFft}), so the envelope lines up with {@link Spectrogram} columns and {@link PitchTrack}
 * frames ({@link Stft} computes them). Each frame's one-sided power spectrum is weighted by the IEC 61672 A-curve and summed;
 * by Parseval that sum divided by N·Σw² is the mean square of the weighted signal.
 */
public final class Loudness {

    private final SpectrogramConfig config;
    private final Stft stft;
    private final double[] binWeight;     // c_k · 10^(A(f_k)/10) / (N · Σw²), c_k = 1 at DC/Nyquist else 2

    public Loudness(SpectrogramConfig config) {
        this.config = config;
        this.stft = Stft.of(config);
        int nFft = config.nFft();
        double sumSquares = 0;
        for (float w : stft.window()) sumSquares += (double) w * w;
        binWeight = new double[nFft / 2 + 1];
        for (int k = 0; k <= nFft / 2; k++) {
            double hz = k * (double) config.sampleRate() / nFft;
            double side = (k == 0 || k == nFft / 2) ? 1 : 2;
            binWeight[k] = side * Math.pow(10, aWeightingDb(hz) / 10) / (nFft * sumSquares);
        }
    }

    public Loudness() { this(SpectrogramConfig.DEFAULT); }

    /**
     * The A-curve as a power factor, 10^(A(f_k)/10), at each bin k of an {@code nFft}-point spectrum at {@code sampleRate}
     * (without {@link #aWeightedDb}'s one-sided factor of 2 off DC and Nyquist: what the presets trained with
     * {@code shiftKeepsLoudness} were shifted with; the two differ by under 0.1 dB on a frame).
     */
    public static double[] aWeightPerBin(int sampleRate, int nFft) {
        double[] w = new double[nFft / 2 + 1];
        for (int k = 0; k < w.length; k++) w[k] = Math.pow(10, aWeightingDb(k * (double) sampleRate / nFft) / 10);
        return w;
    }

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

    /**
     * Per mel band of {@code config}'s filterbank: the weight w_m with which Σ_m w_m · mel_m² (mel magnitudes, as
     * {@link AudioTransform} computes them) approximates a frame's A-weighted power Σ_k A(f_k)² · |X_k|², up to a
     * constant factor. Summing mel power unweighted is not loudness: the filters' area norm counts a low band's few Hz as
     * much as a high band's many, and the ear (the A-curve) counts 2–5 kHz most, so a fricative or a hiss reads 10–20 dB
     * quieter against a vowel than it sounds, and a low hum louder. Each bin's A-weighted power is shared among the
     * filters covering it in proportion to their weights; band m's share, for a flat spectrum under it, is
     * Σ_k A_k² · W_mk / Σ_j W_jk, and its mel magnitude is Σ_k W_mk, hence w_m = that share / (Σ_k W_mk)². Normalised so
     * the largest weight is 1.
     */
    public static double[] melBandWeights(SpectrogramConfig config) {
        MelScale mel = MelScale.of(config);
        int bins = mel.bins(), nMels = mel.nMels();
        double[] a = aWeightPerBin(config.sampleRate(), config.nFft()), cover = new double[bins];
        for (int m = 0; m < nMels; m++)
            for (int k = mel.firstBin(m); k < mel.firstBin(m) + mel.binCount(m); k++) cover[k] += mel.weight(m, k);
        double[] w = new double[nMels];
        double largest = 0;
        for (int m = 0; m < nMels; m++) {
            double share = 0, area = 0;
            for (int k = mel.firstBin(m); k < mel.firstBin(m) + mel.binCount(m); k++) {
                double wk = mel.weight(m, k);
                share += a[k] * wk / cover[k];
                area += wk;
            }
            w[m] = area > 0 ? share / (area * area) : 0;
            largest = Math.max(largest, w[m]);
        }
        for (int m = 0; m < nMels; m++) w[m] /= largest;
        return w;
    }

    /** A-weighted level in dB re full scale for every frame, 1 + n/hop frames, floored at minDb. */
    public float[] aWeightedDb(AudioClip clip) {
        if (clip.sampleRate() != config.sampleRate())
            throw new IllegalArgumentException("clip is at " + clip.sampleRate() + " Hz but the loudness config expects "
                    + config.sampleRate() + " Hz; resample the clip first (AudioFiles.loadMono does)");
        return aWeightedDb(stft.magnitude(clip));
    }

    /** The same from an STFT magnitude of this config (frame-major |X|), e.g. one already computed. */
    public float[] aWeightedDb(MagnitudeSpectrogram m) {
        if (m.nFft() != config.nFft() || m.sampleRate() != config.sampleRate())
            throw new IllegalArgumentException("magnitude spectrogram (nFft " + m.nFft() + ", " + m.sampleRate()
                    + " Hz) does not match the loudness config (nFft " + config.nFft() + ", " + config.sampleRate() + " Hz)");
        float[] mag = m.values();
        int bins = m.bins();
        float[] out = new float[m.frames()];
        double floorDb = config.minDb();
        for (int t = 0; t < out.length; t++) {
            double power = 0;
            for (int k = 0, o = t * bins; k < bins; k++, o++) power += binWeight[k] * mag[o] * mag[o];
            out[t] = (float) Math.max(floorDb, 10 * Math.log10(power + 1e-30));
        }
        return out;
    }
}
