/**
 * The n-domain VAE-GAN of AlBadawy &amp; Lyu (2020): one shared encoder, one generator and one
 * PatchGAN per domain, generators sharing their first residual block; optional pitch conditioning
 * by a harmonic comb image (docs/ARCHITECTURE.md, "The model"). {@link org.timbrelab.engine.vaegan.VaeGanStep} holds the losses of one step.
 */
package org.timbrelab.engine.vaegan;
