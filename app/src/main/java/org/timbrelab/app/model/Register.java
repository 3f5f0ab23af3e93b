package org.timbrelab.app.model;

/**
 * Octave shift applied to the input before encoding for one target (docs/ARCHITECTURE.md, "One clip from WAV to violin"): Auto (toward the
 * target domain's median f0) or a fixed −2…+2.
 */
public record Register(boolean auto, int octaves) {
    public static final Register AUTO = new Register(true, 0);

    public Register {
        if (octaves < -2 || octaves > 2) throw new IllegalArgumentException("register must be -2..+2 octaves, got " + octaves);
    }

    public static Register fixed(int octaves) { return new Register(false, octaves); }

    @Override public String toString() { return auto ? "Auto" : (octaves > 0 ? "+" : "") + octaves; }

    /** Choices offered in the UI, Auto first. */
    public static Register[] choices() {
        return new Register[]{AUTO, fixed(-2), fixed(-1), fixed(0), fixed(1), fixed(2)};
    }
}
