package org.timbrelab.engine.vaegan;

/**
 * λ of each loss term: L_G = rec·L_rec + kl·KL + gan·L_gan + cycle·L_cc + latent·L_latent + tone·L_tone ({@link VaeGanStep}).
 * {@link #REFERENCE} are the weights of the PyTorch reference measured in docs/ARCHITECTURE.md ("The training step"),
 * which has no tone term. {@code toneBands} is not a weight: the number of equal mel bands L_tone's profile is averaged
 * into before comparing (0 = every mel bin; a few bands keep the tilt and drop where the harmonics sit).
 */
public record LossWeights(double rec, double kl, double gan, double cycle, double latent, double tone, int toneBands) {
    public static final LossWeights REFERENCE = new LossWeights(10, 0.01, 1, 10, 1, 0, 0);

    public LossWeights(double rec, double kl, double gan, double cycle, double latent, double tone) {
        this(rec, kl, gan, cycle, latent, tone, 0);
    }

    public LossWeights {
        for (double w : new double[] {rec, kl, gan, cycle, latent, tone}) {
            if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("loss weights must be finite and >= 0, got " + this);
        }
        if (toneBands < 0) throw new IllegalArgumentException("losses.toneBands must be >= 0 (0 = every mel bin), got " + toneBands);
    }

    @Override public String toString() {
        return "rec=" + rec + " kl=" + kl + " gan=" + gan + " cycle=" + cycle + " latent=" + latent + " tone=" + tone + (toneBands > 0 ? " toneBands=" + toneBands : "");
    }
}
