/**
 * Inference with a trained VAE-GAN preset: {@link org.timbrelab.engine.infer.Converter} encodes
 * clips to latent maps (μ only, deterministic), decodes them into any domain, converts with
 * register matching, interpolates, and keeps the input's loudness envelope. Used by the CLI and the app.
 */
package org.timbrelab.engine.infer;
