/**
 * The n-domain VAE-GAN of AlBadawy &amp; Lyu (2020): one shared encoder, one generator and one
 * PatchGAN per domain, generators sharing their first residual block; optional pitch conditioning
 * by a harmonic comb image (DESIGN §1.8). {@link org.timbrelab.engine.vaegan.VaeGanStep} holds the losses of one step.
 */
package org.timbrelab.engine.vaegan;
