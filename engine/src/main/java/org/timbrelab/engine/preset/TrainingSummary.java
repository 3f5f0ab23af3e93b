package org.timbrelab.engine.preset;

import java.util.Map;

/**
 * How a preset was trained.
 *
 * @param steps       optimisation steps
 * @param minutes     wall-clock training minutes
 * @param msPerStep   mean milliseconds per step
 * @param finalLosses losses of the last steps by name (L_rec, KL, L_gan, L_cc, L_latent, L_G, L_D)
 * @param notes       free text (data used, held-out voices, ...)
 */
public record TrainingSummary(long steps, double minutes, double msPerStep, Map<String, Double> finalLosses, String notes) {
    public TrainingSummary {
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        finalLosses = Map.copyOf(finalLosses);
        if (notes == null) notes = "";
    }
}
