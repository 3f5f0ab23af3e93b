package org.timbrelab.engine.preset;

import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.vaegan.VaeGanConfig;

import java.util.List;
import java.util.Map;

/**
 * Everything about a preset except its tensors (preset.json).
 *
 * @param version            format version ({@link PresetStore#VERSION})
 * @param name               display name
 * @param model              architecture (domains, sizes, pitch conditioning)
 * @param spectrogram        the transform the model was trained with
 * @param domains            per domain, in model order: name, colour, median f0
 * @param pitchConditioning  whether decoding needs an f0 track (equals model.pitchConditioning())
 * @param training           steps, minutes, final losses
 * @param timbreStrength     the conversion's default timbre strength for this preset, 0…2 (chosen on the selection sets
 *                           per preset; {@value #DEFAULT_TIMBRE_STRENGTH} when preset.json has none)
 * @param targetStrengths    target domains with a default strength of their own (chosen on the selection sets; none when
 *                           preset.json has no {@code targetStrengths})
 * @param targetNoteSnaps    target domains whose conversions snap the played pitch to notes by default, 0…1
 *                           ({@code org.timbrelab.dsp.NoteSnap}; chosen on the selection sets; none when preset.json has
 *                           no {@code targetNoteSnaps})
 */
public record PresetInfo(int version, String name, VaeGanConfig model, SpectrogramConfig spectrogram,
                         List<DomainInfo> domains, boolean pitchConditioning, TrainingSummary training, double timbreStrength,
                         Map<String, Double> targetStrengths, Map<String, Double> targetNoteSnaps) {
    /** Every preset's strength before presets carried their own (and the one voice-strings was chosen at). */
    public static final double DEFAULT_TIMBRE_STRENGTH = 0.25;

    public PresetInfo {
        domains = List.copyOf(domains);
        requireStrength(timbreStrength, "field 'timbreStrength'");
        targetStrengths = targetStrengths == null ? Map.of() : Map.copyOf(targetStrengths);
        List<String> names = domains.stream().map(DomainInfo::name).toList();
        targetNoteSnaps = targetNoteSnaps == null ? Map.of() : Map.copyOf(targetNoteSnaps);
        requirePerTarget(targetStrengths, "targetStrengths", names, PresetInfo::requireStrength);
        requirePerTarget(targetNoteSnaps, "targetNoteSnaps", names, PresetInfo::requireNoteSnap);
    }

    /** Each key of the per-target map {@code field} is one of {@code names}, each value passes {@code check}. */
    private static void requirePerTarget(Map<String, Double> perTarget, String field, List<String> names,
                                         java.util.function.BiConsumer<Double, String> check) {
        perTarget.forEach((d, v) -> {
            if (!names.contains(d)) throw new IllegalArgumentException("field '" + field + "' names '" + d + "', not one of the domains " + names);
            check.accept(v, "field '" + field + "." + d + "'");
        });
    }

    /**
     * @param what names the value in the message
     * @throws IllegalArgumentException unless {@code a} is a note snap amount, 0…1
     */
    public static void requireNoteSnap(double a, String what) {
        if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException(what + " must be in 0..1, got " + a);
    }

    /**
     * @param what names the value in the message, e.g. "conversion.timbreStrength"
     * @throws IllegalArgumentException unless {@code s} is a timbre strength, 0…2
     */
    public static void requireStrength(double s, String what) {
        if (!(s >= 0 && s <= 2)) throw new IllegalArgumentException(what + " must be in 0..2, got " + s);
    }

    /** A preset with the default timbre strength. */
    public PresetInfo(int version, String name, VaeGanConfig model, SpectrogramConfig spectrogram, List<DomainInfo> domains,
                      boolean pitchConditioning, TrainingSummary training) {
        this(version, name, model, spectrogram, domains, pitchConditioning, training, DEFAULT_TIMBRE_STRENGTH, Map.of(), Map.of());
    }

    /** The default timbre strength of conversions into {@code domain}: its own, or the preset's. */
    public double timbreStrength(String domain) { return targetStrengths.getOrDefault(domain, timbreStrength); }

    public List<String> domainNames() { return domains.stream().map(DomainInfo::name).toList(); }

    public DomainInfo domain(String name) {
        return domains.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown domain '" + name + "'; this preset has " + domainNames()));
    }
}
