package org.timbrelab.engine.nn;

/**
 * Which native ops a model's layers are built from. Both compute the same function; they round differently in the
 * backward pass, so a training run's trajectory (a GAN's especially) depends on the choice, and a config trains to its
 * preset byte for byte only with the kernels it was trained with (docs/perf/README.md, "Op by op against the reference,
 * and fused kernels").
 */
public enum Kernels {
    /**
     * The ops every preset before this choice existed was trained with (voice-strings, voice-cello, voice-to-cello): the
     * affine norm's scale and shift as separate multiply and add, nearest up-sampling as a broadcast and reshape. Configs
     * and presets that do not say otherwise.
     */
    SPLIT,
    /**
     * The scale and shift inside the native batch-norm kernel (as PyTorch's {@code InstanceNorm2d(affine=True)} does
     * it) and libtorch's own nearest up-sampling: fewer full-size intermediate arrays and cheaper gradients (a training
     * step ~20 % faster in bench train, less native memory).
     */
    FUSED
}
