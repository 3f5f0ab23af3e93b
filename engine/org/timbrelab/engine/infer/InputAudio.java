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

    /** The clip minus its mean (the same clip when the mean is 0). */
    public static AudioClip withoutDc(AudioClip clip) {
        float[] x = clip.samples();
        double mean = mean(x);
        if (mean == 0) return clip;
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] - mean);
        return new AudioClip(y, clip.sampleRate());
    }

    private static double mean(float[] x) {
        double s = 0;
        for (float v : x) s += v;
        return x.length == 0 ? 0 : s / x.length;
    }
}
