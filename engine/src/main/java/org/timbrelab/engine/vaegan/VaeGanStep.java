package org.timbrelab.engine.vaegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;

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
 *  L_peak = mean over x̂_ab's frames of max(0, mean q(x_b) − q(x̂_ab))   (no flatter frames than the target's)
 *  L_combPeak = mean over x̂_ab's voiced frames of (max of x̂_ab over bins − max over its comb's bins)   (loudest partial on the comb)
 *  ℓ(y) = per frame, log of y's power summed over bins, less its mean over the crop's frames
 *  L_level = mean over frames |ℓ(x̂_ab) − ℓ(x_a)|   (the transfer's loudness follows its source's)
 *  r(y) = per frame, log of y's power summed over bins, less the crop's loudest frame's
 *  L_rests = mean over frames max(0, r(x̂_ab) − r(x_a) − 10 dB)   (quiet where the source is; free to be quieter)
 *  u(y, c) = per frame voiced above and below, comb-weighted mean of y over the harmonics above the lowest K − over the lowest K
 *  L_rolloff = mean over x̂_ab's such frames of max(0, u(x̂_ab, c_a) − mean u(x_b, c_b))   (upper harmonics no stronger than the target's)
 *  L_G = λ_rec L_rec + λ_kl KL + λ_gan L_gan + λ_cc L_cc + λ_lat L_latent + λ_tone L_tone + λ_fol L_follow + λ_leg L_legato
 *        + λ_peak L_peak + λ_cp L_combPeak + λ_lvl L_level + λ_rst L_rests + λ_ro L_rolloff
 *        (terms averaged over domains)
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
        int n = model.config().domainCount();
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
                NDArray y = model.generator(k).forward(NDArrays.concat(zin), comb == null ? null : NDArrays.concat(cin));
                NDArray recon = y.get(new NDIndex("0:{}", b));
                NDArray into = y.get(new NDIndex("{}:", b));
                lRec = sum(lRec, recon.sub(x.get(k)).abs().mean());
                NDArray gan = model.discriminator(k).forward(into).sub(1).square().mean();
                lGan = sum(lGan, incoming.size() == 1 ? gan : gan.mul(incoming.size()));
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
                lCc = sum(lCc, m == 1 ? cycle.sub(target).abs().mean() : cycle.sub(target).abs().mean().mul(m));
                p0 = p1;
            }
            NDArray kl = mu.square().mean().add(mu2.square().mean()).div(2);
            NDArray lLat = latentCentroidLoss(mu, n);
            lRec = lRec.div(n);
            lGan = lGan.div(np);
            lCc = lCc.div(np);
            NDArray lG = lRec.mul((float) base.rec()).add(kl.mul((float) base.kl())).add(lGan.mul((float) base.gan()))
                    .add(lCc.mul((float) base.cycle())).add(lLat.mul((float) base.latent()));
            put(out, "L_rec", lRec); put(out, "KL", kl); put(out, "L_gan", lGan); put(out, "L_cc", lCc);
            put(out, "L_latent", lLat);
            lG = terms.addTo(lG, np, out);
            if (extra != null) {
                NDArray term = extra.term(mu);
                lG = lG.add(term.mul(extra.weight()));
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
                lD = sum(lD, real.add(fakeScore).mul(0.5f));
            }
            lD = lD.div(n);
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
     * A batch's average spectral shape, level removed: each frame minus its mean over mel bins, then averaged over batch
     * and time, one value per bin (the log-mel image's rows). Where a domain's transfers and its own crops differ in it,
     * the outputs have the wrong tilt or harmonic weight (a violin heard as a flute: upper harmonics too weak).
     */
    static NDArray spectralProfile(NDArray y) { // (B, 1, mels, T) -> (mels)
        NDArray centred = y.sub(y.mean(new int[] {2}, true));
        return centred.mean(new int[] {3}).mean(new int[] {1}).mean(new int[] {0}); // one axis at a time: the engine reduces one per call
    }

    /**
     * How far a transfer falls short of its target domain's real crops in standing out at its comb's harmonics: per voiced
     * frame of {@code fake}, max(0, target − h), where h is {@link #harmonicContrast} and the target is the real crops' mean
     * h over their own voiced frames. The cycle loss cannot ask this of a transfer, because the comb given again on the way
     * back supplies the pitch; without it a generator may play its domain's usual partials instead of the comb's
     * (docs/ARCHITECTURE.md, "The training step").
     */
    static NDArray combFollowing(NDArray fake, NDArray fakeComb, NDArray real, NDArray realComb) {
        NDArray[] target = harmonicContrast(real, realComb);
        NDArray goal = target[0].mul(target[1]).sum().div(target[1].sum().add(1e-6f)).stopGradient();
        NDArray[] got = harmonicContrast(fake, fakeComb);
        return goal.sub(got[0]).maximum(0f).mul(got[1]).sum().div(got[1].sum().add(1f));
    }

    /**
     * How much stronger a transfer's upper harmonics are, against its lowest {@code k}, than its target domain's real
     * crops': per frame voiced in both parts, u = comb-weighted mean of y over the comb's harmonics above the lowest k
     * minus that over the lowest k; the term is max(0, u(fake) − the real crops' mean u), averaged over the fake's such
     * frames. A flute has little above its second harmonic; its transfers kept the voice's upper harmonics, 10–15 dB
     * above a flute's between 0.7 and 2.5 kHz, and were heard as a violin (docs/study-reference.md, section 13).
     * L_follow asks the lowest harmonics to stand out; nothing else asks the ones above to stay quiet.
     */
    static NDArray upperHarmonicExcess(NDArray fake, NDArray fakeComb, NDArray real, NDArray realComb, int k) {
        NDArray[] goal = upperMinusLower(real, realComb, k);
        NDArray target = goal[0].mul(goal[1]).sum().div(goal[1].sum().add(1e-6f)).stopGradient();
        NDArray[] got = upperMinusLower(fake, fakeComb, k);
        return got[0].sub(target).maximum(0f).mul(got[1]).sum().div(got[1].sum().add(1f));
    }

    /** Per frame of (B, 1, mels, T): u of {@link #upperHarmonicExcess}, (B, 1, T), and a 0/1 mask of frames with both parts. */
    static NDArray[] upperMinusLower(NDArray y, NDArray comb, int k) {
        NDArray low = lowestHarmonics(comb, k);
        NDArray high = comb.sub(low);
        NDArray wLow = low.sum(new int[] {2}), wHigh = high.sum(new int[] {2});
        NDArray both = wLow.gt(0.5f).toType(DataType.FLOAT32, false).mul(wHigh.gt(0.5f).toType(DataType.FLOAT32, false));
        NDArray atHigh = y.mul(high).sum(new int[] {2}).div(wHigh.add(1e-6f));
        NDArray atLow = y.mul(low).sum(new int[] {2}).div(wLow.add(1e-6f));
        return new NDArray[] {atHigh.sub(atLow), both};
    }

    /**
     * How much faster a transfer's spectral shape moves than its target domain's real crops': per crop of {@code fake},
     * max(0, m − the real crops' mean m), averaged, where m is {@link #spectralMotion}. A voice's formants glide and its
     * consonants burst many times a second; a bowed or blown note holds its shape. The cycle loss rewards a transfer that
     * keeps that motion (it is what brings the voice back), and listeners hear speech in it (docs/study-reference.md,
     * section 14). Pitch changes move single harmonics, which eight bands mostly average out.
     */
    static NDArray legatoShortfall(NDArray fake, NDArray real) {
        NDArray goal = spectralMotion(real).mean().stopGradient();
        return spectralMotion(fake).sub(goal).maximum(0f).mean();
    }

    /**
     * Per crop of (B, 1, mels, T) images: the mean absolute change between neighbouring frames of the frame's shape in
     * {@link #MOTION_BANDS} mel bands (each frame minus its mean over bins, so a change of level alone is no motion).
     */
    static NDArray spectralMotion(NDArray y) { // (B, 1, mels, T) -> (B)
        long[] s = y.getShape().getShape();
        if (s[2] % MOTION_BANDS != 0) throw new IllegalArgumentException(s[2] + " mel bins are not a multiple of " + MOTION_BANDS + " bands");
        NDArray shape = y.sub(y.mean(new int[] {2}, true));
        NDArray bands = shape.reshape(s[0], MOTION_BANDS, s[2] / MOTION_BANDS, s[3]).mean(new int[] {2}); // (B, bands, T)
        NDArray change = bands.get(new NDIndex(":, :, 1:")).sub(bands.get(new NDIndex(":, :, :-1"))).abs();
        return change.mean(new int[] {2}).mean(new int[] {1});
    }

    static final int MOTION_BANDS = 8;

    /**
     * How much flatter a transfer's frames are than its target domain's real frames: per frame of {@code fake},
     * max(0, the real frames' mean q − q), averaged, with q from {@link #peakiness}. Where the voice has no pitch
     * (consonants, breaths, decays) the comb asks nothing, and a generator renders the voice's broadband noise there; an
     * instrument's frames, quiet ones included, stand far above their floor (a flute's mean level sits ~45 dB under its
     * peak, a flute transfer's quiet frames ~20 dB; docs/study-reference.md, section 14).
     */
    static NDArray peakShortfall(NDArray fake, NDArray real) {
        NDArray goal = peakiness(real).mean().stopGradient();
        return goal.sub(peakiness(fake)).maximum(0f).mean();
    }

    /**
     * How far each voiced frame's loudest bin stands above its loudest bin on the comb (bins where the comb is over ½),
     * averaged over the voiced frames of {@code fake}: 0 when the loudest partial is one the comb asks for. L_follow
     * compares means, which one loud partial of the generator's own choosing barely moves; with a flute's single strong
     * partial that is the melody lost (docs/study-reference.md, section 14).
     */
    static NDArray peakOffComb(NDArray fake, NDArray comb) {
        NDArray onComb = comb.gt(0.5f).toType(DataType.FLOAT32, false);
        NDArray best = fake.sub(onComb.sub(1f).mul(-OFF_COMB)).max(new int[] {2}); // off-comb bins pushed far below
        NDArray voiced = onComb.max(new int[] {2});
        return fake.max(new int[] {2}).sub(best).mul(voiced).sum().div(voiced.sum().add(1f));
    }

    /** Far below any normalised log-mel value ([-1, 1]): where off-comb bins go when the comb's loudest bin is looked for. */
    private static final float OFF_COMB = 100f;

    /** Per frame of (B, 1, mels, T) images: the frame's maximum over bins minus its mean over bins, (B, 1, T). */
    static NDArray peakiness(NDArray y) {
        return y.max(new int[] {2}).sub(y.mean(new int[] {2}));
    }

    /**
     * Per frame of (B, 1, mels, T) normalised log-mel images: the frame's level (log of its power summed over bins, in the
     * images' units) less the crop's mean level, (B, 1, T). L_level holds a transfer's envelope to its source's: nothing
     * else asks it to, and trained without the voice's pauses a generator plays on through them (loudness correlation
     * 0.65 on real speakers for presets/voice-to-cello; docs/study-reference.md, section 15). Relative, so an instrument
     * may sit at its own level.
     */
    static NDArray relativeLevel(NDArray y) {
        NDArray level = frameLevel(y);
        return level.sub(level.mean(new int[] {2}, true));
    }

    /**
     * How much louder a transfer's frames are, under its crop's loudest frame, than its source's frames under theirs,
     * beyond {@link #REST_MARGIN}: per frame max(0, r(fake) − r(source) − margin), averaged, where r is a frame's level
     * ({@link #frameLevel}) less the crop's highest. Only where the source is quiet and the transfer is not (the voice's
     * pauses, an instrument playing on); a transfer quieter than its source, or following it within the margin, costs
     * nothing, so its loud frames are left to the other terms (docs/study-reference.md, section 15).
     */
    static NDArray restExcess(NDArray fake, NDArray source) {
        NDArray f = frameLevel(fake), s = frameLevel(source);
        NDArray underF = f.sub(f.max(new int[] {2}, true).stopGradient()), underS = s.sub(s.max(new int[] {2}, true));
        return underF.sub(underS).sub(REST_MARGIN).maximum(0f).mean();
    }

    /** 10 dB in normalised log-mel units (one unit is 50 dB): how much louder than its source a transfer's frame may be. */
    static final float REST_MARGIN = 0.2f;

    /** Per frame of (B, 1, mels, T) normalised log-mel images: log of the frame's power summed over bins, in the images' units, (B, 1, T). */
    static NDArray frameLevel(NDArray y) {
        NDArray peak = y.max(new int[] {2}, true).stopGradient(); // log-sum-exp, shifted so exp never overflows
        return y.sub(peak).mul(POWER_PER_UNIT).exp().sum(new int[] {2}).log().div(POWER_PER_UNIT).add(peak.squeeze(2));
    }

    /**
     * Natural-log power per unit of the normalised log-mel ({@code AudioTransform.normalise}: [-1, 1] spans the
     * default config's 100 dB of magnitude, so one unit is 50 dB, a power ratio of 10^5 = e^11.5).
     */
    static final float POWER_PER_UNIT = (float) (5 * Math.log(10));

    /**
     * The part of (B, 1, mels, T) comb images below about the (k+1)-th harmonic of each frame: bins whose comb mass below
     * them is under k − ¼ bumps (a {@link PitchComb} bump holds σ√(2π) ≈ 2 bins' worth). Where low harmonics crowd
     * (f0 under ~90 Hz) bumps overlap and lose mass, so a few more than k are kept. A flute has little above its second
     * harmonic: asked to stand out at every harmonic of the voice's comb, its transfers grow a violin's upper partials
     * (docs/study-reference.md, section 13); asked at the lowest ones, each instrument is asked for what it has.
     */
    static NDArray lowestHarmonics(NDArray comb, int k) {
        double bump = PitchComb.SIGMA_BINS * Math.sqrt(2 * Math.PI);
        NDArray below = comb.cumSum(2).sub(comb);
        return comb.mul(below.lt((float) ((k - 0.25) * bump)).toType(DataType.FLOAT32, false));
    }

    /**
     * Per frame of (B, 1, mels, T) images {@code y} and their comb images {@code c}: the comb-weighted mean of y minus y's
     * mean over bins (B, 1, T), and a 0/1 mask of the voiced frames (those with a comb).
     */
    static NDArray[] harmonicContrast(NDArray y, NDArray c) {
        NDArray weight = c.sum(new int[] {2});
        NDArray voiced = weight.gt(0.5f).toType(DataType.FLOAT32, false);
        NDArray atHarmonics = y.mul(c).sum(new int[] {2}).div(weight.add(1e-6f));
        return new NDArray[] {atHarmonics.sub(y.mean(new int[] {2})), voiced};
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
