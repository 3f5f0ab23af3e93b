package org.timbrelab.engine.infer;

import java.util.Arrays;

/**
 * A clip's latent map μ = E(x): {@code channels} × {@code bins} × {@code frames} values, laid out
 * as a (C, F, T) tensor (channel-major, then bin, then frame). One latent frame covers 4
 * spectrogram frames; the map covers the window grid, {@code spectrogramFrames} of which are the clip.
 *
 * @param f0Hz  per spectrogram frame, the (register-shifted) input's f0 (0 = unvoiced), for pitch-conditioned decoding
 * @param octaveShift the register shift the clip was encoded with
 */
public record Latent(float[] values, int channels, int bins, int frames, int spectrogramFrames, float[] f0Hz, int octaveShift) {

    public Latent {
        if (values.length != channels * bins * frames)
            throw new IllegalArgumentException("latent has " + values.length + " values, expected " + channels + "x" + bins + "x" + frames);
        if (spectrogramFrames > frames * 4) throw new IllegalArgumentException("latent of " + frames + " frames cannot cover " + spectrogramFrames + " spectrogram frames");
    }

    public float get(int c, int f, int t) { return values[(c * bins + f) * frames + t]; }

    /**
     * The clip's point for the latent scatter (docs/ARCHITECTURE.md, "The preset format"): the map averaged over the time frames
     * that belong to the clip, a C·F vector.
     */
    public float[] timeAverage() {
        int used = Math.max(1, Math.min(frames, (spectrogramFrames + 3) / 4));
        float[] out = new float[channels * bins];
        for (int cf = 0; cf < out.length; cf++) {
            double s = 0;
            for (int t = 0; t < used; t++) s += values[cf * frames + t];
            out[cf] = (float) (s / used);
        }
        return out;
    }

    /** The same map with every (c, f) row moved by {@code offset[c·F + f]} (the scatter's drag). */
    public Latent shifted(float[] offset) {
        if (offset.length != channels * bins) throw new IllegalArgumentException("offset has " + offset.length + " values, expected " + channels * bins);
        float[] v = values.clone();
        for (int cf = 0; cf < offset.length; cf++) for (int t = 0; t < frames; t++) v[cf * frames + t] += offset[cf];
        return new Latent(v, channels, bins, frames, spectrogramFrames, f0Hz, octaveShift);
    }

    /** Linear resampling along time to {@code newFrames} latent frames (for A↔B interpolation of unequal lengths). */
    public float[] resampledValues(int newFrames) {
        if (newFrames == frames) return values.clone();
        float[] out = new float[channels * bins * newFrames];
        for (int cf = 0; cf < channels * bins; cf++) {
            for (int t = 0; t < newFrames; t++) {
                double src = newFrames == 1 ? 0 : t * (frames - 1) / (double) (newFrames - 1);
                int i = Math.min(frames - 1, (int) src);
                int j = Math.min(frames - 1, i + 1);
                double f = src - i;
                out[cf * newFrames + t] = (float) ((1 - f) * values[cf * frames + i] + f * values[cf * frames + j]);
            }
        }
        return out;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Latent l && l.channels == channels && l.bins == bins && l.frames == frames
                && l.spectrogramFrames == spectrogramFrames && l.octaveShift == octaveShift
                && Arrays.equals(l.values, values) && Arrays.equals(l.f0Hz, f0Hz);
    }

    @Override public int hashCode() { return Arrays.hashCode(values); }

    @Override public String toString() { return "Latent[" + channels + "x" + bins + "x" + frames + ", shift " + octaveShift + "]"; }
}
