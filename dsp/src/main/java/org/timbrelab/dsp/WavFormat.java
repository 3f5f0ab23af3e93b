package org.timbrelab.dsp;

/**
 * How samples are stored in a WAV file: kept when a file is read so that writing it back
 * reproduces the same encoding, rate and channel layout bit for bit.
 *
 * @param encoding           integer PCM or IEEE float
 * @param channels           number of interleaved channels (≥ 1)
 * @param sampleRate         Hz
 * @param bitsPerSample      container size: 8, 16, 24, 32 (PCM) or 32, 64 (float)
 * @param validBitsPerSample meaningful bits (= bitsPerSample unless an EXTENSIBLE header says less)
 * @param extensible         true if the header is WAVE_FORMAT_EXTENSIBLE (0xFFFE)
 * @param channelMask        speaker mask of an EXTENSIBLE header (0 otherwise)
 */
public record WavFormat(Encoding encoding, int channels, int sampleRate, int bitsPerSample,
                        int validBitsPerSample, boolean extensible, int channelMask) {

    /** Sample encodings this reader and writer support. */
    public enum Encoding { PCM, FLOAT }

    public WavFormat {
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        if (sampleRate < 1) throw new IllegalArgumentException("sampleRate must be >= 1, got " + sampleRate);
        boolean ok = encoding == Encoding.PCM
                ? bitsPerSample == 8 || bitsPerSample == 16 || bitsPerSample == 24 || bitsPerSample == 32
                : bitsPerSample == 32 || bitsPerSample == 64;
        if (!ok) throw new IllegalArgumentException(encoding + " with " + bitsPerSample + " bits per sample is not supported");
        if (validBitsPerSample < 1 || validBitsPerSample > bitsPerSample)
            throw new IllegalArgumentException("validBitsPerSample must be in 1.." + bitsPerSample + ", got " + validBitsPerSample);
    }

    /** Plain (non-extensible) integer PCM. */
    public static WavFormat pcm(int bits, int channels, int sampleRate) {
        return new WavFormat(Encoding.PCM, channels, sampleRate, bits, bits, false, 0);
    }

    /** Plain (non-extensible) IEEE float. */
    public static WavFormat ieeeFloat(int bits, int channels, int sampleRate) {
        return new WavFormat(Encoding.FLOAT, channels, sampleRate, bits, bits, false, 0);
    }

    public int bytesPerSample() { return bitsPerSample / 8; }

    public int blockAlign() { return bytesPerSample() * channels; }
}
