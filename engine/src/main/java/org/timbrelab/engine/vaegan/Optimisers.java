package org.timbrelab.engine.vaegan;

/**
 * What one VAE-GAN step needs from its optimisers: zero every gradient (both sides, because a
 * generator loss also reaches the discriminators), and update each side from its gradients.
 */
public interface Optimisers {
    void zeroAllGradients();

    /** Updates E, the shared block and every G_k. */
    void stepGenerators();

    /** Updates every D_k. */
    void stepDiscriminators();
}
