/**
 * Training a VAE-GAN from folders of audio: the {@code model: vaegan} config, the training recipe
 * (both Adams, checkpoints) and the export of the finished model as a preset.
 */
package org.timbrelab.engine.vaegan.training;
