package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import org.timbrelab.engine.nn.Chain;
import org.timbrelab.engine.nn.Layer;
import org.timbrelab.engine.nn.Padding;
import org.timbrelab.engine.nn.PatchGan;
import org.timbrelab.engine.nn.PatchGanConfig;
import org.timbrelab.engine.nn.ResidualBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole model: {@link #generatorSide()} (encoder E, shared block, generators G_k — optimised
 * together) and {@link #discriminatorSide()} (one PatchGAN D_k per domain). Every parameter
 * appears exactly once in {@link #getParameters()}.
 */
public final class VaeGan extends Layer {
    private final VaeGanConfig config;
    private final GeneratorSide g;
    private final DiscriminatorSide d;

    public VaeGan(VaeGanConfig config) {
        this.config = config;
        this.g = addChildBlock("g", new GeneratorSide(config));
        this.d = addChildBlock("d", new DiscriminatorSide(config));
    }

    public VaeGanConfig config() { return config; }

    public Encoder encoder() { return g.encoder; }

    public Generator generator(int domain) { return g.generators.get(domain); }

    public PatchGan discriminator(int domain) { return d.discriminators.get(domain); }

    public Layer generatorSide() { return g; }

    public Layer discriminatorSide() { return d; }

    /** μ = E(x): the deterministic latent (inference never samples). */
    @Override
    public NDArray forward(NDArray x) { return g.encoder.forward(x); }

    @Override
    public Shape outputShape(Shape in) { return g.encoder.outputShape(in); }

    /** E + shared + every G_k. */
    public static final class GeneratorSide extends Layer {
        private final Encoder encoder;
        private final List<Generator> generators = new ArrayList<>();

        GeneratorSide(VaeGanConfig cfg) {
            encoder = addChildBlock("enc", new Encoder(cfg));
            Chain shared = new Chain();
            for (int i = 0; i < cfg.sharedResBlocks(); i++) shared.add("res" + i, new ResidualBlock(cfg.latentChannels(), Padding.ZERO, cfg.affineNorm(), cfg.kernels()));
            addChildBlock("shared", shared);
            for (String domain : cfg.domains()) generators.add(addChildBlock("gen_" + domain, new Generator(cfg, shared)));
        }

        @Override public NDArray forward(NDArray x) { return encoder.forward(x); }

        @Override public Shape outputShape(Shape in) { return encoder.outputShape(in); }
    }

    /** Every D_k. */
    public static final class DiscriminatorSide extends Layer {
        private final List<PatchGan> discriminators = new ArrayList<>();

        DiscriminatorSide(VaeGanConfig cfg) {
            for (String domain : cfg.domains()) {
                discriminators.add(addChildBlock("disc_" + domain,
                        new PatchGan(new PatchGanConfig(1, cfg.discBaseChannels(), cfg.discDownsamples()))));
            }
        }

        @Override public NDArray forward(NDArray x) { return discriminators.get(0).forward(x); }

        @Override public Shape outputShape(Shape in) { return discriminators.get(0).outputShape(in); }
    }

    /** Parameters of one side, for an optimiser. */
    public static List<Parameter> parametersOf(Layer side) { return side.uniqueParameters(); }
}
