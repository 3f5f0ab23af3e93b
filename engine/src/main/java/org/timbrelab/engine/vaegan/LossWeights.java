package org.timbrelab.engine.vaegan;

/**
 * λ of each loss term: L_G = rec·L_rec + kl·KL + gan·L_gan + cycle·L_cc + latent·L_latent + tone·L_tone
 * + follow·L_follow + legato·L_legato + peak·L_peak + combPeak·L_combPeak + level·L_level + rests·L_rests ({@link VaeGanStep}), and which harmonics
 * L_follow and L_combPeak look at: {@code followHarmonics} = K asks them of about the lowest K harmonics of each frame's
 * comb only, 0 of all of them. {@link #REFERENCE} are the weights of the
 * PyTorch reference measured in docs/ARCHITECTURE.md ("The training step"), which has neither a tone nor a
 * comb-following term.
 */
public record LossWeights(double rec, double kl, double gan, double cycle, double latent, double tone, double follow,
                          int followHarmonics, double legato, double peak, double combPeak, double level, double rests) {
    public static final LossWeights REFERENCE = new LossWeights(10, 0.01, 1, 10, 1, 0, 0, 0, 0, 0, 0, 0, 0);

    public LossWeights {
        for (double w : new double[] {rec, kl, gan, cycle, latent, tone, follow, legato, peak, combPeak, level, rests}) {
            if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("loss weights must be finite and >= 0, got " + this);
        }
        if (followHarmonics < 0) throw new IllegalArgumentException("losses.followHarmonics must be >= 0 (0 = every harmonic), got " + followHarmonics);
    }

    @Override public String toString() {
        return "rec=" + rec + " kl=" + kl + " gan=" + gan + " cycle=" + cycle + " latent=" + latent + " tone=" + tone + " follow=" + follow
                + (followHarmonics > 0 ? " followHarmonics=" + followHarmonics : "") + (legato > 0 ? " legato=" + legato : "")
                + (peak > 0 ? " peak=" + peak : "") + (combPeak > 0 ? " combPeak=" + combPeak : "") + (level > 0 ? " level=" + level : "")
                + (rests > 0 ? " rests=" + rests : "");
    }
}
