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
 * Lab 1's convolutional VAE for 28×28 digits (c = base channels, L = latent size):
 * <pre>
 *   encoder: 4×4/2 conv 1→c (14×14) → 4×4/2 conv c→2c (7×7), LeakyReLU → linear → (μ, log σ²) ∈ R^L × R^L
 *   decoder: linear L→2c·7·7, ReLU → up×2 + 3×3 conv 2c→c (14×14) → up×2 + 3×3 conv c→c/2 (28×28) → 3×3 conv → 1 logit/pixel
 * </pre>
 * Up-sampling is nearest ×2 + conv (the PyTorch engine has no transposed convolution). The
 * decoder outputs logits; {@code sigmoid(logits)} are pixel intensities.
 */
public final class ConvVae extends VectorVae {

    public static final int SIZE = 28;

    private final int channels;

    public ConvVae(NDManager manager, int latent, int channels) {
        super(manager, latent, encoder(requireEven(channels)), decoder(channels), new Shape(2L * channels, 7, 7));
        this.channels = channels;
    }

    private static int requireEven(int channels) {
        if (channels < 2 || channels % 2 != 0) throw new IllegalArgumentException("channels must be even and >= 2 (got " + channels + ")");
        return channels;
    }

    private static Chain encoder(int c) {
        return new Chain()
                .add("down1", ConvNormAct.downsample(1, c, Padding.ZERO, false, Activation.LEAKY_RELU))
                .add("down2", ConvNormAct.downsample(c, 2 * c, Padding.ZERO, false, Activation.LEAKY_RELU));
    }

    private static Chain decoder(int c) {
        return new Chain()
                .add("up1", new Upsample(2 * c, c, Padding.ZERO))
                .add("up2", new Upsample(c, c / 2, Padding.ZERO))
                .add("out", new Conv(ConvSpec.same(c / 2, 1, 3, Padding.ZERO)));
    }

    /** (B, L) → logits (B, 1, 28, 28). */
    public NDArray decode(NDArray z) {
        return decodeRaw(z);
    }

    /** Multiply-adds of one forward pass (encode + decode) for one image, counted layer by layer. */
    public long forwardMacsPerImage() {
        long c = channels;
        long macs = 0;
        macs += 1 * c * 16 * 14 * 14;            // down1, 4×4, 14×14 outputs
        macs += c * 2 * c * 16 * 7 * 7;          // down2
        macs += 2 * c * 49 * 2L * latent();      // encoder head
        macs += (long) latent() * 2 * c * 49;    // decoder head
        macs += 2 * c * c * 9 * 14 * 14;         // up1
        macs += c * (c / 2) * 9 * 28 * 28;       // up2
        macs += (c / 2) * 9 * 28 * 28;           // out
        return macs;
    }

    /**
     * Estimated FLOPs of one training step: forward 2·MACs, backward ≈ twice the forward
     * (gradients w.r.t. inputs and weights), so ≈ 6·MACs per image.
     */
    public double trainFlopsPerStep(int batch) {
        return 6.0 * forwardMacsPerImage() * batch;
    }
}
