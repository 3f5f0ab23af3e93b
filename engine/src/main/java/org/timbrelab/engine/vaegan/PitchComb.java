package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import org.timbrelab.dsp.MelScale;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.function.DoubleUnaryOperator;

/**
 * The harmonic comb image of pitch conditioning (docs/ARCHITECTURE.md, "The model"): for each voiced frame, Gaussian bumps (σ = 0.8 mel bins)
 * at the mel positions of h·f0 for h = 1…⌊7900 / f0⌋, values in [0, 1]; unvoiced frames are zero.
 * Layout is bin-major (bins × frames), like {@link org.timbrelab.dsp.Spectrogram}, so it stacks
 * under a spectrogram image as a second (N, 1, H, W) input.
 */
public final class PitchComb {
    public static final double SIGMA_BINS = 0.8;
    public static final double MAX_HARMONIC_HZ = 7900;

    private PitchComb() { }

    /**
     * Comb image for {@code frames} frames from a per-frame f0 track (Hz; ≤ 0 or non-finite means
     * unvoiced). A track longer than {@code frames} is cut, a shorter one is treated as unvoiced at the end.
     */
    public static float[] image(float[] f0Hz, int frames, SpectrogramConfig cfg) {
        int bins = cfg.nMels();
        float[] out = new float[bins * frames];
        DoubleUnaryOperator band = MelScale.bandOf(cfg);
        int reach = (int) Math.ceil(4 * SIGMA_BINS);
        for (int t = 0; t < Math.min(frames, f0Hz.length); t++) {
            double f0 = f0Hz[t];
            if (!(f0 > 0) || !Double.isFinite(f0)) continue;
            for (int h = 1; h * f0 <= MAX_HARMONIC_HZ; h++) {
                double pos = band.applyAsDouble(h * f0);
                int lo = Math.max(0, (int) Math.floor(pos) - reach);
                int hi = Math.min(bins - 1, (int) Math.ceil(pos) + reach);
                for (int b = lo; b <= hi; b++) {
                    double d = (b - pos) / SIGMA_BINS;
                    float v = (float) Math.exp(-0.5 * d * d);
                    int i = b * frames + t;
                    if (v > out[i]) out[i] = v;
                }
            }
        }
        return out;
    }

    /**
     * The f0 track with its short unvoiced gaps filled: a run of at most {@code maxGap} unvoiced frames with a voiced frame
     * on each side gets the pitch glided between those two (geometrically, so a gap between two notes glides in
     * semitones); longer runs and runs at either end stay unvoiced. A player holds the note through a word's consonants
     * and rests in its pauses; a comb that stops at every consonant asks the generator for something there it has no
     * pitch for. {@code maxGap} 0 returns the track as it is.
     */
    public static float[] bridged(float[] f0Hz, int maxGap) {
        if (maxGap < 0) throw new IllegalArgumentException("maxGap must be >= 0, got " + maxGap);
        float[] out = f0Hz.clone();
        if (maxGap == 0) return out;
        int last = -1; // the last voiced frame seen
        for (int t = 0; t < out.length; t++) {
            if (!voiced(out[t])) continue;
            int gap = t - last - 1;
            if (last >= 0 && gap > 0 && gap <= maxGap) {
                double from = Math.log(out[last]), to = Math.log(out[t]);
                for (int g = 1; g <= gap; g++) out[last + g] = (float) Math.exp(from + (to - from) * g / (gap + 1));
            }
            last = t;
        }
        return out;
    }

    private static boolean voiced(float f0) { return f0 > 0 && Float.isFinite(f0); }

    /** Average-pools (N, 1, H, W) combs by {@code factor} to meet the generator's 1/2 and 1/4 resolution features. */
    public static NDArray downsample(NDArray comb, int factor) {
        if (factor == 1) return comb;
        Shape k = new Shape(factor, factor);
        return Pool.avgPool2d(comb, k, k, new Shape(0, 0), false, true);
    }
}
