package org.timbrelab.app.model;

/**
 * How the pitch an output plays is held (docs/ARCHITECTURE.md, "One clip from WAV to violin", step 7): the preset's own
 * choice for the target, or an amount 0…1 of note snapping (0 = the voice's glides as sung, 1 = held notes).
 *
 * @param amount the note snap amount, or null for the preset's own
 */
public record Notes(Double amount) {
    public static final Notes PRESET = new Notes(null);

    public Notes {
        if (amount != null && !(amount >= 0 && amount <= 1)) throw new IllegalArgumentException("note snap must be in 0..1, got " + amount);
    }

    public boolean preset() { return amount == null; }

    @Override public String toString() {
        if (amount == null) return "Preset";
        if (amount == 0) return "As sung";
        if (amount == 1) return "On notes";
        return amount == 0.5 ? "Half to notes" : String.format(java.util.Locale.ROOT, "%.0f %% to notes", amount * 100);
    }

    /** Choices offered in the UI, the preset's first. */
    public static Notes[] choices() { return new Notes[]{PRESET, new Notes(0.0), new Notes(0.5), new Notes(1.0)}; }
}
