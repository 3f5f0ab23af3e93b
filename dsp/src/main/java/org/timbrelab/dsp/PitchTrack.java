package org.timbrelab.dsp;

import java.util.Arrays;

/**
 * A fundamental-frequency track on the spectrogram's frame grid: frame {@code i} is centred at
 * sample {@code i * hopLength} (the centred STFT of {@link SpectrogramConfig}), so frame counts
 * and times match {@link Spectrogram} columns of the same clip.
 *
 * @param f0Hz       f0 per frame in Hz; 0 where the frame is unvoiced
 * @param voiced     whether a periodic source was found in the frame
 * @param hopLength  frame advance in samples
 * @param sampleRate Hz of the analysed audio
 */
public record PitchTrack(float[] f0Hz, boolean[] voiced, int hopLength, int sampleRate) {

    public PitchTrack {
        if (f0Hz.length != voiced.length)
            throw new IllegalArgumentException("f0Hz has " + f0Hz.length + " frames but voiced has " + voiced.length);
        if (hopLength <= 0 || sampleRate <= 0)
            throw new IllegalArgumentException("hopLength and sampleRate must be > 0, got " + hopLength + ", " + sampleRate);
    }

    public int frames() { return f0Hz.length; }

    /** Tracks of consecutive parts of one clip, joined in order (same frame grid), e.g. a long input tracked in blocks. */
    public static PitchTrack concat(java.util.List<PitchTrack> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("nothing to join");
        PitchTrack first = parts.get(0);
        int n = 0;
        for (PitchTrack p : parts) {
            if (p.hopLength != first.hopLength || p.sampleRate != first.sampleRate)
                throw new IllegalArgumentException("pitch tracks on different frame grids");
            n += p.frames();
        }
        float[] f0 = new float[n];
        boolean[] v = new boolean[n];
        int at = 0;
        for (PitchTrack p : parts) {
            System.arraycopy(p.f0Hz, 0, f0, at, p.frames());
            System.arraycopy(p.voiced, 0, v, at, p.frames());
            at += p.frames();
        }
        return new PitchTrack(f0, v, first.hopLength, first.sampleRate);
    }

    /** Centre time of frame {@code i} in seconds. */
    public double timeSeconds(int frame) { return frame * (double) hopLength / sampleRate; }

    /** Fraction of frames that are voiced, 0 for an empty track. */
    public double voicedFraction() {
        if (voiced.length == 0) return 0;
        int n = 0;
        for (boolean v : voiced) if (v) n++;
        return n / (double) voiced.length;
    }

    /** Median f0 over voiced frames in Hz, or NaN when no frame is voiced. */
    public double medianVoicedF0() {
        float[] v = new float[f0Hz.length];
        int n = 0;
        for (int i = 0; i < f0Hz.length; i++) if (voiced[i]) v[n++] = f0Hz[i];
        if (n == 0) return Double.NaN;
        Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
