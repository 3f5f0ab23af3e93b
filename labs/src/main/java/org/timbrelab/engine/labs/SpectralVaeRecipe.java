package org.timbrelab.engine.labs;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.timbrelab.engine.data.BalancedSampler;
import org.timbrelab.engine.data.ChunkSet;
import org.timbrelab.engine.data.DatasetSplit;
import org.timbrelab.engine.data.DomainDataset;
import org.timbrelab.engine.data.StepBatch;
import org.timbrelab.engine.train.Adam;
import org.timbrelab.engine.train.AdamConfig;
import org.timbrelab.engine.train.CheckpointData;
import org.timbrelab.engine.train.NamedParameters;
import org.timbrelab.engine.train.TrainingRecipe;
import org.timbrelab.engine.nn.Scalars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lab 4's step on a balanced batch of log-mel crops (perDomain from every instrument), x ∈ [−1, 1]:
 * <pre>
 *   L_rec = Σ (x̂ − x)² / (2σ²)   (per crop, mean over the batch; x̂ = D(μ + σ_z·ε))
 *   KL    = ½ Σ (μ² + σ_z² − 1 − log σ_z²)
 *   L     = L_rec + β·KL,  β = min(1, step / betaWarmupSteps)
 * </pre>
 * Batches come from the data layer's {@link BalancedSampler}, a pure function of (seed, step), so
 * resumed runs see the same crops.
 */
public final class SpectralVaeRecipe implements TrainingRecipe {

    private final SpectralVaeConfig config;
    private final List<DomainDataset> domains;
    private final List<DatasetSplit> splits = new ArrayList<>();
    private final BalancedSampler sampler;
    private final SpectralVae vae;
    private final NamedParameters params;
    private final Adam adam;

    public SpectralVaeRecipe(SpectralVaeConfig config, NDManager manager, List<DomainDataset> domains) {
        this.config = config;
        this.domains = List.copyOf(domains);
        List<ChunkSet> train = new ArrayList<>();
        for (DomainDataset d : domains) {
            DatasetSplit s = d.split(config.data().validationFraction(), config.train().seed());
            splits.add(s);
            train.add(s.train());
        }
        SpectralVaeConfig.Vae v = config.vae();
        sampler = new BalancedSampler(train, v.cropFrames(), v.perDomain(), config.train().seed());
        vae = new SpectralVae(manager, domains.get(0).nMels(), v.cropFrames(), v.latent(), v.channels());
        params = vae.parameters();
        adam = new Adam("adam", AdamConfig.of(v.lr()), params);
    }

    public SpectralVae model() {
        return vae;
    }

    public List<DomainDataset> domains() {
        return domains;
    }

    public List<DatasetSplit> splits() {
        return splits;
    }

    public SpectralVaeConfig config() {
        return config;
    }

    public int batchSize() {
        return config.vae().perDomain() * domains.size();
    }

    public double beta(long step) {
        long w = config.vae().betaWarmupSteps();
        return w == 0 ? 1 : Math.min(1.0, (double) step / w);
    }

    @Override public Map<String, Float> step(NDManager sm, long step) {
        StepBatch b = sampler.batch(step);
        NDArray x = b.stackedMels(sm);
        float beta = (float) beta(step);
        Map<String, Float> out = new LinkedHashMap<>();
        adam.zeroGradients();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray[] enc = vae.encode(x);
            NDArray mu = enc[0], logVar = enc[1];
            NDArray z = mu.add(Scalars.mul(logVar, 0.5).exp().mul(sm.randomNormal(0, 1, mu.getShape(), DataType.FLOAT32)));
            NDArray rec = Scalars.div(vae.decode(z).sub(x).square().sum(new int[] {1, 2, 3}).mean(), 2 * sq(config.vae().sigma()));
            NDArray kl = Scalars.mul(mu.square().add(logVar.exp()).sub(1f).sub(logVar).sum(new int[] {1}), 0.5).mean();
            NDArray loss = rec.add(Scalars.mul(kl, beta));
            gc.backward(loss);
            out.put("loss", loss.getFloat());
            out.put("rec", rec.getFloat());
            out.put("kl", kl.getFloat());
        }
        adam.step();
        out.put("beta", beta);
        return out;
    }

    private static double sq(double v) {
        return v * v;
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
