package org.timbrelab.dsp;

/**
 * What a register shift ({@link AudioTransform#shiftOctaves(MagnitudeSpectrogram, int, ShiftLoudness)}) does to each
 * frame's loudness. The plain stretch moves the pitch and changes how loud frames are heard: moved up two octaves, a
 * voice loses everything above 2 kHz (its fricatives) and its low room noise climbs into the band the ear hears best.
 * Keeping loudness scales each stretched frame back to its A-weighted power, but by no more than {@code maxBoostDb}
 * upwards and {@link AudioTransform#MAX_LOUDNESS_GAIN_DB} downwards: with a boost of 0 a shift only takes back the
 * loudness the stretch added (pauses, vowels) and leaves a consonant as quiet as the stretch left it, so a model hears
 * an articulation there rather than a burst as loud as a note. Counted from the clip's typical gain instead
 * ({@code fromClipGain}), the cap is relative: no frame is scaled up more than the clip's loud frames (its vowels) are,
 * so the stretch's balance between vowels and consonants stays, and only frames it lifted more than the vowels (a
 * recording's room noise in its pauses) are brought back down.
 *
 * @param keep         scale each frame toward its unshifted A-weighted loudness; false = the plain stretch
 * @param maxBoostDb   the most a frame is raised, in dB (0 … {@link AudioTransform#MAX_LOUDNESS_GAIN_DB})
 * @param fromClipGain count {@code maxBoostDb} from the clip's typical gain (the median over the frames within
 *                     {@link #TYPICAL_FRAMES_DB} dB of its loudest) rather than from 0 dB
 */
public record ShiftLoudness(boolean keep, double maxBoostDb, boolean fromClipGain) {

    /** The plain stretch (every preset before loudness-keeping shifts). */
    public static final ShiftLoudness STRETCH = new ShiftLoudness(false, 0, false);
    /** Every frame as loud as it was, within ±{@link AudioTransform#MAX_LOUDNESS_GAIN_DB} dB. */
    public static final ShiftLoudness KEEP = new ShiftLoudness(true, AudioTransform.MAX_LOUDNESS_GAIN_DB, false);
    /** The frames whose gain makes a clip's typical gain: those within this many dB of its loudest (unshifted, A-weighted). */
    public static final double TYPICAL_FRAMES_DB = 20;

    /** Counted from 0 dB. */
    public ShiftLoudness(boolean keep, double maxBoostDb) { this(keep, maxBoostDb, false); }

    public ShiftLoudness {
        if (!(maxBoostDb >= 0 && maxBoostDb <= AudioTransform.MAX_LOUDNESS_GAIN_DB))
            throw new IllegalArgumentException("maxBoostDb must be in [0, " + AudioTransform.MAX_LOUDNESS_GAIN_DB
                    + "] dB (0 = a shift never makes a frame louder than the stretch left it), got " + maxBoostDb);
    }

    /** {@link #KEEP} if {@code keep}, else {@link #STRETCH}. */
    public static ShiftLoudness of(boolean keep) { return keep ? KEEP : STRETCH; }

    /** How a cache, log or report names it. */
    @Override public String toString() {
        if (!keep) return "stretch";
        if (fromClipGain) return String.format(java.util.Locale.ROOT, "keeping loudness, raised at most %.1f dB over the clip's gain", maxBoostDb);
        return maxBoostDb == AudioTransform.MAX_LOUDNESS_GAIN_DB ? "keeping loudness" : String.format(java.util.Locale.ROOT,
                "keeping loudness, raised at most %.1f dB", maxBoostDb);
    }
}
