package org.timbrelab.dsp;

/**
 * Settings of the YIN f0 tracker ({@link Pitch}).
 *
 * @param fMinHz        lowest f0 searched, Hz (sets the longest lag)
 * @param fMaxHz        highest f0 searched, Hz (sets the shortest lag)
 * @param threshold     YIN absolute threshold on the cumulative mean normalised difference;
 *                      a frame whose best dip stays above it is unvoiced (YIN paper: 0.1–0.15)
 * @param windowSeconds YIN integration window; raised to the longest lag if shorter
 * @param silenceDb     frames whose RMS is below this many dB re full scale are unvoiced
 * @param weakThreshold voicing by hysteresis: a frame whose best dip is under this looser threshold (but not under
 *                      {@code threshold}) is voiced when it continues a voiced neighbour's pitch (within
 *                      {@link Pitch#MAX_GLIDE_SEMITONES}), so a vowel whose onset YIN finds keeps its pitch through
 *                      the noisier, breathier frames a real recording has. Equal to {@code threshold}: plain YIN.
 */
public record PitchConfig(double fMinHz, double fMaxHz, double threshold, double windowSeconds, double silenceDb,
                          double weakThreshold) {

    /**
     * 62–2000 Hz: from just under a cello's open C (65.4 Hz) and a bass voice's speaking floor to the violin's top. The
     * floor stays above mains hum (50 and 60 Hz): with a 40 Hz floor, real recordings' hum was tracked as their pitch
     * (two of eleven real speakers of the selection set, ~51 Hz over most frames). 32 ms holds two periods of 62 Hz.
     */
    public static final PitchConfig DEFAULT = new PitchConfig(62, 2000, 0.15, 0.032, -60);

    /** Plain YIN: no hysteresis. */
    public PitchConfig(double fMinHz, double fMaxHz, double threshold, double windowSeconds, double silenceDb) {
        this(fMinHz, fMaxHz, threshold, windowSeconds, silenceDb, threshold);
    }

    public PitchConfig {
        if (!(fMinHz > 0 && fMaxHz > fMinHz))
            throw new IllegalArgumentException("need 0 < fMinHz < fMaxHz, got " + fMinHz + ", " + fMaxHz);
        if (!(threshold > 0 && threshold < 1))
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        if (!(windowSeconds > 0)) throw new IllegalArgumentException("windowSeconds must be > 0, got " + windowSeconds);
        if (!(silenceDb < 0)) throw new IllegalArgumentException("silenceDb must be negative, got " + silenceDb);
        if (!(weakThreshold >= threshold && weakThreshold < 1))
            throw new IllegalArgumentException("weakThreshold must be in [threshold, 1), got " + weakThreshold + " with threshold " + threshold);
    }

    /**
     * The record's usual text, with {@code weakThreshold} only when hysteresis is on: feature caches are keyed by this
     * text, and the caches written before the component existed stay valid.
     */
    @Override public String toString() {
        return "PitchConfig[fMinHz=" + fMinHz + ", fMaxHz=" + fMaxHz + ", threshold=" + threshold + ", windowSeconds="
                + windowSeconds + ", silenceDb=" + silenceDb + (hysteresis() ? ", weakThreshold=" + weakThreshold : "") + "]";
    }

    /** Whether voicing extends by hysteresis ({@code weakThreshold > threshold}). */
    public boolean hysteresis() { return weakThreshold > threshold; }

    /** The same settings with voicing by hysteresis down to {@code weakThreshold} ({@code threshold}: plain YIN). */
    public PitchConfig withWeakThreshold(double weakThreshold) {
        return new PitchConfig(fMinHz, fMaxHz, threshold, windowSeconds, silenceDb, weakThreshold);
    }

    /** The same settings searching f0 in [fMinHz, fMaxHz]. */
    public PitchConfig withRange(double fMinHz, double fMaxHz) {
        return new PitchConfig(fMinHz, fMaxHz, threshold, windowSeconds, silenceDb, weakThreshold);
    }
}
