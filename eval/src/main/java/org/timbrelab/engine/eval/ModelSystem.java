package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.engine.infer.ConversionSettings;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.LoudnessEnvelope;
import org.timbrelab.engine.infer.Register;

/**
 * A preset's {@link Converter} with one choice of register and vocoder, as a row of the table.
 * The output is taken before the loudness envelope and the envelope is applied here, so both
 * loudness correlations come from one decoding.
 */
public final class ModelSystem implements ConversionSystem {

    private final Converter converter;
    private final String label;
    private final String kind;
    private final Register register;
    private final ConversionSettings settings;
    private final boolean envelope;

    /**
     * @param label    preset label shown in the row name (e.g. the preset's name)
     * @param kind     "model" for the shipped settings, "ablation" for the others
     * @param settings vocoder, timbre strength, tone matching (loudness following is ignored: the envelope is applied here)
     * @param envelope whether the delivered output takes the input's loudness envelope ({@link LoudnessEnvelope})
     */
    public ModelSystem(Converter converter, String label, String kind, Register register, ConversionSettings settings, boolean envelope) {
        this.converter = converter;
        this.label = label;
        this.kind = kind;
        this.register = register;
        this.settings = settings.withFollowLoudness(false);
        this.envelope = envelope;
    }

    @Override public String name() {
        String reg = register.auto() ? "register auto" : register.octaves() == 0 ? "register off" : "register " + register.octaves();
        String strength = ", strength " + settings.strengthLabel();
        String tone = converter.hasInputTone() && !settings.toneMatch() ? ", tone matching off" : "";
        String notes = settings.noteSnapLabel().isEmpty() ? "" : ", note snap " + settings.noteSnapLabel();
        return label + " (" + reg + ", " + Vocoders.label(settings.phase()) + strength + tone + notes + (envelope ? ", envelope step" : "") + ")";
    }

    @Override public String kind() { return kind; }

    @Override public Output convert(AudioClip input, String domain) {
        Converter.Converted raw = converter.convert(input, domain, register, settings);
        AudioClip enveloped = envelope ? LoudnessEnvelope.apply(input, raw.audio(), converter.spectrogramConfig().hopLength()) : raw.audio();
        // raw.audio() is already at the input's level (the converter's default delivery)
        return new Output(raw.audio(), enveloped, raw.octaves());
    }
}
