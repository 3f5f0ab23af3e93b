package org.timbrelab.engine.infer;

import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.engine.preset.PresetInfo;

import java.util.Map;

/**
 * How one conversion is made, passed with each call so a converter holds no settings of its own and two callers (the
 * window's rows, an evaluation's ablations) never see each other's choices. {@link Converter#defaults()} gives the
 * shipped defaults for a preset.
 *
 * @param phase          the vocoder (PGHI by default)
 * @param followLoudness outputs take the input's frame-energy envelope (off by default: one gain to the input's level)
 * @param timbreStrength how far the latent moves toward the target's centroid, 0…2 ({@link Converter#towardTarget})
 * @param toneMatch      equalise the input toward the preset's source tone before encoding (on by default when the
 *                       preset has one; a preset without it refuses {@code true} at conversion)
 * @param window         spectrogram frames per model window, a multiple of 4, at least 8
 * @param overlap        cross-faded frames between windows, a multiple of 4, below {@code window}
 * @param targetStrengths targets converted at a strength of their own instead ({@link #strengthFor}; a preset's
 *                        per-domain defaults, none once a strength is set for all with {@link #withTimbreStrength})
 * @param noteSnap       how far the pitch the generator is asked to play moves onto the notes of a scale, 0…1
 *                       ({@link org.timbrelab.dsp.NoteSnap}; 0 = the input's own glides, 1 = held notes)
 * @param targetNoteSnaps targets snapped by an amount of their own instead ({@link #noteSnapFor}; a preset's per-domain
 *                        defaults, none once an amount is set for all with {@link #withNoteSnap})
 */
public record ConversionSettings(PhaseMethod phase, boolean followLoudness, double timbreStrength, boolean toneMatch, int window, int overlap,
                                 Map<String, Double> targetStrengths, double noteSnap, Map<String, Double> targetNoteSnaps) {
    /**
     * Default window and overlap; long windows are faster on a CPU (measured on 2 idle cores, 30-s clip: E + G 189 ms in
     * 256-frame windows, 147 ms in 512-frame windows, 123 ms in one pass).
     */
    public static final int WINDOW = 1024, OVERLAP = 32;

    public ConversionSettings {
        if (phase == null) throw new IllegalArgumentException("phase method is missing");
        PresetInfo.requireStrength(timbreStrength, "timbre strength");
        targetStrengths = targetStrengths == null ? Map.of() : Map.copyOf(targetStrengths);
        targetStrengths.forEach((d, s) -> PresetInfo.requireStrength(s, "timbre strength for " + d));
        if (window % 4 != 0 || overlap % 4 != 0 || overlap < 0 || overlap >= window || window < 8)
            throw new IllegalArgumentException("window and overlap must be multiples of 4 with 0 <= overlap < window, got " + window + ", " + overlap);
        PresetInfo.requireNoteSnap(noteSnap, "note snap");
        targetNoteSnaps = targetNoteSnaps == null ? Map.of() : Map.copyOf(targetNoteSnaps);
        targetNoteSnaps.forEach((d, a) -> PresetInfo.requireNoteSnap(a, "note snap for " + d));
    }

    /** No note snapping. */
    public ConversionSettings(PhaseMethod phase, boolean followLoudness, double timbreStrength, boolean toneMatch, int window, int overlap,
                              Map<String, Double> targetStrengths) {
        this(phase, followLoudness, timbreStrength, toneMatch, window, overlap, targetStrengths, 0, Map.of());
    }

    /** One strength for every target. */
    public ConversionSettings(PhaseMethod phase, boolean followLoudness, double timbreStrength, boolean toneMatch, int window, int overlap) {
        this(phase, followLoudness, timbreStrength, toneMatch, window, overlap, Map.of(), 0, Map.of());
    }

    /**
     * The shipped defaults with a preset's timbre strengths (its own, and its targets' where they have one), per-target
     * note snaps (none for the others) and tone matching (on when the preset stores its source tone).
     */
    public static ConversionSettings defaults(double timbreStrength, Map<String, Double> targetStrengths, Map<String, Double> targetNoteSnaps,
                                              boolean toneMatch) {
        return new ConversionSettings(PhaseMethod.PGHI, false, timbreStrength, toneMatch, WINDOW, OVERLAP, targetStrengths, 0, targetNoteSnaps);
    }

    /** The timbre strength of conversions into {@code domain}. */
    public double strengthFor(String domain) { return targetStrengths.getOrDefault(domain, timbreStrength); }

    /** The note snap of conversions into {@code domain}. */
    public double noteSnapFor(String domain) { return targetNoteSnaps.getOrDefault(domain, noteSnap); }

    public ConversionSettings withPhase(PhaseMethod p) { return new ConversionSettings(p, followLoudness, timbreStrength, toneMatch, window, overlap, targetStrengths, noteSnap, targetNoteSnaps); }

    public ConversionSettings withFollowLoudness(boolean on) { return new ConversionSettings(phase, on, timbreStrength, toneMatch, window, overlap, targetStrengths, noteSnap, targetNoteSnaps); }

    /** {@code s} for every target, the preset's per-target strengths dropped. */
    public ConversionSettings withTimbreStrength(double s) { return new ConversionSettings(phase, followLoudness, s, toneMatch, window, overlap, Map.of(), noteSnap, targetNoteSnaps); }

    public ConversionSettings withToneMatch(boolean on) { return new ConversionSettings(phase, followLoudness, timbreStrength, on, window, overlap, targetStrengths, noteSnap, targetNoteSnaps); }

    /** {@code amount} 0…1 of note snapping for every target, the preset's per-target amounts dropped. */
    public ConversionSettings withNoteSnap(double amount) { return new ConversionSettings(phase, followLoudness, timbreStrength, toneMatch, window, overlap, targetStrengths, amount, Map.of()); }

    public ConversionSettings withWindows(int frames, int overlapFrames) {
        return new ConversionSettings(phase, followLoudness, timbreStrength, toneMatch, frames, overlapFrames, targetStrengths, noteSnap, targetNoteSnaps);
    }

    /** "0.75", or "0.75 (flute 0.00)" with per-target strengths. */
    public String strengthLabel() { return label(timbreStrength, targetStrengths); }

    /** "" without note snapping, else as {@link #strengthLabel} for the note snaps. */
    public String noteSnapLabel() { return noteSnap == 0 && targetNoteSnaps.isEmpty() ? "" : label(noteSnap, targetNoteSnaps); }

    private static String label(double all, Map<String, Double> perTarget) {
        String text = String.format(java.util.Locale.ROOT, "%.2f", all);
        if (perTarget.isEmpty()) return text;
        return text + " (" + new java.util.TreeMap<>(perTarget).entrySet().stream()
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }
}
