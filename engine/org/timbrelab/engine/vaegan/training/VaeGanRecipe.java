package org.timbrelab.engine.vaegan.training;

import org.timbrelab.engine.vaegan.DomainCritic;
import org.timbrelab.engine.vaegan.LossWeights;
import org.timbrelab.engine.vaegan.PitchComb;
import org.timbrelab.engine.vaegan.VaeGan;
import org.timbrelab.engine.vaegan.VaeGanStep;
import org.timbrelab.engine.vaegan.Optimisers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.data.BalancedSampler;
import org.timbrelab.engine.data.BatchPrefetcher;
import org.timbrelab.engine.data.DomainBatch;
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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link VaeGan}: each step takes the sampler's crop batch of every domain (plus comb
 * images from their f0 when pitch-conditioned) and runs {@link VaeGanStep} with one Adam for
 * E + shared + generators and one for the discriminators (and one for the auxiliary domain classifier, if the
 * run trains one).
 */
public final class VaeGanRecipe implements TrainingRecipe, Optimisers {
    private static final Logger LOG = LoggerFactory.getLogger(VaeGanRecipe.class);
    private final VaeGan model;
    private final VaeGanStep step;
    private final BalancedSampler sampler;
    private final SpectrogramConfig spec;
    private final NamedParameters gParams;
    private final NamedParameters dParams;
    private final Adam optG;
    private final Adam optD;
    private final EncoderAnchor anchor;
    private final WeightAverage average;
    private final NamedParameters cParams; // the domain classifier's, or null
    private final Adam optC;
    private double[] tiltDbs; // per domain, or null = no tilt augmentation
    private BatchPrefetcher prefetcher;
    private long nextStep = -1;
    private Random rng = new Random(0);

    public VaeGanRecipe(VaeGan model, LossWeights weights, double[] ganWeights, AdamConfig adam, BalancedSampler sampler, SpectrogramConfig spec) {
        this(model, weights, ganWeights, adam, sampler, spec, null, 0, null);
    }

    /**
     * @param anchor {@code init.anchor}'s reference encoder, or null; the recipe closes it
     * @param ema    decay of the generator side's weight average, 0 = none
     * @param critic the initialised domain classifier iff {@code weights.domainClass() > 0}, else null
     */
    VaeGanRecipe(VaeGan model, LossWeights weights, double[] ganWeights, AdamConfig adam, BalancedSampler sampler, SpectrogramConfig spec,
                 EncoderAnchor anchor, double ema, DomainCritic critic) {
        this.model = model;
        this.anchor = anchor;
        this.step = new VaeGanStep(model, weights, ganWeights, critic);
        this.sampler = sampler;
        this.spec = spec;
        this.gParams = NamedParameters.of("g", model.generatorSide());
        this.dParams = NamedParameters.of("d", model.discriminatorSide());
        this.optG = new Adam("optG", adam, gParams);
        this.optD = new Adam("optD", adam, dParams);
        this.average = ema > 0 ? new WeightAverage("emaG", ema, gParams) : null;
        this.cParams = critic == null ? null : NamedParameters.of("c", critic);
        this.optC = critic == null ? null : new Adam("optC", adam, cParams);
        if (model.config().pitchConditioning() && !sampler.hasF0())
            throw new IllegalStateException("pitch conditioning needs f0 tracks: open the datasets with trackPitch on");
    }

    private Adam.StepReport lastG, lastD;

    public VaeGan model() { return model; }

    /** Spectral-tilt augmentation per domain in dB (0 = none; {@link TiltAugment}). */
    void tiltDbs(double[] dbs) {
        if (dbs.length != model.config().domainCount()) throw new IllegalArgumentException("need one tilt per domain, got " + dbs.length);
        this.tiltDbs = java.util.Arrays.stream(dbs).anyMatch(d -> d > 0) ? dbs.clone() : null;
    }

    @Override
    public Map<String, Float> step(NDManager sm, long index) {
        StepBatch batch = nextBatch(index);
        List<NDArray> x = new ArrayList<>();
        List<NDArray> comb = model.config().pitchConditioning() ? new ArrayList<>() : null;
        for (DomainBatch d : batch.domains()) {
            NDArray mels = d.mels(sm);
            int k = x.size();
            if (tiltDbs != null && tiltDbs[k] > 0) mels = TiltAugment.apply(mels, tiltDbs[k], -spec.minDb() / 2, rng);
            x.add(mels);
            if (comb != null) comb.add(combImages(sm, d));
        }
        Map<String, Float> losses = step.run(x, comb, anchor == null ? null : anchor.targets(x, comb, batch), rng, this);
        // global gradient norms before clipping, for choosing clipNorm (a skipped overflow step logs Float.MAX_VALUE: JSON has no ∞)
        losses.put("gnorm_G", Math.min(lastG.gradNorm(), Float.MAX_VALUE));
        losses.put("gnorm_D", Math.min(lastD.gradNorm(), Float.MAX_VALUE));
        return losses;
    }

    /** Comb images (B, 1, mels, T) of a batch's f0 crops. */
    NDArray combImages(NDManager sm, DomainBatch d) {
        int t = d.frames(), m = d.nMels();
        float[] all = new float[d.size() * m * t];
        for (int i = 0; i < d.size(); i++) {
            float[] f0 = java.util.Arrays.copyOfRange(d.f0(), i * t, (i + 1) * t);
            System.arraycopy(PitchComb.image(f0, t, spec), 0, all, i * m * t, m * t);
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

    @Override public void reseed(long stepSeed) { rng = new Random(stepSeed); }

    @Override public void zeroAllGradients() {
        if (cParams == null) Gradients.zero(gParams, dParams);
        else Gradients.zero(gParams, dParams, cParams);
    }

    @Override public void stepGenerators() {
        lastG = optG.step();
        if (average != null && !lastG.skipped()) average.update();
    }

    /** Puts the weight average (if the run keeps one) into the model, for export; training must not go on after it. */
    void useAveragedWeights() {
        if (average != null) average.copyInto();
    }

    @Override public void stepDiscriminators() {
        lastD = optD.step();
        if (optC != null) optC.step();
    }

    @Override
    public void saveState(CheckpointData out) {
        gParams.asMap().forEach((k, p) -> out.put(k, p.getArray()));
        dParams.asMap().forEach((k, p) -> out.put(k, p.getArray()));
        optG.saveTo(out);
        optD.saveTo(out);
        if (average != null) average.saveTo(out);
        if (cParams != null) {
            cParams.saveTo(out);
            optC.saveTo(out);
        }
    }

    @Override
    public void loadState(CheckpointData in) {
        gParams.loadFrom(in);
        dParams.loadFrom(in);
        optG.loadFrom(in);
        optD.loadFrom(in);
        if (average != null) average.loadFrom(in);
        if (cParams != null) {
            if (in.tensors().keySet().containsAll(cParams.asMap().keySet())) {
                cParams.loadFrom(in);
                optC.loadFrom(in);
            } else { // a run that adds the classifier to a checkpoint trained without one
                LOG.info("the checkpoint has no domain classifier: it starts from random weights");
            }
        }
    }

    @Override public void close() {
        if (prefetcher != null) prefetcher.close();
        optG.close();
        optD.close();
        if (average != null) average.close();
        if (optC != null) optC.close();
        if (anchor != null) anchor.close();
    }
}
