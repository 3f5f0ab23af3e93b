package org.timbrelab.dsp;

/**
 * A complex STFT. Layout: frame-major, interleaved complex,
 * {@code data[2 * (frame * bins + bin)]} = real part, {@code data[2 * (frame * bins + bin) + 1]}
 * = imaginary part, {@code bins = nFft / 2 + 1}. Phase is relative to each frame's first sample
 * (the window starts at frame · hop in the centre-padded signal).
 */
public record ComplexSpectrogram(float[] data, int frames, int bins) {

    public ComplexSpectrogram {
        if (data.length != 2L * frames * bins)
            throw new IllegalArgumentException("data has " + data.length + " floats, expected 2 x " + frames + " x " + bins);
    }

    public float re(int bin, int frame) { return data[2 * (frame * bins + bin)]; }

    public float im(int bin, int frame) { return data[2 * (frame * bins + bin) + 1]; }

    /** |X| as a new frame-major array. */
    public float[] magnitudes() {
        float[] m = new float[frames * bins];
        for (int i = 0; i < m.length; i++) {
            float r = data[2 * i], j = data[2 * i + 1];
            m[i] = (float) Math.sqrt(r * r + j * j);
        }
        return m;
    }
}
