/**
 * Presets: a trained VAE-GAN as a self-describing directory (weights, model and spectrogram
 * config, domains with colours and median f0, latent scatter points, training summary), written
 * atomically and validated on load by {@link org.timbrelab.engine.preset.PresetStore}.
 */
package org.timbrelab.engine.preset;
