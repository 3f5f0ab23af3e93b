package org.timbrelab.engine.vaegan.training;

import org.timbrelab.engine.vaegan.LossWeights;
import org.timbrelab.engine.vaegan.PitchComb;
import org.timbrelab.engine.vaegan.VaeGan;
import org.timbrelab.engine.vaegan.VaeGanStep;
import org.timbrelab.engine.vaegan.Optimisers;
import org.timbrelab.engine.vaegan.study.ExtraLossSource;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.data.BalancedSampler;
import org.timbrelab.engine.data.BatchPrefetcher;
import org.timbrelab.engine.data.DomainBatch;
import org.timbrelab.engine.data.NoiseCrops;
import org.timbrelab.engine.data.StepBatch;
import org.timbrelab.engine.train.Adam;
import org.timbrelab.engine.train.AdamConfig;
import org.timbrelab.engine.train.CheckpointData;
import org.timbrelab.engine.train.Gradients;
import org.timbrelab.engine.train.NamedParameters;
import org.timbrelab.engine.train.TrainingRecipe;
import org.timbrelab.engine.train.WeightAverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link VaeGan}: each step takes the sampler's crop batch of every domain (plus comb
 * images from their f0 when pitch-conditioned) and runs {@link VaeGanStep} with one Adam for
 * E + shared + generators and one for the discriminators. A study run may add one extra generator term per step
 * ({@link ExtraLossSource}); the shipped recipe has none.
 */
public final class VaeGanRecipe implements TrainingRecipe, Optimisers {
    private final VaeGan model;
    private VaeGanStep step;
    private final BalancedSampler sampler;
    private final SpectrogramConfig spec;
    private final NamedParameters gParams;
    private final NamedParameters dParams;
    private final Adam optG;
    private final Adam optD;
    private final ExtraLossSource extra; // a study's extra L_G term, or null
    private BatchPrefetcher prefetcher;
    private long nextStep = -1;
    private Random rng = new Random(0);
    private long stepSeed;
    private NoiseCrops noise; // made when a domain asks for L_noiseToneless
    private LearningRateDecay decay = LearningRateDecay.NONE;
    private WeightAverage average; // of the generator side, or null

    public VaeGanRecipe(VaeGan model, LossWeights weights, AdamConfig adam, BalancedSampler sampler, SpectrogramConfig spec) {
        this(model, weights, adam, sampler, spec, null);
    }

    /**
     * Each step transfers by {@code hub} ({@link org.timbrelab.engine.vaegan.TransferPairs}) and asks the transfers into
     * each domain its own optional terms (default: one random target per domain, the same weights for all).
     */
    public VaeGanRecipe withTransfers(List<LossWeights> perTarget, int hub) {
        this.step = new VaeGanStep(model, perTarget, hub);
        return this;
    }

    /** Both optimisers' learning rates follow {@code decay} (none by default). */
    public VaeGanRecipe withDecay(LearningRateDecay decay) {
        this.decay = decay;
        return this;
    }

    /**
     * Keeps an exponential moving average of the generator side's weights with {@code decay} (0: none), which presets
     * are written from ({@link #withAveragedWeights}).
     */
    public VaeGanRecipe withWeightAverage(double decay) {
        if (average != null) average.close();
        average = decay > 0 ? new WeightAverage("emaG", decay, gParams) : null;
        return this;
    }

    /** Whether the run keeps a weight average. */
    public boolean averagesWeights() { return average != null; }

    /**
     * Runs {@code write} with the weight average in the model (the raw weights as they are when the run keeps none),
     * then puts the raw weights back, so training can go on.
     */
    public void withAveragedWeights(Runnable write) {
        if (average == null) {
            write.run();
            return;
        }
        average.swap();
        try {
            write.run();
        } finally {
            average.swap();
        }
    }

    /** @param extra a study's extra generator term per step, or null; the recipe closes it */
    public VaeGanRecipe(VaeGan model, LossWeights weights, AdamConfig adam, BalancedSampler sampler, SpectrogramConfig spec,
                        ExtraLossSource extra) {
        this.model = model;
        this.extra = extra;
        this.step = new VaeGanStep(model, weights);
        this.sampler = sampler;
        this.spec = spec;
        this.gParams = NamedParameters.of("g", model.generatorSide());
        this.dParams = NamedParameters.of("d", model.discriminatorSide());
        this.optG = new Adam("optG", adam, gParams);
        this.optD = new Adam("optD", adam, dParams);
        if (model.config().pitchConditioning() && !sampler.hasF0())
            throw new IllegalStateException("pitch conditioning needs f0 tracks: open the datasets with trackPitch on");
    }

    private Adam.StepReport lastG, lastD;

    public VaeGan model() { return model; }

    @Override
    public Map<String, Float> step(NDManager sm, long index) {
        StepBatch batch = nextBatch(index);
        double lr = decay.scale(index);
        optG.learningRateScale(lr);
        optD.learningRateScale(lr);
        List<NDArray> x = new ArrayList<>();
        List<NDArray> comb = model.config().pitchConditioning() ? new ArrayList<>() : null;
        for (DomainBatch d : batch.domains()) {
            x.add(d.mels(sm));
            if (comb != null) comb.add(combImages(sm, d));
        }
        NDArray noise = step.wantsNoise() ? noiseCrops(sm, x.get(0).getShape()) : null;
        Map<String, Float> losses = step.run(x, comb, noise, extra == null ? null : extra.forStep(x, comb, batch), rng, this);
        // global gradient norms before clipping, for choosing clipNorm (a skipped overflow step logs Float.MAX_VALUE: JSON has no ∞)
        losses.put("gnorm_G", Math.min(lastG.gradNorm(), Float.MAX_VALUE));
        losses.put("gnorm_D", Math.min(lastD.gradNorm(), Float.MAX_VALUE));
        return losses;
    }

    /**
     * Half a domain's batch (at least one) of pure-noise crops for L_noiseToneless, drawn from the step's own seed so a
     * run repeats and no other draw moves.
     */
    private NDArray noiseCrops(NDManager sm, Shape crops) {
        if (noise == null) noise = new NoiseCrops(spec);
        int count = (int) Math.max(1, crops.get(0) / 2), mels = (int) crops.get(2), frames = (int) crops.get(3);
        Random rnd = new Random(stepSeed * 0x9E3779B97F4A7C15L + 0x6E6F697365L);
        return sm.create(noise.draw(count, frames, rnd), new Shape(count, 1, mels, frames));
    }

    /** Comb images (B, 1, mels, T) of a batch's f0 crops. */
    NDArray combImages(NDManager sm, DomainBatch d) {
        int t = d.frames(), m = d.nMels();
        float[] all = new float[d.size() * m * t];
        for (int i = 0; i < d.size(); i++) {
            float[] f0 = java.util.Arrays.copyOfRange(d.f0(), i * t, (i + 1) * t);
            System.arraycopy(PitchComb.image(model.config().combTrack(f0), t, spec), 0, all, i * m * t, m * t);
        }
        return sm.create(all, new Shape(d.size(), 1, m, t));
    }

    private StepBatch nextBatch(long index) {
        if (prefetcher == null || index != nextStep) {
            if (prefetcher != null) prefetcher.close();
            prefetcher = new BatchPrefetcher(sampler, index, 4);
        }
        nextStep = index + 1;
        StepBatch b = prefetcher.next();
        if (b.step() != index) throw new IllegalStateException("prefetcher delivered step " + b.step() + " for step " + index);
        return b;
    }

    @Override public void reseed(long stepSeed) {
        rng = new Random(stepSeed);
        this.stepSeed = stepSeed;
    }

    @Override public void zeroAllGradients() { Gradients.zero(gParams, dParams); }

    @Override public void stepGenerators() {
        lastG = optG.step();
        if (average != null && !lastG.skipped()) average.update();
    }

    @Override public void stepDiscriminators() { lastD = optD.step(); }

    @Override
    public void saveState(CheckpointData out) {
        gParams.asMap().forEach((k, p) -> out.put(k, p.getArray()));
        dParams.asMap().forEach((k, p) -> out.put(k, p.getArray()));
        optG.saveTo(out);
        optD.saveTo(out);
        if (average != null) average.saveTo(out);
    }

    @Override
    public void loadState(CheckpointData in) {
        gParams.loadFrom(in);
        dParams.loadFrom(in);
        optG.loadFrom(in);
        optD.loadFrom(in); // a checkpoint of an older run may hold more (a classifier "c/…"): ignored
        if (average != null) average.loadFrom(in);
    }

    @Override public void close() {
        if (prefetcher != null) prefetcher.close();
        optG.close();
        optD.close();
        if (average != null) average.close();
        if (extra != null) extra.close();
    }
}
