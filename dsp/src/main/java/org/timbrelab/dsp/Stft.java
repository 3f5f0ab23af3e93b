package org.timbrelab.dsp;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Short-time Fourier transform with a periodic Hann window and centred frames (librosa's
 * {@code center=True}, reflect padding): the signal is padded by nFft/2 reflected samples on
 * each side and frame t covers padded samples [t·hop, t·hop + nFft), so frame t is centred on
 * original sample t·hop. A signal of n samples gives 1 + n / hop frames.
 * <p>
 * Output layouts: {@link ComplexSpectrogram} (frame-major, interleaved re/im) and
 * {@link MagnitudeSpectrogram} (frame-major). The FFT buffer is JTransforms' packed real format.
 * Instances are immutable and safe to share between threads (JTransforms keeps only read-only
 * tables for power-of-two sizes below its threading threshold).
 */
public final class Stft {

    private final int nFft, winLength, hop, bins;
    private final float[] window;        // length nFft: Hann of winLength centred, zeros around
    private final FloatFFT_1D fft;

    public Stft(int nFft, int winLength, int hop) {
        if (nFft <= 0 || winLength <= 0 || winLength > nFft || hop <= 0)
            throw new IllegalArgumentException("bad STFT sizes nFft=" + nFft + " win=" + winLength + " hop=" + hop);
        this.nFft = nFft;
        this.winLength = winLength;
        this.hop = hop;
        this.bins = nFft / 2 + 1;
        this.window = hann(winLength, nFft);
        this.fft = new FloatFFT_1D(nFft);
    }

    public static Stft of(SpectrogramConfig c) { return new Stft(c.nFft(), c.winLength(), c.hopLength()); }

    /** Periodic Hann of {@code winLength} samples, centred in an array of {@code size}. */
    public static float[] hann(int winLength, int size) {
        float[] w = new float[size];
        int off = (size - winLength) / 2;
        for (int i = 0; i < winLength; i++) w[off + i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / winLength));
        return w;
    }

    public int nFft() { return nFft; }
    public int winLength() { return winLength; }
    public int hop() { return hop; }
    public int bins() { return bins; }
    FloatFFT_1D fft() { return fft; }

    /** A copy of the analysis window (length nFft). */
    public float[] window() { return window.clone(); }

    /** Frames produced for a signal of {@code n} samples. */
    public int frames(int n) { return 1 + n / hop; }

    /** Complex STFT of {@code x}. */
    public ComplexSpectrogram forward(float[] x) {
        int frames = frames(x.length);
        float[] out = new float[2 * frames * bins];
        forward(x, out);
        return new ComplexSpectrogram(out, frames, bins);
    }

    /** Complex STFT into {@code out} (length 2 · frames · bins, layout of {@link ComplexSpectrogram}). */
    public void forward(float[] x, float[] out) {
        int frames = frames(x.length);
        float[] buf = new float[nFft];
        for (int t = 0; t < frames; t++) {
            frame(x, t, buf);
            unpack(buf, out, 2 * t * bins);
        }
    }

    /** Magnitude STFT |X| of a clip (any rate; the spectrogram records it). */
    public MagnitudeSpectrogram magnitude(AudioClip clip) {
        float[] x = clip.samples();
        int frames = frames(x.length);
        float[] mag = new float[frames * bins];
        float[] buf = new float[nFft];
        int half = nFft / 2;
        for (int t = 0; t < frames; t++) {
            frame(x, t, buf);
            int o = t * bins;
            mag[o] = Math.abs(buf[0]);
            mag[o + half] = Math.abs(buf[1]);
            for (int k = 1; k < half; k++) {
                float r = buf[2 * k], i = buf[2 * k + 1];
                mag[o + k] = (float) Math.sqrt(r * r + i * i);
            }
        }
        return new MagnitudeSpectrogram(mag, frames, bins, clip.sampleRate(), nFft, hop);
    }

    /** Windowed, FFT-ed frame t of the reflect-padded signal into {@code buf} (packed format). */
    private void frame(float[] x, int t, float[] buf) {
        int start = t * hop - nFft / 2;   // in original sample coordinates
        int n = x.length;
        if (start >= 0 && start + nFft <= n) {
            for (int j = 0; j < nFft; j++) buf[j] = x[start + j] * window[j];
        } else {
            for (int j = 0; j < nFft; j++) buf[j] = window[j] == 0 ? 0 : reflect(x, start + j) * window[j];
        }
        fft.realForward(buf);
    }

    /** x[i] with reflection at both ends (numpy 'reflect': the edge sample is not repeated). */
    static float reflect(float[] x, int i) {
        int n = x.length;
        if (n == 0) return 0;
        if (n == 1) return x[0];
        int period = 2 * (n - 1);
        i = Math.floorMod(i, period);
        return x[i < n ? i : period - i];
    }

    /** JTransforms packed real spectrum → interleaved complex bins at {@code out[o..]}. */
    private void unpack(float[] buf, float[] out, int o) {
        int half = nFft / 2;
        System.arraycopy(buf, 0, out, o, nFft);
        out[o + 1] = 0;                    // Im of DC
        out[o + 2 * half] = buf[1];        // Re of Nyquist
        out[o + 2 * half + 1] = 0;
    }
}
