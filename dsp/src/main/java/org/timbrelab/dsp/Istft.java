package org.timbrelab.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Inverse of {@link Stft}: inverse FFT of each frame, synthesis window (the same Hann),
 * overlap-add, division by the summed squared window (least-squares inverse, exact for any
 * COLA-compliant hop), then removal of the centre padding. Input layout: {@link ComplexSpectrogram}.
 * The squared-window envelope is computed per call; buffers can be reused through
 * {@link #inverse(float[], int, int, float[], float[])}.
 */
public final class Istft {

    private final Stft stft;

    public Istft(Stft stft) { this.stft = stft; }

    /** Signal of {@code length} samples (use hop · (frames − 1) if unknown) from a complex STFT. */
    public float[] inverse(ComplexSpectrogram spec, int length) {
        float[] out = new float[length];
        inverse(spec.data(), spec.frames(), length, out, new float[paddedLength(spec.frames())]);
        return out;
    }

    /** Scratch size for {@link #inverse(float[], int, int, float[], float[])}. */
    public int paddedLength(int frames) { return stft.nFft() + stft.hop() * (frames - 1); }

    /**
     * Allocation-free core: {@code data} in ComplexSpectrogram layout with {@code frames} frames,
     * result written to {@code out[0, length)}, {@code scratch} of {@link #paddedLength} floats.
     */
    public void inverse(float[] data, int frames, int length, float[] out, float[] scratch) {
        int nFft = stft.nFft(), hop = stft.hop(), half = nFft / 2, bins = stft.bins();
        float[] window = stft.window(), buf = new float[nFft];
        FloatFFT_1D fft = stft.fft();
        int padded = paddedLength(frames);
        java.util.Arrays.fill(scratch, 0, padded, 0f);
        for (int t = 0; t < frames; t++) {
            int o = 2 * t * bins;
            System.arraycopy(data, o, buf, 0, nFft);
            buf[1] = data[o + 2 * half];                // packed format keeps Re(Nyquist) at [1]
            fft.realInverse(buf, true);
            int s = t * hop;
            for (int j = 0; j < nFft; j++) scratch[s + j] += buf[j] * window[j];
        }
        float[] env = envelope(window, frames, hop, padded);
        java.util.Arrays.fill(out, 0, length, 0f);
        int n = Math.min(length, padded - half);
        for (int i = 0; i < n; i++) {
            float e = env[i + half];
            out[i] = e > 1e-10f ? scratch[i + half] / e : 0f;
        }
    }

    private static float[] envelope(float[] window, int frames, int hop, int padded) {
        float[] env = new float[padded];
        for (int t = 0; t < frames; t++) {
            int s = t * hop;
            for (int j = 0; j < window.length; j++) env[s + j] += window[j] * window[j];
        }
        return env;
    }
}
