package org.timbrelab.engine.labs;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import org.timbrelab.engine.data.digits.DigitSet;
import org.timbrelab.engine.train.Adam;
import org.timbrelab.engine.train.AdamConfig;
import org.timbrelab.engine.train.CheckpointData;
import org.timbrelab.engine.train.Gradients;
import org.timbrelab.engine.train.NamedParameters;
import org.timbrelab.engine.train.TrainingRecipe;
import org.timbrelab.engine.nn.Scalars;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Lab 2's step: {@code critic} discriminator updates on real digits (scaled to [−1, 1]) against
 * detached fakes, then one generator update through D. Both gradient sets are zeroed before each
 * backward: the G pass also fills D's gradients.
 */
public final class GanDigitsRecipe implements TrainingRecipe {

    private final GanDigitsConfig config;
    private final Dcgan gan;
    private final NamedParameters gParams;
    private final NamedParameters dParams;
    private final Adam optG;
    private final Adam optD;
    private final DigitSet train;
    private final DigitSet test;
    private final Random random = new Random();

    public GanDigitsRecipe(GanDigitsConfig config, NDManager manager, DigitSet all) {
        this.config = config;
        DigitSet[] split = all.split(config.data().testFraction());
        train = split[0];
        test = split[1];
        if (train.size() != 28) throw new IllegalArgumentException("digits are " + train.size() + " px; Lab 2 needs 28x28");
        GanDigitsConfig.Gan g = config.gan();
        gan = new Dcgan(manager, g.latent(), g.channels());
        gParams = gan.generatorParameters();
        dParams = gan.discriminatorParameters();
        AdamConfig adam = new AdamConfig(g.lr(), g.beta1(), 0.999, 1e-8, 0);
        optG = new Adam("optG", adam, gParams);
        optD = new Adam("optD", adam, dParams);
    }

    public Dcgan model() {
        return gan;
    }

    public DigitSet trainSet() {
        return train;
    }

    public DigitSet testSet() {
        return test;
    }

    public GanDigitsConfig config() {
        return config;
    }

    @Override public void reseed(long stepSeed) {
        random.setSeed(stepSeed);
    }

    @Override public Map<String, Float> step(NDManager sm, long step) {
        GanDigitsConfig.Gan g = config.gan();
        GanLoss loss = g.lossKind();
        Map<String, Float> out = new LinkedHashMap<>();
        for (int k = 0; k < g.criticSteps(); k++) {
            NDArray real = Scalars.mul(realBatch(sm, g.batch()), 2).sub(1f);
            NDArray fake = gan.generate(noise(sm, g.batch())).stopGradient();
            Gradients.zero(dParams, gParams);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray sReal = gan.discriminate(real);
                NDArray sFake = gan.discriminate(fake);
                NDArray lossD = loss.discriminator(sReal, sFake);
                gc.backward(lossD);
                out.put("loss_d", lossD.getFloat());
                out.put("score_real", sReal.mean().getFloat());
                out.put("score_fake", sFake.mean().getFloat());
            }
            optD.step();
            if (loss == GanLoss.WGAN) clip(sm, (float) g.wganClip());
        }
        Gradients.zero(dParams, gParams);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray lossG = loss.generator(gan.discriminate(gan.generate(noise(sm, g.batch()))));
            gc.backward(lossG);
            out.put("loss_g", lossG.getFloat());
        }
        optG.step();
        return out;
    }

    private NDArray realBatch(NDManager sm, int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = random.nextInt(train.count());
        return train.batch(sm, idx);
    }

    private static NDArray noise(NDManager sm, int n, int latent) {
        return sm.randomNormal(0, 1, new Shape(n, latent), DataType.FLOAT32);
    }

    private NDArray noise(NDManager sm, int n) {
        return noise(sm, n, gan.latent());
    }

    /** WGAN's Lipschitz constraint by weight clipping: every critic weight into [−c, c], in place. */
    private void clip(NDManager sm, float c) {
        Gradients.withoutGrad(() -> {
            for (Parameter p : dParams.trainable().values()) {
                NDArray w = p.getArray();
                // results of ops on a parameter land in its manager: move them to the step's.
                // Not w.clip(): DJL 0.36's PyTorch clip leaves its two bound scalars in w's manager
                // (measured: +0.3 MiB native memory per WGAN step).
                NDArray floor = Scalars.maximum(w, -c);
                floor.attach(sm);
                NDArray clipped = Scalars.minimum(floor, c);
                NDArray excess = w.sub(clipped);
                excess.attach(sm);
                w.subi(excess);
            }
        });
    }

    /** Generated digits in [0, 1] from z drawn with a Java RNG of {@code seed}. */
    public float[][] samples(NDManager parent, int n, long seed) {
        Random rng = new Random(seed);
        float[] z = new float[n * gan.latent()];
        for (int i = 0; i < z.length; i++) z[i] = (float) rng.nextGaussian();
        try (NDManager m = parent.newSubManager()) {
            float[] flat = Scalars.mul(gan.generate(m.create(z, new Shape(n, gan.latent()))).add(1f), 0.5).toFloatArray();
            float[][] out = new float[n][];
            for (int i = 0; i < n; i++) out[i] = java.util.Arrays.copyOfRange(flat, i * 784, (i + 1) * 784);
            return out;
        }
    }

    @Override public void saveState(CheckpointData out) {
        gParams.saveTo(out);
        dParams.saveTo(out);
        optG.saveTo(out);
        optD.saveTo(out);
    }

    @Override public void loadState(CheckpointData in) {
        gParams.loadFrom(in);
        dParams.loadFrom(in);
        optG.loadFrom(in);
        optD.loadFrom(in);
    }

    @Override public void close() {
        optG.close();
        optD.close();
    }
}
