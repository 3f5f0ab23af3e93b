package org.timbrelab.engine.labs;

import ai.djl.ndarray.NDArray;
import org.timbrelab.engine.nn.Scalars;

/**
 * The four GAN objectives Lab 2 compares, on raw discriminator outputs s (no sigmoid):
 * <pre>
 *   BCE (non-saturating)  L_D = softplus(−s_r) + softplus(s_f)      L_G = softplus(−s_f)
 *   LSGAN                 L_D = ½(s_r − 1)² + ½ s_f²               L_G = ½(s_f − 1)²
 *   hinge                 L_D = relu(1 − s_r) + relu(1 + s_f)       L_G = −s_f
 *   WGAN (weight clip)    L_D = s_f − s_r                          L_G = −s_f
 * </pre>
 * WGAN-GP's gradient penalty needs a graph of the gradient, which DJL's backward does not build,
 * so WGAN here is the original weight-clipped critic (Arjovsky et al. 2017).
 */
public enum GanLoss {
    BCE, LSGAN, HINGE, WGAN;

    /** Discriminator loss (mean over the batch). */
    public NDArray discriminator(NDArray real, NDArray fake) {
        return switch (this) {
            case BCE -> softplus(real.neg()).mean().add(softplus(fake).mean());
            case LSGAN -> Scalars.mul(real.sub(1f).square().mean(), 0.5).add(Scalars.mul(fake.square().mean(), 0.5));
            case HINGE -> Scalars.maximum(real.neg().add(1f), 0).mean().add(Scalars.maximum(fake.add(1f), 0).mean());
            case WGAN -> fake.mean().sub(real.mean());
        };
    }

    /** Generator loss (mean over the batch). */
    public NDArray generator(NDArray fake) {
        return switch (this) {
            case BCE -> softplus(fake.neg()).mean();
            case LSGAN -> Scalars.mul(fake.sub(1f).square().mean(), 0.5);
            case HINGE, WGAN -> fake.mean().neg();
        };
    }

    /** log(1 + e^x), stable for large |x|: max(x, 0) + log(1 + e^−|x|). */
    static NDArray softplus(NDArray x) {
        return Scalars.maximum(x, 0).add(x.abs().neg().exp().add(1f).log());
    }
}
