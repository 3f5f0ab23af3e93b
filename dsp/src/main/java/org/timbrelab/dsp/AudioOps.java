package org.timbrelab.dsp;

import java.util.ArrayList;
import java.util.List;

/** Level and length operations on clips. All return new clips; inputs are never modified. */
public final class AudioOps {

    private AudioOps() { }

    /** Peak sample magnitude. */
    public static double peak(AudioClip clip) {
        double p = 0;
        for (float s : clip.samples()) p = Math.max(p, Math.abs(s));
        return p;
    }

    /** Root-mean-square level (0 for an empty clip). */
    public static double rms(AudioClip clip) {
        float[] x = clip.samples();
        if (x.length == 0) return 0;
        double e = 0;
        for (float s : x) e += (double) s * s;
        return Math.sqrt(e / x.length);
    }

    /** Scales so the peak magnitude is {@code targetPeak} (a silent clip is returned unchanged). */
    public static AudioClip peakNormalize(AudioClip clip, double targetPeak) {
        double p = peak(clip);
        return p == 0 ? clip : gain(clip, targetPeak / p);
    }

    /**
     * Scales so the RMS level is {@code targetDbfs} dB relative to full scale (RMS 1.0), then
     * limits the gain so the peak does not exceed 1.0. A silent clip is returned unchanged.
     */
    public static AudioClip rmsNormalize(AudioClip clip, double targetDbfs) {
        double r = rms(clip);
        if (r == 0) return clip;
        double g = Math.pow(10, targetDbfs / 20) / r;
        double p = peak(clip);
        if (p * g > 1.0) g = 1.0 / p;
        return gain(clip, g);
    }

    /** Multiplies every sample by {@code g}. */
    public static AudioClip gain(AudioClip clip, double g) {
        float[] x = clip.samples(), y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] * g);
        return new AudioClip(y, clip.sampleRate());
    }

    /**
     * Removes leading and trailing silence: frames of {@code frameLength} samples whose RMS is
     * below {@code thresholdDb} relative to the clip's loudest frame. Keeps one frame of margin on
     * each side. A clip that is silent throughout comes back empty.
     */
    public static AudioClip trimSilence(AudioClip clip, double thresholdDb, int frameLength) {
        if (frameLength <= 0) throw new IllegalArgumentException("frameLength must be > 0, got " + frameLength);
        float[] x = clip.samples();
        int frames = (x.length + frameLength - 1) / frameLength;
        double[] energy = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            int a = f * frameLength, b = Math.min(x.length, a + frameLength);
            double e = 0;
            for (int i = a; i < b; i++) e += (double) x[i] * x[i];
            energy[f] = e / (b - a);
            max = Math.max(max, energy[f]);
        }
        if (max == 0) return clip.slice(0, 0);
        double limit = max * Math.pow(10, thresholdDb / 10);   // energies, so dB/10
        int first = 0, last = frames - 1;
        while (first < frames && energy[first] < limit) first++;
        while (last > first && energy[last] < limit) last--;
        int from = Math.max(0, (first - 1) * frameLength);
        int to = Math.min(x.length, (last + 2) * frameLength);
        return clip.slice(from, to);
    }

    /**
     * Cuts a clip into chunks of {@code length} samples advancing by {@code hop}. The last chunk
     * is zero-padded to full length if it holds at least {@code minLength} real samples, else dropped.
     */
    public static List<AudioClip> chunk(AudioClip clip, int length, int hop, int minLength) {
        if (length <= 0 || hop <= 0) throw new IllegalArgumentException("length and hop must be > 0");
        float[] x = clip.samples();
        List<AudioClip> out = new ArrayList<>();
        for (int start = 0; start < x.length; start += hop) {
            int real = Math.min(length, x.length - start);
            if (real < length && real < minLength) break;
            float[] c = new float[length];
            System.arraycopy(x, start, c, 0, real);
            out.add(new AudioClip(c, clip.sampleRate()));
            if (start + length >= x.length) break;
        }
        return out;
    }
}
