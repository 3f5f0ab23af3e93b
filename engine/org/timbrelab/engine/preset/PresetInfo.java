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
 */
public record PresetInfo(int version, String name, VaeGanConfig model, SpectrogramConfig spectrogram,
                         List<DomainInfo> domains, boolean pitchConditioning, TrainingSummary training) {

    public PresetInfo {
        domains = List.copyOf(domains);
    }

    public List<String> domainNames() { return domains.stream().map(DomainInfo::name).toList(); }

    public DomainInfo domain(String name) {
        return domains.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown domain '" + name + "'; this preset has " + domainNames()));
    }
}
