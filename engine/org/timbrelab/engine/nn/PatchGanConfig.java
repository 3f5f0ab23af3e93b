package org.timbrelab.engine.nn;

/**
 * PatchGAN size: {@code downsamples} stride-2 4×4 convs from {@code baseChannels} doubling each
 * time, then a 3×3 conv to one score per patch.
 */
public record PatchGanConfig(int inChannels, int baseChannels, int downsamples) {
    public PatchGanConfig {
        if (inChannels <= 0 || baseChannels <= 0) throw new IllegalArgumentException("channels must be > 0");
        if (downsamples < 1 || downsamples > 6) throw new IllegalArgumentException("downsamples must be 1..6, got " + downsamples);
    }
}
