package org.timbrelab.dsp;

/**
 * Linear STFT magnitudes |X| (not power, not dB). Layout is frame-major,
 * {@code values[frame * bins + bin]} with {@code bins = nFft / 2 + 1}, because every STFT
 * algorithm here walks one frame at a time. {@link #get(int, int)} takes (bin, frame) like
 * {@link Spectrogram#get(int, int)}.
 */
public record MagnitudeSpectrogram(float[] values, int frames, int bins, int sampleRate, int nFft, int hopLength) {

    public MagnitudeSpectrogram {
        if (bins != nFft / 2 + 1) throw new IllegalArgumentException("bins must be nFft/2+1 = " + (nFft / 2 + 1) + ", got " + bins);
        if (values.length != (long) frames * bins)
            throw new IllegalArgumentException("values has " + values.length + " entries, expected " + frames + " x " + bins);
    }

    public float get(int bin, int frame) { return values[frame * bins + bin]; }

    /** Centre frequency of {@code bin} in Hz. */
    public double binHz(int bin) { return bin * (double) sampleRate / nFft; }

    /** Seconds covered at this hop. */
    public double durationSeconds() { return frames * (double) hopLength / sampleRate; }
}
