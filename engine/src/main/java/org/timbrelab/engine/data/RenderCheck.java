package org.timbrelab.engine.data;

/** Whether a rendered clip is usable: not silent (the soundfont cannot play that note) and not clipped. */
public enum RenderCheck {
    OK, SILENT, CLIPPED;

    /** RMS below -60 dBFS over the sounding part counts as silent. */
    static final double SILENT_RMS = 1e-3;
    /** Any sample at or beyond this magnitude counts as clipped (16-bit WAV would saturate). */
    static final double CLIP_LEVEL = 0.999;

    /** Checks samples [0, soundingEnd) for silence and the whole clip for clipping. */
    public static RenderCheck of(float[] x, int soundingEnd) {
        double sum = 0;
        float peak = 0;
        for (int i = 0; i < x.length; i++) {
            float a = Math.abs(x[i]);
            if (a > peak) peak = a;
            if (i < soundingEnd) sum += (double) x[i] * x[i];
        }
        if (peak >= CLIP_LEVEL) return CLIPPED;
        return Math.sqrt(sum / Math.max(1, soundingEnd)) < SILENT_RMS ? SILENT : OK;
    }
}
