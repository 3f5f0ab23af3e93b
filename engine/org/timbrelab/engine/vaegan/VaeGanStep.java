package org.timbrelab.engine.vaegan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One VAE-GAN training step over a crop batch from every domain (DESIGN §1.5, §9):
 * <pre>
 *  z_a = E(x_a) + ε                 KL    = mean μ²  (over E(x_a) and E(x̂_ab))
 *  x̂_aa = G_a(z_a)                  L_rec = |x̂_aa − x_a|₁
 *  b = π(a)  (random other domain)  L_gan = (D_b(x̂_ab) − 1)²       with x̂_ab = G_b(z_a)
 *  x̃_aba = G_a(E(x̂_ab) + ε)         L_cc  = |x̃_aba − x_a|₁
 *  c_a = mean over batch, time of μ_a   L_latent = |c_a − mean_k c_k|₁
 *  L_G = λ_rec L_rec + λ_kl KL + λ_gan L_gan + λ_cc L_cc + λ_lat L_latent   (terms averaged over domains;
 *        each target's L_gan scaled by its domain's ganWeight, default 1)
 *        [+ λ_anc L_anchor when a warm-started run holds its encoder near the preset's, see {@link Anchor}]
 *        [+ λ_cls L_cls, L_cls = −log softmax(C(x̂_ab))[b], when losses.domainClass > 0, see {@link DomainCritic}]
 *  L_D = ½[(D_b(x_b) − 1)² + D_b(x̂_ab.detach())²]                       (LSGAN)
 *        [+ ½ λ_other D_b(x_j)² over real crops of every other domain j, when losses.otherReal > 0]
 *  L_cls_real = −log softmax(C(x_k))[k], averaged over domains: C's own loss, stepped with the discriminators
 * </pre>
 * π is a random derangement, so every source has one other target and every target receives one
 * fake: cost grows linearly in n (n cross pairs instead of n(n−1)). Each G_b decodes its own
 * reconstruction and its incoming transfer in one batch.
 */
public final class VaeGanStep {
    private final VaeGan model;
    private final LossWeights w;
    private final double[] ganWeights;
    private final DomainCritic critic;

    public VaeGanStep(VaeGan model, LossWeights weights) {
        this(model, weights, null);
    }

    /** @param ganWeights per target domain, a scale on its transfer's adversarial term (null = 1 for all) */
    public VaeGanStep(VaeGan model, LossWeights weights, double[] ganWeights) {
        this(model, weights, ganWeights, null);
    }

    /**
     * @param critic the auxiliary domain classifier, required iff {@code weights.domainClass() > 0}; the caller's
     *               {@link Optimisers} must zero its gradients and step it with the discriminators
     */
    public VaeGanStep(VaeGan model, LossWeights weights, double[] ganWeights, DomainCritic critic) {
        int n = model.config().domainCount();
        if (ganWeights != null && ganWeights.length != n)
            throw new IllegalArgumentException("need one GAN weight per domain (" + n + "), got " + ganWeights.length);
        if ((weights.domainClass() > 0) != (critic != null))
            throw new IllegalArgumentException("losses.domainClass > 0 needs a domain classifier, and only then is one trained");
        this.critic = critic;
        this.model = model;
        this.w = weights;
        this.ganWeights = ganWeights == null ? java.util.stream.DoubleStream.generate(() -> 1).limit(n).toArray() : ganWeights.clone();
    }

    /**
     * @param x    per domain, spectrogram crops (B, 1, mels, frames), equal B and frames (multiple of 4)
     * @param comb per domain, the crops' comb images of the same shape, or null for a model without pitch conditioning
     * @return the losses by name (L_rec, KL, L_gan, L_cc, L_latent, L_G, L_D; L_anchor with an anchor; L_cls and
     *         L_cls_real with a domain classifier); all finite
     */
    public Map<String, Float> run(List<NDArray> x, List<NDArray> comb, Random rng, Optimisers opt) {
        return run(x, comb, null, rng, opt);
    }

    /**
     * Targets of an encoder anchor: {@code L_anchor} = |μ_k − target_k|₁ over the crops whose {@code mask_k} is 1,
     * averaged over the anchored domains, enters L_G with λ = {@code weight}. With {@code through} ≥ 0 the anchor
     * compares what generator {@code through} decodes from μ_k instead of μ_k itself, so the encoder may move in any
     * direction that generator does not hear.
     *
     * @param target  per domain, a frozen reference's μ (or decoded output) of that domain's crops (no gradient), or null = not anchored
     * @param mask    per anchored domain, (B, 1, 1, 1) with 1 for a held crop and 0 for a free one
     * @param through the generator whose output is compared, or −1 to compare latents
     */
    public record Anchor(float weight, NDArray[] target, NDArray[] mask, int through) {
        public Anchor(float weight, NDArray[] target, NDArray[] mask) { this(weight, target, mask, -1); }
    }

    /** As {@link #run(List, List, Random, Optimisers)}, plus an encoder anchor term when {@code anchor} is not null. */
    public Map<String, Float> run(List<NDArray> x, List<NDArray> comb, Anchor anchor, Random rng, Optimisers opt) {
        int n = model.config().domainCount();
        if (x.size() != n) throw new IllegalArgumentException("need one batch per domain (" + n + "), got " + x.size());
        if (model.config().pitchConditioning() != (comb != null)) throw new IllegalArgumentException("comb images must be given iff the model is pitch-conditioned");
        long b = x.get(0).getShape().get(0);
        int[] target = derangement(n, rng);
        int[] source = new int[n];
        for (int a = 0; a < n; a++) source[target[a]] = a;

        Map<String, Float> out = new LinkedHashMap<>();
        NDArray[] fakeInto = new NDArray[n]; // x̂_{π⁻¹(k) → k}, detached for the D step
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray mu = model.encoder().forward(NDArrays.concat(new NDList(x)));
            NDArray z = mu.add(mu.getManager().randomNormal(mu.getShape()));
            NDArray lRec = null, lGan = null, lCc = null;
            NDArray[] fakeFrom = new NDArray[n];
            for (int k = 0; k < n; k++) { // G_k decodes [z_k ; z_{π⁻¹(k)}]
                int a = source[k];
                NDArray zin = slice(z, k, b).concat(slice(z, a, b), 0);
                NDArray cin = comb == null ? null : comb.get(k).concat(comb.get(a), 0);
                NDArray y = model.generator(k).forward(zin, cin);
                NDArray recon = y.get(new NDIndex("0:{}", b));
                fakeFrom[a] = y.get(new NDIndex("{}:", b));
                lRec = sum(lRec, recon.sub(x.get(k)).abs().mean());
                lGan = sum(lGan, model.discriminator(k).forward(fakeFrom[a]).sub(1).square().mean().mul((float) ganWeights[k]));
                fakeInto[k] = fakeFrom[a].stopGradient();
            }
            NDArray mu2 = model.encoder().forward(NDArrays.concat(new NDList(fakeFrom)));
            NDArray z2 = mu2.add(mu2.getManager().randomNormal(mu2.getShape()));
            for (int a = 0; a < n; a++) {
                NDArray cycle = model.generator(a).forward(slice(z2, a, b), comb == null ? null : comb.get(a));
                lCc = sum(lCc, cycle.sub(x.get(a)).abs().mean());
            }
            NDArray kl = mu.square().mean().add(mu2.square().mean()).div(2);
            NDArray lLat = latentCentroidLoss(mu, n);
            lRec = lRec.div(n);
            lGan = lGan.div(n);
            lCc = lCc.div(n);
            NDArray lG = lRec.mul((float) w.rec()).add(kl.mul((float) w.kl())).add(lGan.mul((float) w.gan()))
                    .add(lCc.mul((float) w.cycle())).add(lLat.mul((float) w.latent()));
            put(out, "L_rec", lRec); put(out, "KL", kl); put(out, "L_gan", lGan); put(out, "L_cc", lCc);
            put(out, "L_latent", lLat);
            if (critic != null) {
                NDArray lCls = null;
                for (int a = 0; a < n; a++) lCls = sum(lCls, critic.crossEntropy(fakeFrom[a], target[a]));
                lCls = lCls.div(n);
                lG = lG.add(lCls.mul((float) w.domainClass()));
                put(out, "L_cls", lCls);
            }
            if (anchor != null) {
                NDArray[] held = new NDArray[n];
                for (int k = 0; k < n; k++) {
                    if (anchor.target()[k] == null) continue;
                    held[k] = slice(mu, k, b);
                    if (anchor.through() >= 0) held[k] = model.generator(anchor.through()).forward(held[k], comb == null ? null : comb.get(k));
                }
                NDArray lAnc = anchorLoss(held, anchor);
                lG = lG.add(lAnc.mul(anchor.weight()));
                put(out, "L_anchor", lAnc);
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
                NDArray fake = s.get(new NDIndex("{}:", b)).square().mean();
                NDArray dk = real.add(fake);
                if (w.otherReal() > 0) dk = dk.add(otherRealsAsFake(k, x).mul((float) w.otherReal()));
                lD = sum(lD, dk.mul(0.5f));
            }
            lD = lD.div(n);
            put(out, "L_D", lD);
            if (critic != null) { // C learns on real crops only: a fake's domain is what G should reach, not a given
                NDArray lClsReal = null;
                for (int k = 0; k < n; k++) lClsReal = sum(lClsReal, critic.crossEntropy(x.get(k), k));
                lClsReal = lClsReal.div(n);
                put(out, "L_cls_real", lClsReal);
                lD = lD.add(lClsReal);
            }
            opt.zeroAllGradients();
            gc.backward(lD);
        }
        opt.stepDiscriminators();
        return out;
    }

    /** Mean D_k(x_j)² over the real crops of every other domain j: LSGAN's "fake" target for them. */
    private NDArray otherRealsAsFake(int k, List<NDArray> x) {
        List<NDArray> others = new ArrayList<>(x.size() - 1);
        for (int j = 0; j < x.size(); j++) if (j != k) others.add(x.get(j));
        return model.discriminator(k).forward(NDArrays.concat(new NDList(others))).square().mean();
    }

    /** L_latent: mean L1 distance of each domain's latent centroid (mean over batch and time) to the mean centroid. */
    static NDArray latentCentroidLoss(NDArray mu, int n) {
        long[] s = mu.getShape().getShape(); // (n·B, C, F, T)
        NDArray centroids = mu.reshape(n, s[0] / n, s[1], s[2], s[3]).mean(new int[] {4}).mean(new int[] {1}); // (n, C, F)
        return centroids.sub(centroids.mean(new int[] {0}, true)).abs().mean();
    }

    /**
     * Mean L1 distance of the held crops to the anchor's targets, averaged over the anchored domains (0 if no crop is held).
     *
     * @param held per anchored domain, the model's μ (or decoded output) of its B crops; null elsewhere
     */
    static NDArray anchorLoss(NDArray[] held, Anchor anchor) {
        NDArray total = null;
        int domains = 0;
        for (int k = 0; k < anchor.target().length; k++) {
            if (anchor.target()[k] == null) continue;
            long b = held[k].getShape().get(0);
            NDArray diff = held[k].sub(anchor.target()[k]).abs();
            long perCrop = diff.size() / b;
            NDArray heldValues = anchor.mask()[k].sum().mul(perCrop).maximum(1f);
            total = sum(total, diff.mul(anchor.mask()[k]).sum().div(heldValues));
            domains++;
        }
        if (total == null) throw new IllegalArgumentException("the anchor holds no domain");
        return total.div(domains);
    }

    /** A random permutation with no fixed point: each domain's transfer target (uniform over derangements). */
    static int[] derangement(int n, Random rng) {
        int[] p = new int[n];
        while (true) {
            for (int i = 0; i < n; i++) p[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = p[i]; p[i] = p[j]; p[j] = t;
            }
            boolean ok = true;
            for (int i = 0; i < n; i++) ok &= p[i] != i;
            if (ok) return p;
        }
    }

    private static NDArray slice(NDArray a, int k, long b) {
        return a.get(new NDIndex("{}:{}", k * b, (k + 1) * b));
    }

    private static NDArray sum(NDArray acc, NDArray term) {
        return acc == null ? term : acc.add(term);
    }

    private static void put(Map<String, Float> out, String name, NDArray scalar) {
        float v = scalar.getFloat();
        if (!Float.isFinite(v)) throw new IllegalStateException("loss " + name + " is " + v + "; lower the learning rate or check the input batch");
        out.put(name, v);
    }
}
