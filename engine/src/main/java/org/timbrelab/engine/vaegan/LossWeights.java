package org.timbrelab.engine.vaegan;

/**
 * λ of each loss term: L_G = rec·L_rec + kl·KL + gan·L_gan + cycle·L_cc + latent·L_latent + tone·L_tone
 * + follow·L_follow + legato·L_legato + peak·L_peak + combPeak·L_combPeak + level·L_level + rests·L_rests + rolloff·L_rolloff + spread·L_spread
 + toneless·L_toneless + loudness·L_loudness + noiseToneless·L_noiseToneless
 * ({@link VaeGanStep}; with toneless on, L_peak counts the frames the comb voices only: the two ask opposite things of the
 * others; with {@code peakRange} D > 0 dB, L_peak counts the frames within D dB of the source crop's loudest and
 * L_toneless the rest instead), and which harmonics
 * L_follow and L_combPeak look at (and L_rolloff compares the rest with): {@code followHarmonics} = K asks them of about the lowest K harmonics of each frame's
 * comb only, 0 of all of them. {@code noiseToneless} asks a transfer of pure noise ({@link org.timbrelab.engine.data.NoiseCrops})
 * for no tone. {@link #REFERENCE} are the weights of the
 * PyTorch reference measured in docs/ARCHITECTURE.md ("The training step"), which has neither a tone nor a
 * comb-following term.
 */
public record LossWeights(double rec, double kl, double gan, double cycle, double latent, double tone, double follow,
                          int followHarmonics, double legato, double peak, double combPeak, double level, double rests,
                          double rolloff, double spread, double toneless, double peakRange, double loudness,
                          double noiseToneless) {
    public static final LossWeights REFERENCE = new LossWeights(10, 0.01, 1, 10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public LossWeights {
        for (double w : new double[] {rec, kl, gan, cycle, latent, tone, follow, legato, peak, combPeak, level, rests, rolloff, spread, toneless, peakRange, loudness, noiseToneless}) {
            if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("loss weights must be finite and >= 0, got " + this);
        }
        if (followHarmonics < 0) throw new IllegalArgumentException("losses.followHarmonics must be >= 0 (0 = every harmonic), got " + followHarmonics);
        if (rolloff > 0 && followHarmonics == 0)
            throw new IllegalArgumentException("losses.rolloff compares the harmonics above the lowest followHarmonics with those: set followHarmonics >= 1");
    }

    /** Whether rec, kl, gan, cycle and latent are those of {@code o} (they weigh terms taken over all domains at once). */
    public boolean sameCoreTerms(LossWeights o) {
        return rec == o.rec && kl == o.kl && gan == o.gan && cycle == o.cycle && latent == o.latent;
    }

    /** The keys a domain may set for the transfers into it ({@link #withOverrides}). */
    public static final java.util.Set<String> PER_DOMAIN_KEYS =
            java.util.Set.of("tone", "follow", "followHarmonics", "legato", "peak", "combPeak", "level", "rests", "rolloff", "spread", "toneless", "peakRange", "loudness", "noiseToneless");

    /** @throws IllegalArgumentException naming the first of {@code keys} that is not one of {@link #PER_DOMAIN_KEYS} */
    public static void requirePerDomainKeys(java.util.Set<String> keys, String whose) {
        for (String key : keys)
            if (!PER_DOMAIN_KEYS.contains(key))
                throw new IllegalArgumentException(whose + " losses may set only " + new java.util.TreeSet<>(PER_DOMAIN_KEYS) + ", not '" + key + "'");
    }

    /**
     * These weights with some of the optional terms' replaced, e.g. a domain's {@code losses: { legato: 10 }}.
     *
     * @throws IllegalArgumentException naming a key that is not one of {@link #PER_DOMAIN_KEYS}
     */
    public LossWeights withOverrides(java.util.Map<String, Double> o) {
        requirePerDomainKeys(o.keySet(), "a domain's");
        double fh = o.getOrDefault("followHarmonics", (double) followHarmonics);
        if (fh != Math.rint(fh)) throw new IllegalArgumentException("followHarmonics must be a whole number, got " + fh);
        return new LossWeights(rec, kl, gan, cycle, latent, o.getOrDefault("tone", tone), o.getOrDefault("follow", follow), (int) fh,
                o.getOrDefault("legato", legato), o.getOrDefault("peak", peak), o.getOrDefault("combPeak", combPeak),
                o.getOrDefault("level", level), o.getOrDefault("rests", rests), o.getOrDefault("rolloff", rolloff), o.getOrDefault("spread", spread),
                o.getOrDefault("toneless", toneless), o.getOrDefault("peakRange", peakRange), o.getOrDefault("loudness", loudness),
                o.getOrDefault("noiseToneless", noiseToneless));
    }

    @Override public String toString() {
        return "rec=" + rec + " kl=" + kl + " gan=" + gan + " cycle=" + cycle + " latent=" + latent + " tone=" + tone + " follow=" + follow
                + (followHarmonics > 0 ? " followHarmonics=" + followHarmonics : "") + (legato > 0 ? " legato=" + legato : "")
                + (peak > 0 ? " peak=" + peak : "") + (combPeak > 0 ? " combPeak=" + combPeak : "") + (level > 0 ? " level=" + level : "")
                + (rests > 0 ? " rests=" + rests : "") + (rolloff > 0 ? " rolloff=" + rolloff : "") + (spread > 0 ? " spread=" + spread : "") + (toneless > 0 ? " toneless=" + toneless : "")
                + (peakRange > 0 ? " peakRange=" + peakRange : "") + (loudness > 0 ? " loudness=" + loudness : "") + (noiseToneless > 0 ? " noiseToneless=" + noiseToneless : "");
    }
}
