package org.timbrelab.engine.labs;

import org.timbrelab.engine.config.ModelConfig;
import org.timbrelab.engine.config.TrainSettings;

/** config/gan-digits.yaml (Lab 2). One step = {@code critic} D updates + one G update. */
public record GanDigitsConfig(String model, TrainSettings train, VaeDigitsConfig.Data data, Gan gan) implements ModelConfig {

    /**
     * @param loss         bce, lsgan, hinge or wgan (weight-clipped)
     * @param latent       size of z
     * @param channels     base channels (even)
     * @param batch        images per D and G update
     * @param lr           Adam learning rate of G and D
     * @param beta1        Adam β1 (DCGAN: 0.5)
     * @param wganCritic   D updates per step when loss is wgan (others use 1)
     * @param wganClip     critic weights are clipped to [−clip, clip] after each update (wgan only)
     */
    public record Gan(String loss, int latent, int channels, int batch, double lr, double beta1, int wganCritic, double wganClip) {
        public Gan {
            lossKind(loss);
            if (latent < 1) throw new IllegalArgumentException("latent must be >= 1 (got " + latent + ")");
            if (channels < 2 || channels % 2 != 0) throw new IllegalArgumentException("channels must be even and >= 2 (got " + channels + ")");
            if (batch < 1) throw new IllegalArgumentException("batch must be >= 1 (got " + batch + ")");
            if (!(lr > 0)) throw new IllegalArgumentException("lr must be > 0 (got " + lr + ")");
            if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("beta1 must be in [0, 1) (got " + beta1 + ")");
            if (wganCritic < 1) throw new IllegalArgumentException("wganCritic must be >= 1 (got " + wganCritic + ")");
            if (!(wganClip > 0)) throw new IllegalArgumentException("wganClip must be > 0 (got " + wganClip + ")");
        }

        public GanLoss lossKind() {
            return lossKind(loss);
        }

        /** D updates per step. */
        public int criticSteps() {
            return lossKind() == GanLoss.WGAN ? wganCritic : 1;
        }

        private static GanLoss lossKind(String s) {
            try {
                return GanLoss.valueOf(s.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("loss must be bce, lsgan, hinge or wgan (got '" + s + "')");
            }
        }
    }
}
