package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import org.timbrelab.engine.nn.Chain;
import org.timbrelab.engine.train.NamedParameters;

/**
 * A VAE with a vector latent, the shape labs 1 and 4 share: a convolutional encoder, flattened, → linear → (μ, log σ²);
 * z → linear → ReLU → the decoder's first feature map → a convolutional decoder. The subclasses choose the convolutions
 * and what the decoder's raw output means (logits, or tanh'd log-mel values).
 */
public abstract class VectorVae {

    private final int latent;
    private final Chain encoder;
    private final Linear encoderHead;
    private final Linear decoderHead;
    private final Chain decoder;
    private final Shape map;
    private final ParameterStore store;

    /**
     * Initialises the parts in a fixed order (encoder, its head, the decoder's head, decoder), so a seeded run draws the
     * same starting weights.
     *
     * @param map the decoder's first feature map (channels, height, width), also what the encoder's last one flattens from
     */
    protected VectorVae(NDManager manager, int latent, Chain encoder, Chain decoder, Shape map) {
        this.latent = latent;
        this.encoder = encoder;
        this.decoder = decoder;
        this.map = map;
        encoder.initialize(manager);
        encoderHead = Linear.builder().setUnits(2L * latent).build();
        encoderHead.initialize(manager, DataType.FLOAT32, new Shape(1, map.size()));
        decoderHead = Linear.builder().setUnits(map.size()).build();
        decoderHead.initialize(manager, DataType.FLOAT32, new Shape(1, latent));
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

    /** (B, 1, H, W) → (μ, log σ²), each (B, L). */
    public NDArray[] encode(NDArray x) {
        NDArray h = encoder.forward(x);
        h = h.reshape(h.getShape().get(0), -1);
        NDArray out = encoderHead.forward(store, new NDList(h), true).singletonOrThrow();
        return new NDArray[] {out.get(":, :" + latent), out.get(":, " + latent + ":")};
    }

    /** (B, L) → the decoder's raw output (B, 1, H, W). */
    protected NDArray decodeRaw(NDArray z) {
        NDArray h = decoderHead.forward(store, new NDList(z), true).singletonOrThrow();
        h = ai.djl.nn.Activation.relu(h).reshape(z.getShape().get(0), map.get(0), map.get(1), map.get(2));
        return decoder.forward(h);
    }
}
