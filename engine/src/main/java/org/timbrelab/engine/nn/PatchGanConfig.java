package org.timbrelab.engine.nn;

/**
 * PatchGAN size: {@code downsamples} stride-2 4×4 convs from {@code baseChannels} doubling each
 * time, then a 3×3 conv to {@code scores} values per patch (1 for a real/fake score, n for a
 * classifier's logits over n classes).
 */
public record PatchGanConfig(int inChannels, int baseChannels, int downsamples, int scores) {
    public PatchGanConfig(int inChannels, int baseChannels, int downsamples) { this(inChannels, baseChannels, downsamples, 1); }

    public PatchGanConfig {
        if (inChannels <= 0 || baseChannels <= 0) throw new IllegalArgumentException("channels must be > 0");
        if (downsamples < 1 || downsamples > 6) throw new IllegalArgumentException("downsamples must be 1..6, got " + downsamples);
        if (scores < 1) throw new IllegalArgumentException("scores per patch must be >= 1, got " + scores);
    }
}
