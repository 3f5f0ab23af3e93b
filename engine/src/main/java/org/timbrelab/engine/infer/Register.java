package org.timbrelab.engine.infer;

/**
 * How far to move the input by whole octaves before encoding (docs/ARCHITECTURE.md, "One clip from WAV to violin"): {@link #AUTO} picks
 * k = round(log2(target median f0 / input median f0)) clamped to 0…2; a fixed choice is −2…+2.
 */
public record Register(boolean auto, int octaves) {
    public static final Register AUTO = new Register(true, 0);
    public static final int MIN = -2, MAX = 2;

    public Register {
        if (octaves < MIN || octaves > MAX) throw new IllegalArgumentException("octave shift must be in " + MIN + ".." + MAX + ", got " + octaves);
    }

    public static Register octaves(int k) { return new Register(false, k); }

    /** Parses "auto" or an integer −2…2 (the CLI's --octaves). */
    public static Register parse(String s) {
        if (s == null || s.isBlank() || s.equalsIgnoreCase("auto")) return AUTO;
        try {
            return octaves(Integer.parseInt(s.trim()));
        } catch (IllegalArgumentException e) { // not a number, or out of range
            throw new IllegalArgumentException("--octaves must be 'auto' or an integer " + MIN + ".." + MAX + ", got '" + s + "'");
        }
    }

    /**
     * The shift for an input whose voiced median f0 is {@code inputMedianHz} (NaN if unvoiced) and a
     * target domain whose training data has median {@code targetMedianHz}.
     */
    public int shiftFor(double inputMedianHz, double targetMedianHz) {
        if (!auto) return octaves;
        if (!(inputMedianHz > 0) || !(targetMedianHz > 0)) return 0;
        long k = Math.round(Math.log(targetMedianHz / inputMedianHz) / Math.log(2));
        return (int) Math.max(0, Math.min(2, k));
    }

    @Override public String toString() { return auto ? "auto" : Integer.toString(octaves); }
}
