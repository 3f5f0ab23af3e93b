/**
 * The course labs on the shared engine: a convolutional VAE on digits (Lab 1), GAN losses side by
 * side (Lab 2) and a spectral VAE on string notes (Lab 4). Each is a {@link
 * org.timbrelab.engine.train.ModelKind} trained by {@code train --config config/…yaml}.
 */
package org.timbrelab.engine.labs;
