/**
 * Small convolutional building blocks (padded convolutions, instance norm, residual blocks,
 * nearest up-sampling, stride-2 down-sampling, PatchGAN) written over DJL NDArray ops so they run
 * on the PyTorch engine, which lacks Conv2dTranspose and InstanceNorm. Shared by the VAE-GAN and the labs.
 */
package org.timbrelab.engine.nn;
