package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.nn.Activation;
import org.timbrelab.engine.nn.Chain;
import org.timbrelab.engine.nn.Conv;
import org.timbrelab.engine.nn.ConvNormAct;
import org.timbrelab.engine.nn.ConvSpec;
import org.timbrelab.engine.nn.Padding;
import org.timbrelab.engine.nn.Upsample;

/**
 * Lab 4's VAE over log-mel crops (1 × M mels × T frames, values in [−1, 1]), c = base channels:
 * <pre>
 *   encoder: three 4×4/2 convs 1→c→2c→4c (M/8 × T/8), LeakyReLU → linear → (μ, log σ²) ∈ R^L × R^L
 *   decoder: linear → 4c × M/8 × T/8, ReLU → three (up×2 + 3×3 conv): 4c→2c→c→c/2 → 3×3 conv → tanh
 * </pre>
 * A vector latent (not a latent map) so each note is one point for the PCA plots.
 */
public final class SpectralVae extends VectorVae {

    private final int channels;
    private final int mels;
    private final int frames;

    public SpectralVae(NDManager manager, int mels, int frames, int latent, int channels) {
        super(manager, latent, encoder(checked(mels, frames, channels)), decoder(channels), new Shape(4L * channels, mels / 8, frames / 8));
        this.channels = channels;
        this.mels = mels;
        this.frames = frames;
    }

    private static int checked(int mels, int frames, int channels) {
        if (mels % 8 != 0 || frames % 8 != 0) throw new IllegalArgumentException("mels and crop frames must be multiples of 8 (got " + mels + ", " + frames + ")");
        if (channels < 2 || channels % 2 != 0) throw new IllegalArgumentException("channels must be even and >= 2 (got " + channels + ")");
        return channels;
    }

    private static Chain encoder(int c) {
        return new Chain()
                .add("down1", ConvNormAct.downsample(1, c, Padding.ZERO, false, Activation.LEAKY_RELU))
                .add("down2", ConvNormAct.downsample(c, 2 * c, Padding.ZERO, false, Activation.LEAKY_RELU))
                .add("down3", ConvNormAct.downsample(2 * c, 4 * c, Padding.ZERO, false, Activation.LEAKY_RELU));
    }

    private static Chain decoder(int c) {
        return new Chain()
                .add("up1", new Upsample(4 * c, 2 * c, Padding.ZERO))
                .add("up2", new Upsample(2 * c, c, Padding.ZERO))
                .add("up3", new Upsample(c, c / 2, Padding.ZERO))
                .add("out", new Conv(ConvSpec.same(c / 2, 1, 3, Padding.ZERO)));
    }

    private long bottleneck() {
        return 4L * channels * (mels / 8) * (frames / 8);
    }

    public int frames() {
        return frames;
    }

    public int mels() {
        return mels;
    }

    /** (B, L) → (B, 1, M, T) in [−1, 1]. */
    public NDArray decode(NDArray z) {
        return decodeRaw(z).tanh();
    }

    /** Multiply-adds of encode + decode for one crop, layer by layer. */
    public long forwardMacsPerCrop() {
        long c = channels;
        long px1 = (long) (mels / 2) * (frames / 2), px2 = px1 / 4, px3 = px2 / 4;
        long macs = c * 16 * px1 + c * 2 * c * 16 * px2 + 2 * c * 4 * c * 16 * px3;   // encoder convs
        macs += bottleneck() * 2L * latent() + (long) latent() * bottleneck();           // heads
        macs += 4 * c * 2 * c * 9 * px2 + 2 * c * c * 9 * px1 + c * (c / 2) * 9 * (px1 * 4); // up1..up3 at their outputs
        macs += (c / 2) * 9 * (px1 * 4);                                                 // out conv
        return macs;
    }
}
