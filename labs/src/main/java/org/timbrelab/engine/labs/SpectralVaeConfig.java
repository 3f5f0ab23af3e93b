package org.timbrelab.engine.labs;

import org.timbrelab.engine.config.ModelConfig;
import org.timbrelab.engine.config.TrainSettings;

import java.util.List;

/** config/spectral-vae.yaml (Lab 4). */
public record SpectralVaeConfig(String model, TrainSettings train, Data data, Vae vae) implements ModelConfig {

    /**
     * @param domains             one folder per instrument (NSynth jsonwav notes or WAV files)
     * @param cacheRoot           spectrogram cache folder (DomainDataset)
     * @param validationFraction  share of files held out (by file) per instrument
     */
    public record Data(List<String> domains, String cacheRoot, double validationFraction) {
        public Data {
            if (domains == null || domains.isEmpty()) throw new IllegalArgumentException("domains must list at least one folder");
            if (!(validationFraction >= 0 && validationFraction < 0.5)) {
                throw new IllegalArgumentException("validationFraction must be in [0, 0.5) (got " + validationFraction + ")");
            }
            domains = List.copyOf(domains);
        }
    }

    /**
     * @param latent           latent size L
     * @param channels         base channels (even)
     * @param cropFrames       frames per crop (multiple of 8; 64 ≈ 1 s)
     * @param perDomain        crops per instrument per step (batch = perDomain × instruments)
     * @param lr               Adam learning rate
     * @param sigma            σ of the Gaussian decoder: L_rec = Σ (x̂ − x)² / (2σ²)
     * @param betaWarmupSteps  β rises 0 → 1 over this many steps
     */
    public record Vae(int latent, int channels, int cropFrames, int perDomain, double lr, double sigma, long betaWarmupSteps) {
        public Vae {
            if (latent < 1) throw new IllegalArgumentException("latent must be >= 1 (got " + latent + ")");
            if (channels < 2 || channels % 2 != 0) throw new IllegalArgumentException("channels must be even and >= 2 (got " + channels + ")");
            if (cropFrames < 8 || cropFrames % 8 != 0) throw new IllegalArgumentException("cropFrames must be a multiple of 8 (got " + cropFrames + ")");
            if (perDomain < 1) throw new IllegalArgumentException("perDomain must be >= 1 (got " + perDomain + ")");
            if (!(lr > 0)) throw new IllegalArgumentException("lr must be > 0 (got " + lr + ")");
            if (!(sigma > 0)) throw new IllegalArgumentException("sigma must be > 0 (got " + sigma + ")");
            if (betaWarmupSteps < 0) throw new IllegalArgumentException("betaWarmupSteps must be >= 0 (got " + betaWarmupSteps + ")");
        }
    }
}
