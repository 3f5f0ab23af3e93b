package org.timbrelab.engine.labs;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.timbrelab.engine.data.digits.DigitSet;
import org.timbrelab.engine.train.Adam;
import org.timbrelab.engine.train.AdamConfig;
import org.timbrelab.engine.train.CheckpointData;
import org.timbrelab.engine.train.NamedParameters;
import org.timbrelab.engine.train.TrainingRecipe;
import org.timbrelab.engine.nn.Scalars;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Lab 1's training step. With x a batch, (μ, log σ²) = E(x), z = μ + σ·ε, logits = D(z):
 * <pre>
 *   L_rec = Σ_pixels BCE(sigmoid(logits), x)         (per image, mean over the batch)
 *   KL    = ½ Σ_latent (μ² + σ² − 1 − log σ²)
 *   L     = L_rec + β·KL,   β = min(1, step / betaWarmupSteps)
 * </pre>
 */
public final class VaeDigitsRecipe implements TrainingRecipe {

    private final VaeDigitsConfig config;
    private final ConvVae vae;
    private final NamedParameters params;
    private final Adam adam;
    private final DigitSet train;
    private final DigitSet test;
    private final Random random = new Random();

    public VaeDigitsRecipe(VaeDigitsConfig config, NDManager manager, DigitSet all) {
        this.config = config;
        DigitSet[] split = all.split(config.data().testFraction());
        this.train = split[0];
        this.test = split[1];
        if (train.size() != ConvVae.SIZE) throw new IllegalArgumentException("digits are " + train.size() + " px; Lab 1 needs 28x28");
        this.vae = new ConvVae(manager, config.vae().latent(), config.vae().channels());
        this.params = vae.parameters();
        this.adam = new Adam("adam", AdamConfig.of(config.vae().lr()), params);
    }

    public ConvVae model() {
        return vae;
    }

    public DigitSet trainSet() {
        return train;
    }

    public DigitSet testSet() {
        return test;
    }

    public VaeDigitsConfig config() {
        return config;
    }

    /** β of step {@code step} (zero-based): linear warm-up from 0 to 1. */
    public double beta(long step) {
        long w = config.vae().betaWarmupSteps();
        return w == 0 ? 1 : Math.min(1.0, (double) step / w);
    }

    @Override public void reseed(long stepSeed) {
        random.setSeed(stepSeed);
    }

    @Override public Map<String, Float> step(NDManager sm, long step) {
        int[] idx = new int[config.vae().batch()];
        for (int i = 0; i < idx.length; i++) idx[i] = random.nextInt(train.count());
        NDArray x = train.batch(sm, idx);
        float beta = (float) beta(step);
        Map<String, Float> out = new LinkedHashMap<>();
        adam.zeroGradients();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            Terms t = terms(sm, x, true);
            NDArray loss = t.bce.add(Scalars.mul(t.kl, beta));
            gc.backward(loss);
            out.put("loss", loss.getFloat());
            out.put("bce", t.bce.getFloat());
            out.put("kl", t.kl.getFloat());
        }
        adam.step();
        out.put("beta", beta);
        return out;
    }

    /** Mean per-image BCE (nats) and KL of a batch; z sampled when {@code sample}, else z = μ. */
    public record Terms(NDArray bce, NDArray kl) { }

    public Terms terms(NDManager sm, NDArray x, boolean sample) {
        NDArray[] enc = vae.encode(x);
        NDArray mu = enc[0], logVar = enc[1];
        NDArray z = mu;
        if (sample) {
            NDArray eps = sm.randomNormal(0, 1, mu.getShape(), DataType.FLOAT32);
            z = mu.add(Scalars.mul(logVar, 0.5).exp().mul(eps));
        }
        NDArray logits = vae.decode(z);
        return new Terms(bceWithLogits(logits, x).sum(new int[] {1, 2, 3}).mean(),
                Scalars.mul(mu.square().add(logVar.exp()).sub(1).sub(logVar).sum(new int[] {1}), 0.5).mean());
    }

    /** Element-wise BCE from logits l and targets x, stable for large |l|: max(l,0) − l·x + log(1 + e^−|l|). */
    static NDArray bceWithLogits(NDArray logits, NDArray x) {
        return Scalars.maximum(logits, 0).sub(logits.mul(x)).add(logits.abs().neg().exp().add(1f).log());
    }

    @Override public void saveState(CheckpointData out) {
        params.saveTo(out);
        adam.saveTo(out);
    }

    @Override public void loadState(CheckpointData in) {
        params.loadFrom(in);
        adam.loadFrom(in);
    }

    @Override public void close() {
        adam.close();
    }
}
