package org.timbrelab.dsp;

/**
 * A real-valued time-frequency image: {@code bins} rows (frequency, low first) by {@code frames}
 * columns (time). Layout is bin-major, {@code values[bin * frames + frame]}, which is the memory
 * layout of a (bins, frames) tensor, i.e. a model's (C=1, H=bins, W=frames) input image.
 * For a log-mel spectrogram from {@link SpectrogramConfig} the values are normalised to [-1, 1]
 * (y = dB / 50 + 1 for the default -100 dB floor).
 */
public record Spectrogram(float[] values, int bins, int frames, SpectrogramConfig config) {

    public Spectrogram {
        if (values.length != (long) bins * frames)
            throw new IllegalArgumentException("values has " + values.length + " entries, expected " + bins + " x " + frames);
    }

    public float get(int bin, int frame) { return values[bin * frames + frame]; }

    /** Seconds covered, at the config's hop. */
    public double durationSeconds() { return frames / config.framesPerSecond(); }

    /** Frames [from, to) as a new spectrogram. */
    public Spectrogram sliceFrames(int from, int to) {
        int n = to - from;
        float[] out = new float[bins * n];
        for (int b = 0; b < bins; b++) System.arraycopy(values, b * frames + from, out, b * n, n);
        return new Spectrogram(out, bins, n, config);
    }
}
