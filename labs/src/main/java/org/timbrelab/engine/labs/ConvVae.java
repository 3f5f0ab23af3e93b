package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.timbrelab.engine.nn.Activation;
import org.timbrelab.engine.nn.Chain;
import org.timbrelab.engine.nn.Conv;
import org.timbrelab.engine.nn.ConvNormAct;
import org.timbrelab.engine.nn.ConvSpec;
import org.timbrelab.engine.nn.Padding;
import org.timbrelab.engine.nn.Upsample;
import org.timbrelab.engine.train.NamedParameters;

/**
 * Lab 1's convolutional VAE for 28×28 digits (c = base channels, L = latent size):
 * <pre>
 *   encoder: 4×4/2 conv 1→c (14×14) → 4×4/2 conv c→2c (7×7), LeakyReLU → linear → (μ, log σ²) ∈ R^L × R^L
 *   decoder: linear L→2c·7·7, ReLU → up×2 + 3×3 conv 2c→c (14×14) → up×2 + 3×3 conv c→c/2 (28×28) → 3×3 conv → 1 logit/pixel
 * </pre>
 * Up-sampling is nearest ×2 + conv (the PyTorch engine has no transposed convolution). The
 * decoder outputs logits; {@code sigmoid(logits)} are pixel intensities.
 */
public final class ConvVae {

    public static final int SIZE = 28;

    private final int latent;
    private final int channels;
    private final Chain encoder;
    private final Linear encoderHead;
    private final Linear decoderHead;
    private final Chain decoder;
    private final ParameterStore store;

    public ConvVae(NDManager manager, int latent, int channels) {
        if (channels < 2 || channels % 2 != 0) throw new IllegalArgumentException("channels must be even and >= 2 (got " + channels + ")");
        this.latent = latent;
        this.channels = channels;
        int c = channels;
        encoder = new Chain()
                .add("down1", ConvNormAct.downsample(1, c, Padding.ZERO, false, Activation.LEAKY_RELU))
                .add("down2", ConvNormAct.downsample(c, 2 * c, Padding.ZERO, false, Activation.LEAKY_RELU));
        encoder.initialize(manager);
        encoderHead = Linear.builder().setUnits(2L * latent).build();
        encoderHead.initialize(manager, DataType.FLOAT32, new Shape(1, 2L * c * 49));
        decoderHead = Linear.builder().setUnits(2L * c * 49).build();
        decoderHead.initialize(manager, DataType.FLOAT32, new Shape(1, latent));
        decoder = new Chain()
                .add("up1", new Upsample(2 * c, c, Padding.ZERO))
                .add("up2", new Upsample(c, c / 2, Padding.ZERO))
                .add("out", new Conv(ConvSpec.same(c / 2, 1, 3, Padding.ZERO)));
        decoder.initialize(manager);
        store = new ParameterStore(manager, false);
    }

    public int latent() {
        return latent;
    }

    /** Every parameter under stable names (the checkpoint keys). */
    public NamedParameters parameters() {
        return NamedParameters.concat(NamedParameters.of("enc", encoder), NamedParameters.of("encHead", encoderHead),
                NamedParameters.of("decHead", decoderHead), NamedParameters.of("dec", decoder));
    }

    /** (B, 1, 28, 28) in [0, 1] → (μ, log σ²), each (B, L). */
    public NDArray[] encode(NDArray x) {
        NDArray h = encoder.forward(x);
        h = h.reshape(h.getShape().get(0), -1);
        NDArray out = encoderHead.forward(store, new NDList(h), true).singletonOrThrow();
        return new NDArray[] {out.get(":, :" + latent), out.get(":, " + latent + ":")};
    }

    /** (B, L) → logits (B, 1, 28, 28). */
    public NDArray decode(NDArray z) {
        NDArray h = decoderHead.forward(store, new NDList(z), true).singletonOrThrow();
        h = ai.djl.nn.Activation.relu(h).reshape(z.getShape().get(0), 2L * channels, 7, 7);
        return decoder.forward(h);
    }

    /** Multiply-adds of one forward pass (encode + decode) for one image, counted layer by layer. */
    public long forwardMacsPerImage() {
        long c = channels;
        long macs = 0;
        macs += 1 * c * 16 * 14 * 14;            // down1, 4×4, 14×14 outputs
        macs += c * 2 * c * 16 * 7 * 7;          // down2
        macs += 2 * c * 49 * 2L * latent;        // encoder head
        macs += (long) latent * 2 * c * 49;      // decoder head
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
