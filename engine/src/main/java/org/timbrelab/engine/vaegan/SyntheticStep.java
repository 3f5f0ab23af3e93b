package org.timbrelab.engine.vaegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.engine.train.Adam;
import org.timbrelab.engine.train.AdamConfig;
import org.timbrelab.engine.train.Gradients;
import org.timbrelab.engine.train.NamedParameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The shipped recipe's training step (slim model sizes, pitch comb, affine norms, Adam on both sides) on random crops,
 * to time: a step's cost does not depend on the values. {@code bench train} measures it against the PyTorch reference,
 * and the app's training wizard runs a few to estimate a run on this machine before it starts.
 */
public final class SyntheticStep implements AutoCloseable {
    public static final int MELS = 128;
    private final NDManager manager = NDManager.newBaseManager();
    private final int domains, batch, crop;
    private final VaeGanStep step;
    private final Adam optG, optD;
    private final Optimisers optimisers;
    private final Random rng = new Random(1);

    /**
     * @param domains      timbre domains (≥ 2)
     * @param baseChannels the model's base width (16 = the slim model every shipped preset uses)
     * @param batch        crops per domain per step
     * @param crop         frames per crop (a multiple of 4)
     * @param fused        the layers use {@link org.timbrelab.engine.nn.Kernels#FUSED} ops (new models), else the split
     *                     ones the shipped presets were trained with
     */
    public SyntheticStep(int domains, int baseChannels, int batch, int crop, boolean fused) {
        this(domains, baseChannels, batch, crop, fused, java.util.Collections.nCopies(domains, LossWeights.REFERENCE), TransferPairs.NO_HUB);
    }

    /**
     * A recipe's step with its own terms: the loss weights of the transfers into each domain and the hub, as
     * {@link org.timbrelab.engine.vaegan.training.VaeGanTrainConfig#lossesPerDomain()} and {@code hubIndex()} give
     * them (the optional terms cost time too: the training wizard times the recipe it will run).
     */
    public SyntheticStep(int domains, int baseChannels, int batch, int crop, boolean fused, List<LossWeights> perTarget, int hub) {
        if (domains < 2) throw new IllegalArgumentException("a VAE-GAN step needs >= 2 domains, got " + domains);
        this.domains = domains;
        this.batch = batch;
        this.crop = crop;
        Engine.getInstance().setRandomSeed(1);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < domains; i++) names.add("d" + i);
        VaeGan model = new VaeGan(new VaeGanConfig(names, MELS, baseChannels, 3, 1, 2, 16, 3, true, true, fused));
        model.initialize(manager);
        NamedParameters g = NamedParameters.of("g", model.generatorSide()), d = NamedParameters.of("d", model.discriminatorSide());
        AdamConfig adam = new AdamConfig(2e-4, 0.5, 0.999, 1e-8, 50);
        optG = new Adam("optG", adam, g);
        optD = new Adam("optD", adam, d);
        optimisers = new Optimisers() {
            @Override public void zeroAllGradients() { Gradients.zero(g, d); }
            @Override public void stepGenerators() { optG.step(); }
            @Override public void stepDiscriminators() { optD.step(); }
        };
        step = new VaeGanStep(model, perTarget, hub);
    }

    /** One step; everything it makes is freed before it returns. Returns L_G. */
    public float run() {
        try (NDManager sm = manager.newSubManager()) {
            List<NDArray> x = new ArrayList<>(), comb = new ArrayList<>();
            for (int i = 0; i < domains; i++) {
                x.add(sm.randomUniform(-1, 1, new Shape(batch, 1, MELS, crop)));
                comb.add(sm.randomUniform(0, 1, new Shape(batch, 1, MELS, crop)));
            }
            return step.run(x, comb, rng, optimisers).get("L_G");
        }
    }

    @Override public void close() {
        optG.close();
        optD.close();
        manager.close();
    }
}
