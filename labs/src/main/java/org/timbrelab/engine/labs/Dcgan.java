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
 * DCGAN-style generator and discriminator for 28×28 digits in [−1, 1] (c = base channels):
 * <pre>
 *   G: z ∈ R^L → linear → 2c×7×7, ReLU → up×2 + 3×3 conv 2c→c (14) → up×2 + 3×3 conv c→c/2 (28) → 3×3 conv → tanh
 *   D: 4×4/2 conv 1→c (14), LeakyReLU → 4×4/2 conv c→2c (7), LeakyReLU → linear → one score
 * </pre>
 * Up-sampling is nearest ×2 + conv with instance norm (no transposed convolution in the
 * PyTorch engine); D has no normalisation, so the same D serves as a WGAN critic.
 */
public final class Dcgan {

    private final int latent;
    private final int channels;
    private final Linear gHead;
    private final Chain gBody;
    private final Chain dBody;
    private final Linear dHead;
    private final ParameterStore store;

    public Dcgan(NDManager manager, int latent, int channels) {
        if (channels < 2 || channels % 2 != 0) throw new IllegalArgumentException("channels must be even and >= 2 (got " + channels + ")");
        this.latent = latent;
        this.channels = channels;
        int c = channels;
        gHead = Linear.builder().setUnits(2L * c * 49).build();
        gHead.initialize(manager, DataType.FLOAT32, new Shape(1, latent));
        gBody = new Chain()
                .add("up1", new Upsample(2 * c, c, Padding.ZERO))
                .add("up2", new Upsample(c, c / 2, Padding.ZERO))
                .add("out", new Conv(ConvSpec.same(c / 2, 1, 3, Padding.ZERO)));
        gBody.initialize(manager);
        dBody = new Chain()
                .add("down1", ConvNormAct.downsample(1, c, Padding.ZERO, false, Activation.LEAKY_RELU))
                .add("down2", ConvNormAct.downsample(c, 2 * c, Padding.ZERO, false, Activation.LEAKY_RELU));
        dBody.initialize(manager);
        dHead = Linear.builder().setUnits(1).build();
        dHead.initialize(manager, DataType.FLOAT32, new Shape(1, 2L * c * 49));
        store = new ParameterStore(manager, false);
    }

    public int latent() {
        return latent;
    }

    public NamedParameters generatorParameters() {
        return NamedParameters.concat(NamedParameters.of("gHead", gHead), NamedParameters.of("g", gBody));
    }

    public NamedParameters discriminatorParameters() {
        return NamedParameters.concat(NamedParameters.of("d", dBody), NamedParameters.of("dHead", dHead));
    }

    /** (B, L) → images (B, 1, 28, 28) in [−1, 1]. */
    public NDArray generate(NDArray z) {
        NDArray h = gHead.forward(store, new NDList(z), true).singletonOrThrow();
        h = ai.djl.nn.Activation.relu(h).reshape(z.getShape().get(0), 2L * channels, 7, 7);
        return gBody.forward(h).tanh();
    }

    /** Images (B, 1, 28, 28) → raw scores (B). */
    public NDArray discriminate(NDArray x) {
        NDArray h = dBody.forward(x);
        h = h.reshape(h.getShape().get(0), -1);
        return dHead.forward(store, new NDList(h), true).singletonOrThrow().reshape(-1);
    }

    /** Multiply-adds of G and of D for one image, layer by layer. */
    public long[] forwardMacsPerImage() {
        long c = channels;
        long g = (long) latent * 2 * c * 49 + 2 * c * c * 9 * 14 * 14 + c * (c / 2) * 9 * 28 * 28 + (c / 2) * 9 * 28 * 28;
        long d = c * 16 * 14 * 14 + c * 2 * c * 16 * 7 * 7 + 2 * c * 49;
        return new long[] {g, d};
    }
}
