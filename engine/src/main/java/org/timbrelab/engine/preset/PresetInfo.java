package org.timbrelab.engine.preset;

import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.vaegan.VaeGanConfig;

import java.util.List;

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
 */
public record PresetInfo(int version, String name, VaeGanConfig model, SpectrogramConfig spectrogram,
                         List<DomainInfo> domains, boolean pitchConditioning, TrainingSummary training, double timbreStrength) {
    /** Every preset's strength before presets carried their own (and the one voice-strings was chosen at). */
    public static final double DEFAULT_TIMBRE_STRENGTH = 0.25;

    public PresetInfo {
        domains = List.copyOf(domains);
        if (!(timbreStrength >= 0 && timbreStrength <= 2))
            throw new IllegalArgumentException("field 'timbreStrength' must be in 0..2, got " + timbreStrength);
    }

    /** A preset with the default timbre strength. */
    public PresetInfo(int version, String name, VaeGanConfig model, SpectrogramConfig spectrogram, List<DomainInfo> domains,
                      boolean pitchConditioning, TrainingSummary training) {
        this(version, name, model, spectrogram, domains, pitchConditioning, training, DEFAULT_TIMBRE_STRENGTH);
    }

    public List<String> domainNames() { return domains.stream().map(DomainInfo::name).toList(); }

    public DomainInfo domain(String name) {
        return domains.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown domain '" + name + "'; this preset has " + domainNames()));
    }
}
