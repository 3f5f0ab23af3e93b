package org.timbrelab.engine.train;

/**
 * Adam hyper-parameters (Kingma &amp; Ba 2015, PyTorch conventions).
 *
 * @param lr        learning rate
 * @param beta1     decay of the first moment
 * @param beta2     decay of the second moment
 * @param eps       added to sqrt(v̂) in the denominator
 * @param clipNorm  global gradient-norm limit; 0 or less disables clipping
 */
public record AdamConfig(double lr, double beta1, double beta2, double eps, double clipNorm) {

    public AdamConfig {
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("lr must be > 0 (got " + lr + ")");
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1) (got " + beta1 + ")");
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("beta2 must be in [0, 1) (got " + beta2 + ")");
        if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0 (got " + eps + ")");
        if (Double.isNaN(clipNorm)) throw new IllegalArgumentException("clipNorm must be a number");
    }

    /** PyTorch defaults: betas (0.9, 0.999), eps 1e-8, no clipping. */
    public static AdamConfig of(double lr) {
        return new AdamConfig(lr, 0.9, 0.999, 1e-8, 0);
    }

    /** GAN-style betas (0.5, 0.999). */
    public static AdamConfig gan(double lr) {
        return new AdamConfig(lr, 0.5, 0.999, 1e-8, 0);
    }

    public AdamConfig withClipNorm(double norm) {
        return new AdamConfig(lr, beta1, beta2, eps, norm);
    }
}
