package org.timbrelab.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws training batches with the same number of crops from every domain, however different the
 * domains' sizes. A batch is a pure function of (seed, step): {@code batch(step)} gives the same
 * crops every time, so a resumed run sees exactly the batches it would have seen, and a
 * {@link BatchPrefetcher} changes nothing but timing.
 */
public final class BalancedSampler {

    private final List<ChunkSet> domains;
    private final int cropFrames;
    private final int perDomain;
    private final long seed;
    private final List<NoiseFloor> noise;

    /**
     * @param domains    one chunk set per domain (e.g. each domain's {@code split(..).train()})
     * @param cropFrames frames per crop (T)
     * @param perDomain  crops per domain per batch (B)
     * @param seed       base seed
     */
    public BalancedSampler(List<ChunkSet> domains, int cropFrames, int perDomain, long seed) {
        if (domains.isEmpty()) throw new IllegalArgumentException("need at least one domain");
        if (cropFrames <= 0) throw new IllegalArgumentException("cropFrames must be > 0, got " + cropFrames);
        if (perDomain <= 0) throw new IllegalArgumentException("perDomain must be > 0, got " + perDomain);
        int nMels = domains.get(0).dataset().nMels();
        if ((long) perDomain * nMels * cropFrames > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("a batch of " + perDomain + " x " + nMels + " x " + cropFrames + " values does not fit in one array; use smaller crops or batches");
        for (ChunkSet d : domains) {
            if (d.isEmpty())
                throw new IllegalArgumentException("domain '" + d.dataset().name() + "' has no chunks to sample from; "
                        + "add files or lower the validation fraction");
            if (!d.dataset().config().equals(domains.get(0).dataset().config()))
                throw new IllegalArgumentException("domain '" + d.dataset().name() + "' uses spectrogram config "
                        + d.dataset().config() + " but '" + domains.get(0).dataset().name() + "' uses "
                        + domains.get(0).dataset().config() + "; open every domain with the same DatasetOptions");
            if (d.dataset().nMels() != nMels) throw new IllegalStateException("mel band counts differ");
        }
        this.domains = List.copyOf(domains);
        this.cropFrames = cropFrames;
        this.perDomain = perDomain;
        this.seed = seed;
        this.noise = null;
    }

    private BalancedSampler(BalancedSampler s, List<NoiseFloor> noise) {
        this.domains = s.domains;
        this.cropFrames = s.cropFrames;
        this.perDomain = s.perDomain;
        this.seed = s.seed;
        this.noise = noise;
    }

    /**
     * The same sampler whose crops of domain k also get noise floor {@code perDomain.get(k)} (if it is on), drawn from a
     * random stream of their own: the crops are the ones this sampler draws, and so are every other domain's.
     */
    public BalancedSampler withNoise(List<NoiseFloor> perDomain) {
        if (perDomain.size() != domains.size())
            throw new IllegalArgumentException(perDomain.size() + " noise settings for " + domains.size() + " domains");
        return new BalancedSampler(this, perDomain.stream().noneMatch(NoiseFloor::isOn) ? null : List.copyOf(perDomain));
    }

    public int domainCount() { return domains.size(); }

    public int cropFrames() { return cropFrames; }

    public int perDomain() { return perDomain; }

    public List<ChunkSet> domains() { return domains; }

    /** True if every domain has f0 tracks, so batches carry f0 crops. */
    public boolean hasF0() {
        return domains.stream().allMatch(d -> d.dataset().hasF0());
    }

    /** The batch of training step {@code step} (deterministic given the seed). */
    public StepBatch batch(long step) {
        int nMels = domains.get(0).dataset().nMels();
        List<DomainBatch> out = new ArrayList<>(domains.size());
        for (int k = 0; k < domains.size(); k++) {
            ChunkSet set = domains.get(k);
            Random rnd = new Random(mix(seed, step, k));
            float[] mels = new float[perDomain * nMels * cropFrames];
            float[] f0 = set.dataset().hasF0() ? new float[perDomain * cropFrames] : null;
            List<ChunkSet.CropSource> sources = new ArrayList<>(perDomain);
            for (int i = 0; i < perDomain; i++)
                sources.add(set.crop(rnd, cropFrames, mels, i * nMels * cropFrames, f0, i * cropFrames));
            if (noise != null && noise.get(k).isOn())
                noise.get(k).apply(mels, 0, perDomain, nMels, cropFrames, set.dataset().config(), new Random(mix(seed, step, k) ^ NOISE_STREAM));
            out.add(new DomainBatch(k, set.dataset().name(), perDomain, nMels, cropFrames, mels, f0, sources));
        }
        return new StepBatch(step, out);
    }

    private static final long NOISE_STREAM = 0x6E6F697365L; // "noise"

    /** Independent seeds for every (seed, step, domain): SplitMix64 finaliser over the combination. */
    static long mix(long seed, long step, int domain) {
        long z = seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + domain * 0x94D049BB133111EBL + 0x2545F4914F6CDD1DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
