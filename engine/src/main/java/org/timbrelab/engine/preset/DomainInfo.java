package org.timbrelab.engine.preset;

/**
 * One domain of a preset.
 *
 * @param name        as in the model config
 * @param colour      display colour "#rrggbb" (scatter, output rows)
 * @param medianF0Hz  median f0 over the voiced frames of its training data: register matching's target (docs/ARCHITECTURE.md, "One clip from WAV to violin")
 */
public record DomainInfo(String name, String colour, double medianF0Hz) {
    public DomainInfo {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name is missing");
        if (colour == null || !colour.matches("#[0-9a-fA-F]{6}")) throw new IllegalArgumentException("colour must be #rrggbb, got " + colour);
        if (!(medianF0Hz > 0) || !Double.isFinite(medianF0Hz)) throw new IllegalArgumentException("medianF0Hz must be > 0 Hz, got " + medianF0Hz);
    }
}
