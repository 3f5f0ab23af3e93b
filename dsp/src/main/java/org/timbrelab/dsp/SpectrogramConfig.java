package org.timbrelab.dsp;

/**
 * The one description of how audio becomes a model's input image (docs/ARCHITECTURE.md, "Audio conventions").
 * Every model and preset stores the config it was trained with.
 *
 * @param sampleRate  Hz of the audio the transform expects (16 kHz)
 * @param nFft        FFT size
 * @param winLength   Hann window length (periodic), ≤ nFft
 * @param hopLength   frame advance in samples
 * @param nMels       number of mel bands
 * @param fMin        lowest mel band edge, Hz
 * @param fMax        highest mel band edge, Hz
 * @param melScale    "slaney" or "htk"
 * @param minDb       floor of the dB range; values are clipped to [minDb, 0] dB
 */
public record SpectrogramConfig(int sampleRate, int nFft, int winLength, int hopLength,
                                int nMels, double fMin, double fMax, String melScale, double minDb) {

    public static final SpectrogramConfig DEFAULT =
            new SpectrogramConfig(16_000, 1024, 1024, 256, 128, 40.0, 8000.0, "slaney", -100.0);

    public SpectrogramConfig {
        if (sampleRate <= 0) throw new IllegalArgumentException("sampleRate must be > 0, got " + sampleRate);
        if (nFft <= 0 || Integer.bitCount(nFft) != 1) throw new IllegalArgumentException("nFft must be a power of two, got " + nFft);
        if (winLength <= 0 || winLength > nFft) throw new IllegalArgumentException("winLength must be in 1.." + nFft + ", got " + winLength);
        if (hopLength <= 0 || hopLength > winLength) throw new IllegalArgumentException("hopLength must be in 1.." + winLength + ", got " + hopLength);
        if (nMels <= 0) throw new IllegalArgumentException("nMels must be > 0, got " + nMels);
        if (!(fMin >= 0 && fMax > fMin && fMax <= sampleRate / 2.0))
            throw new IllegalArgumentException("need 0 <= fMin < fMax <= sampleRate/2, got fMin=" + fMin + " fMax=" + fMax);
        if (!"slaney".equals(melScale) && !"htk".equals(melScale))
            throw new IllegalArgumentException("melScale must be 'slaney' or 'htk', got '" + melScale + "'");
        if (!(minDb < 0)) throw new IllegalArgumentException("minDb must be negative, got " + minDb);
    }

    /** Number of linear-frequency bins of the STFT. */
    public int freqBins() { return nFft / 2 + 1; }

    /** Frames per second of audio. */
    public double framesPerSecond() { return sampleRate / (double) hopLength; }
}
