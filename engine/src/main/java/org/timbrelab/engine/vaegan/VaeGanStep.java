package org.timbrelab.engine.vaegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import org.timbrelab.engine.nn.Scalars;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One VAE-GAN training step over a crop batch from every domain (AlBadawy &amp; Lyu 2020; docs/ARCHITECTURE.md,
 * "The training step"):
 * <pre>
 *  z_a = E(x_a) + ε                 KL    = mean μ²  (over E(x_a) and E(x̂_ab))
 *  x̂_aa = G_a(z_a)                  L_rec = |x̂_aa − x_a|₁
 *  b = π(a)  (random other domain)  L_gan = (D_b(x̂_ab) − 1)²       with x̂_ab = G_b(z_a)
 *  x̃_aba = G_a(E(x̂_ab) + ε)         L_cc  = |x̃_aba − x_a|₁
 *  c_a = mean over batch, time of μ_a   L_latent = |c_a − mean_k c_k|₁
 *  p(y) = mean over batch, time of (y − its mean over bins)   L_tone = |p(x̂_ab) − p(x_b)|₁   (spectral profile)
 *  h(y, c) = per voiced frame, comb-weighted mean of y − mean of y over bins   (how far the harmonics stand out)
 *  L_follow = mean over x̂_ab's voiced frames of max(0, mean h(x_b, c_b) − h(x̂_ab, c_a))   (comb following)
 *  m(y) = per crop, mean |change between frames| of y's level-free shape in 8 mel bands
 *  L_legato = mean over x̂_ab's crops of max(0, m(x̂_ab) − mean m(x_b))   (no faster spectral motion than the target's)
 *  q(y) = per frame, max of y over bins − mean of y over bins   (how far the frame's peak stands above the rest)
 *  L_peak = mean over x̂_ab's frames of max(0, mean q(x_b) − q(x̂_ab))   (no flatter frames than the target's;
 *           over its voiced frames only when λ_tl is on; over the frames within peakRange dB of x_a's loudest when that is set)
 *  L_combPeak = mean over x̂_ab's voiced frames of (max of x̂_ab over bins − max over its comb's bins)   (loudest partial on the comb)
 *  ℓ(y) = per frame, log of y's power summed over bins, less its mean over the crop's frames
 *  L_level = mean over frames |ℓ(x̂_ab) − ℓ(x_a)|   (the transfer's loudness follows its source's)
 *  ℓ_A(y) = ℓ(y) with each bin's power weighted as the ear weighs it (A-curve, Loudness.melBandWeights)
 *  L_loudness = mean over frames |ℓ_A(x̂_ab) − ℓ_A(x_a)|   (the same, in A-weighted loudness: hiss and hum count as heard)
 *  r(y) = per frame, log of y's power summed over bins, less the crop's loudest frame's
 *  L_rests = mean over frames max(0, r(x̂_ab) − r(x_a) − 10 dB)   (quiet where the source is; free to be quieter)
 *  u(y, c) = per frame voiced above and below, comb-weighted mean of y over the harmonics above the lowest K − over the lowest K
 *  L_rolloff = mean over x̂_ab's such frames of max(0, u(x̂_ab, c_a) − mean u(x_b, c_b))   (upper harmonics no stronger than the target's)
 *  σ(y) = per crop and per one of 16 mel bands, std over its sounding frames of the band's level under the frame's peak
 *  L_spread = mean over x̂_ab's crops and bands of max(0, σ(x̂_ab) − mean σ(x_b))   (a shape no less steady than the target's)
 *  L_toneless = mean over x̂_ab's unvoiced frames of max(0, q(x̂_ab) − q(x_a) − 10 dB)   (no tone where the comb asks none;
 *           with peakRange set, over the frames more than peakRange dB under x_a's loudest instead)
 *  L_noiseToneless = mean over frames of max(0, q(G_b(μ(n))) − q(n) − 10 dB), n crops of pure noise with an empty comb
 *           (no tone out of noise: a user's room, fan or street has no pitch)
 *  L_G = λ_rec L_rec + λ_kl KL + λ_gan L_gan + λ_cc L_cc + λ_lat L_latent + λ_tone L_tone + λ_fol L_follow + λ_leg L_legato
 *        + λ_peak L_peak + λ_cp L_combPeak + λ_lvl L_level + λ_rst L_rests + λ_ro L_rolloff + λ_spr L_spread + λ_tl L_toneless
 *        + λ_ld L_loudness + λ_nt L_noiseToneless   (terms averaged over domains)
 *  L_D = ½[(D_b(x_b) − 1)² + D_b(x̂_ab.detach())²]                       (LSGAN, averaged over domains)
 * </pre>
 * π is a random derangement, so every source has one other target and every target receives one
 * fake: cost grows linearly in n (n cross pairs instead of n(n−1)). Each G_b decodes its own
 * reconstruction and its incoming transfer in one batch. A study may add one {@link ExtraGeneratorLoss} to L_G.
 */
public final class VaeGanStep {
    private final VaeGan model;
    private final List<LossWeights> w; // per target domain: the optional terms' weights for transfers into it
    private final LossWeights base;    // the core terms' weights (rec, kl, gan, cycle, latent): the same for every domain
    private final TransferPairs transfers;
    private final boolean wantsNoise;  // some domain asks for L_noiseToneless

    public VaeGanStep(VaeGan model, LossWeights weights) {
        this(model, java.util.Collections.nCopies(model.config().domainCount(), weights), TransferPairs.NO_HUB);
    }

    /**
     * @param perTarget per domain, the weights of the terms asked of transfers into it (its core terms must equal every
     *                  other domain's)
     * @param hub       the domain every step transfers into and out of every other ({@link TransferPairs}), or
     *                  {@link TransferPairs#NO_HUB}
     */
    public VaeGanStep(VaeGan model, List<LossWeights> perTarget, int hub) {
        int n = model.config().domainCount();
        if (perTarget.size() != n) throw new IllegalArgumentException("need loss weights for each of the " + n + " domains, got " + perTarget.size());
        for (LossWeights lw : perTarget)
            if (!lw.sameCoreTerms(perTarget.get(0))) throw new IllegalArgumentException("rec, kl, gan, cycle and latent must be the same for every domain: " + perTarget);
        this.model = model;
        this.w = List.copyOf(perTarget);
        this.base = perTarget.get(0);
        this.transfers = new TransferPairs(n, hub);
        this.wantsNoise = perTarget.stream().anyMatch(lw -> lw.noiseToneless() > 0);
    }

    /** As {@link #run(List, List, ExtraGeneratorLoss, Random, Optimisers)} without an extra term. */
    public Map<String, Float> run(List<NDArray> x, List<NDArray> comb, Random rng, Optimisers opt) {
        return run(x, comb, null, rng, opt);
    }

    /**
     * @param x     per domain, spectrogram crops (B, 1, mels, frames), equal B and frames (multiple of 4)
     * @param comb  per domain, the crops' comb images of the same shape, or null for a model without pitch conditioning
     * @param extra a study's extra generator term, or null (the shipped recipe)
     * @return the losses by name (L_rec, KL, L_gan, L_cc, L_latent, L_G, L_D; the extra term's name with one); all finite
     */
    public Map<String, Float> run(List<NDArray> x, List<NDArray> comb, ExtraGeneratorLoss extra, Random rng, Optimisers opt) {
        return run(x, comb, null, extra, rng, opt);
    }

    /** Whether some domain asks for L_noiseToneless, so {@link #run} wants noise crops. */
    public boolean wantsNoise() {
        return wantsNoise;
    }

    /**
     * As {@link #run(List, List, ExtraGeneratorLoss, Random, Optimisers)}, with crops of pure noise for L_noiseToneless:
     * each generator whose domain asks for it also decodes E(noise)'s μ (no sampling, as a conversion does, and no draw
     * from the engine's generator, so every other term is as without it) with an empty comb.
     *
     * @param noise (Bn, 1, mels, frames) crops of noise ({@link org.timbrelab.engine.data.NoiseCrops}), or null
     */
    public Map<String, Float> run(List<NDArray> x, List<NDArray> comb, NDArray noise, ExtraGeneratorLoss extra, Random rng, Optimisers opt) {
        int n = model.config().domainCount();
        if (noise == null && wantsNoise) throw new IllegalArgumentException("losses.noiseToneless is on: the step needs noise crops");
        if (x.size() != n) throw new IllegalArgumentException("need one batch per domain (" + n + "), got " + x.size());
        if (model.config().pitchConditioning() != (comb != null)) throw new IllegalArgumentException("comb images must be given iff the model is pitch-conditioned");
        long b = x.get(0).getShape().get(0);
        List<int[]> pairs = transfers.draw(rng); // {source, target}, sorted by source
        int np = pairs.size();

        Map<String, Float> out = new LinkedHashMap<>();
        NDArray[] fakeInto = new NDArray[n]; // every transfer into k, detached for the D step
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray mu = model.encoder().forward(NDArrays.concat(new NDList(x)));
            NDArray z = mu.add(mu.getManager().randomNormal(mu.getShape()));
            NDArray muNoise = noise == null || !wantsNoise ? null : model.encoder().forward(noise);
            NDArray noComb = muNoise == null || comb == null ? null : noise.zerosLike();
            NDArray lRec = null, lGan = null, lCc = null;
            OptionalTerms terms = new OptionalTerms(w);
            NDArray[] fake = new NDArray[np]; // x̂ of pair p
            for (int k = 0; k < n; k++) { // G_k decodes [z_k ; z_a of every pair a → k]
                NDList zin = new NDList(slice(z, k, b));
                NDList cin = new NDList();
                if (comb != null) cin.add(comb.get(k));
                List<Integer> incoming = new java.util.ArrayList<>();
                for (int p = 0; p < np; p++)
                    if (pairs.get(p)[1] == k) {
                        incoming.add(p);
                        zin.add(slice(z, pairs.get(p)[0], b));
                        if (comb != null) cin.add(comb.get(pairs.get(p)[0]));
                    }
                boolean hushed = muNoise != null && w.get(k).noiseToneless() > 0;
                if (hushed) {
                    zin.add(muNoise);
                    if (comb != null) cin.add(noComb);
                }
                NDArray y = model.generator(k).forward(NDArrays.concat(zin), comb == null ? null : NDArrays.concat(cin));
                NDArray recon = y.get(new NDIndex("0:{}", b));
                long intoEnd = b + incoming.size() * b;
                NDArray into = hushed ? y.get(new NDIndex("{}:{}", b, intoEnd)) : y.get(new NDIndex("{}:", b));
                if (hushed) terms.addNoise(y.get(new NDIndex("{}:", intoEnd)), noise, k);
                lRec = sum(lRec, recon.sub(x.get(k)).abs().mean());
                NDArray gan = model.discriminator(k).forward(into).sub(1).square().mean();
                lGan = sum(lGan, incoming.size() == 1 ? gan : Scalars.mul(gan, incoming.size()));
                for (int i = 0; i < incoming.size(); i++) {
                    int p = incoming.get(i), a = pairs.get(p)[0];
                    fake[p] = incoming.size() == 1 ? into : into.get(new NDIndex("{}:{}", i * b, (i + 1) * b));
                    terms.add(fake[p], a, k, x, comb);
                }
                fakeInto[k] = into.stopGradient();
            }
            NDArray mu2 = model.encoder().forward(NDArrays.concat(new NDList(fake)));
            NDArray z2 = mu2.add(mu2.getManager().randomNormal(mu2.getShape()));
            for (int a = 0, p0 = 0; a < n; a++) { // G_a decodes every transfer out of a (at least one in either mode) back into a; contiguous: sorted by source
                int p1 = p0;
                while (p1 < np && pairs.get(p1)[0] == a) p1++;
                int m = p1 - p0;
                NDArray zBack = z2.get(new NDIndex("{}:{}", p0 * b, p1 * b));
                NDArray cBack = comb == null ? null : stacked(comb.get(a), m);
                NDArray cycle = model.generator(a).forward(zBack, cBack);
                NDArray target = stacked(x.get(a), m);
                lCc = sum(lCc, m == 1 ? cycle.sub(target).abs().mean() : Scalars.mul(cycle.sub(target).abs().mean(), m));
                p0 = p1;
            }
            NDArray kl = Scalars.div(mu.square().mean().add(mu2.square().mean()), 2);
            NDArray lLat = latentCentroidLoss(mu, n);
            lRec = Scalars.div(lRec, n);
            lGan = Scalars.div(lGan, np);
            lCc = Scalars.div(lCc, np);
            NDArray lG = Scalars.mul(lRec, base.rec()).add(Scalars.mul(kl, base.kl())).add(Scalars.mul(lGan, base.gan()))
                    .add(Scalars.mul(lCc, base.cycle())).add(Scalars.mul(lLat, base.latent()));
            put(out, "L_rec", lRec); put(out, "KL", kl); put(out, "L_gan", lGan); put(out, "L_cc", lCc);
            put(out, "L_latent", lLat);
            lG = terms.addTo(lG, np, out);
            if (extra != null) {
                NDArray term = extra.term(mu);
                lG = lG.add(Scalars.mul(term, extra.weight()));
                put(out, extra.name(), term);
            }
            put(out, "L_G", lG);
            opt.zeroAllGradients();
            gc.backward(lG);
        }
        opt.stepGenerators();

        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray lD = null;
            for (int k = 0; k < n; k++) {
                NDArray s = model.discriminator(k).forward(x.get(k).concat(fakeInto[k], 0));
                NDArray real = s.get(new NDIndex("0:{}", b)).sub(1).square().mean();
                NDArray fakeScore = s.get(new NDIndex("{}:", b)).square().mean();
                lD = sum(lD, Scalars.mul(real.add(fakeScore), 0.5));
            }
            lD = Scalars.div(lD, n);
            put(out, "L_D", lD);
            opt.zeroAllGradients();
            gc.backward(lD);
        }
        opt.stepDiscriminators();
        return out;
    }

    /** L_latent: mean L1 distance of each domain's latent centroid (mean over batch and time) to the mean centroid. */
    static NDArray latentCentroidLoss(NDArray mu, int n) {
        long[] s = mu.getShape().getShape(); // (n·B, C, F, T)
        NDArray centroids = mu.reshape(n, s[0] / n, s[1], s[2], s[3]).mean(new int[] {4}).mean(new int[] {1}); // (n, C, F)
        return centroids.sub(centroids.mean(new int[] {0}, true)).abs().mean();
    }

    /**
     * {@code m} copies of a batch one after the other along axis 0 ([x; x; …], as the transfers out of one domain lie in
     * the re-encoded batch), the batch itself for m = 1. Not {@code repeat}: DJL's repeats each crop in place ([x0; x0; x1; …]).
     */
    static NDArray stacked(NDArray x, int m) {
        return m == 1 ? x : NDArrays.concat(new NDList(java.util.Collections.nCopies(m, x)));
    }

    private static NDArray slice(NDArray a, int k, long b) {
        return a.get(new NDIndex("{}:{}", k * b, (k + 1) * b));
    }

    private static NDArray sum(NDArray acc, NDArray term) {
        return acc == null ? term : acc.add(term);
    }

    static void put(Map<String, Float> out, String name, NDArray scalar) {
        float v = scalar.getFloat();
        if (!Float.isFinite(v)) throw new IllegalStateException("loss " + name + " is " + v + "; lower the learning rate or check the input batch");
        out.put(name, v);
    }
}
