package org.timbrelab.engine.infer;

import org.timbrelab.dsp.AudioClip;

/**
 * What a conversion input gets before analysis: its DC offset removed (a constant level is not
 * sound, and would otherwise come out as a loud low tone), and a measure of its level to tell
 * silence from sound.
 */
public final class InputAudio {
    /** Peak below which a clip counts as silent: −80 dBFS (a 16-bit file's smallest step is −90 dBFS). */
    public static final double SILENT_PEAK = 1e-4;

    private InputAudio() { }

    /** A clip's level: peak and RMS around its mean, and the mean itself (its DC offset). */
    public record Level(double peak, double rms, double dcOffset) {
        public boolean silent() { return !(peak >= SILENT_PEAK); }

        public double peakDbfs() { return 20 * Math.log10(Math.max(peak, 1e-12)); }
    }

    /** The level of {@code clip} once its DC offset is removed. */
    public static Level level(AudioClip clip) {
        float[] x = clip.samples();
        double mean = mean(x), peak = 0, sum = 0;
        for (float v : x) {
            double d = v - mean;
            peak = Math.max(peak, Math.abs(d));
            sum += d * d;
        }
        return new Level(peak, x.length == 0 ? 0 : Math.sqrt(sum / x.length), mean);
    }

    /** Corner of the DC blocker, Hz: far below any voice or instrument fundamental (the spectrogram starts at 40 Hz). */
    static final double DC_CORNER_HZ = 10;

    /**
     * The clip through a one-pole DC blocker (y[n] = x[n] − x[n−1] + a·y[n−1], corner {@value #DC_CORNER_HZ} Hz): an offset
     * goes, digital silence stays silence. Subtracting the clip's mean would turn its silent stretches into a constant
     * the model hears as a low band (−61 dB for a TTS clip whose mean is 0.0009). The same clip when it is all zeros.
     */
    public static AudioClip withoutDc(AudioClip clip) {
        float[] x = clip.samples();
        if (mean(x) == 0 && allZero(x)) return clip;
        double a = Math.exp(-2 * Math.PI * DC_CORNER_HZ / clip.sampleRate());
        float[] y = new float[x.length];
        double prevX = x.length == 0 ? 0 : x[0], prevY = 0;   // starting from x[0] keeps an offset from becoming a step
        for (int i = 0; i < x.length; i++) {
            prevY = x[i] - prevX + a * prevY;
            prevX = x[i];
            y[i] = (float) prevY;
        }
        return new AudioClip(y, clip.sampleRate());
    }

    private static boolean allZero(float[] x) {
        for (float v : x) if (v != 0) return false;
        return true;
    }

    private static double mean(float[] x) {
        double s = 0;
        for (float v : x) s += v;
        return x.length == 0 ? 0 : s / x.length;
    }
}
