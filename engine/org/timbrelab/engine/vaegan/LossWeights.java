package org.timbrelab.engine.vaegan;

/**
 * λ of each loss term: L = rec·L_rec + kl·KL + gan·L_gan + cycle·L_cc + latent·L_latent.
 * {@link #REFERENCE} are the weights measured in DESIGN §1.8.
 *
 * @param otherReal discriminator side: weight of the other domains' real crops as negatives of D_k (0 = off, the
 *                  method as published). With it on, D_violin also learns "a real flute is not a violin", so G_violin
 *                  is pushed away from the other domains' timbres, not only toward its own.
 * @param domainClass generator side: weight of the auxiliary domain classifier's cross-entropy on the transfers
 *                  ({@link DomainCritic}; 0 = off, no classifier is trained)
 */
public record LossWeights(double rec, double kl, double gan, double cycle, double latent, double otherReal, double domainClass) {
    public static final LossWeights REFERENCE = new LossWeights(10, 0.01, 1, 10, 1);

    public LossWeights(double rec, double kl, double gan, double cycle, double latent) { this(rec, kl, gan, cycle, latent, 0); }

    public LossWeights(double rec, double kl, double gan, double cycle, double latent, double otherReal) {
        this(rec, kl, gan, cycle, latent, otherReal, 0);
    }

    public LossWeights {
        double[] all = {rec, kl, gan, cycle, latent, otherReal, domainClass};
        for (double w : all) {
            if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("loss weights must be finite and >= 0, got " + this);
        }
    }

    @Override public String toString() {
        return "rec=" + rec + " kl=" + kl + " gan=" + gan + " cycle=" + cycle + " latent=" + latent + (otherReal > 0 ? " otherReal=" + otherReal : "")
                + (domainClass > 0 ? " domainClass=" + domainClass : "");
    }
}
