package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.PhaseMethod;
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
    private final PhaseMethod phase;
    private final double timbreStrength;
    private final boolean toneMatch;
    private final boolean envelope;

    /**
     * @param label preset label shown in the row name (e.g. the preset's name)
     * @param kind  "model" for the shipped settings, "ablation" for the others
     */
    public ModelSystem(Converter converter, String label, String kind, Register register, PhaseMethod phase) {
        this(converter, label, kind, register, phase, Converter.DEFAULT_TIMBRE_STRENGTH);
    }

    /** @param timbreStrength how far the latent moves toward the target's centroid ({@link Converter#towardTarget}) */
    public ModelSystem(Converter converter, String label, String kind, Register register, PhaseMethod phase, double timbreStrength) {
        this(converter, label, kind, register, phase, timbreStrength, converter.hasInputTone());
    }

    /** @param toneMatch input tone matching on or off ({@link Converter#toneMatch(boolean)}); on needs a preset with a tone */
    public ModelSystem(Converter converter, String label, String kind, Register register, PhaseMethod phase, double timbreStrength, boolean toneMatch) {
        this(converter, label, kind, register, phase, timbreStrength, toneMatch, false);
    }

    /** @param envelope whether the delivered output takes the input's loudness envelope ({@link LoudnessEnvelope}) */
    public ModelSystem(Converter converter, String label, String kind, Register register, PhaseMethod phase, double timbreStrength,
                       boolean toneMatch, boolean envelope) {
        this.envelope = envelope;
        this.toneMatch = toneMatch;
        this.converter = converter;
        this.label = label;
        this.kind = kind;
        this.register = register;
        this.phase = phase;
        this.timbreStrength = timbreStrength;
    }

    @Override public String name() {
        String reg = register.auto() ? "register auto" : register.octaves() == 0 ? "register off" : "register " + register.octaves();
        String strength = String.format(java.util.Locale.ROOT, ", strength %.2f", timbreStrength);
        String tone = converter.hasInputTone() && !toneMatch ? ", tone matching off" : "";
        return label + " (" + reg + ", " + Vocoders.label(phase) + strength + tone + (envelope ? ", envelope step" : "") + ")";
    }

    @Override public String kind() { return kind; }

    @Override public Output convert(AudioClip input, String domain) {
        synchronized (converter) {
            converter.phaseMethod(phase).followLoudness(false).timbreStrength(timbreStrength).toneMatch(toneMatch);
            try {
                Converter.Converted raw = converter.convertReportingShift(input, domain, register);
                AudioClip enveloped = envelope ? LoudnessEnvelope.apply(input, raw.audio(), converter.spectrogramConfig().hopLength()) : raw.audio();
                // raw.audio() is already at the input's level (the converter's default delivery)
                return new Output(raw.audio(), enveloped, raw.octaves());
            } finally {
                converter.phaseMethod(PhaseMethod.PGHI).followLoudness(false)     // the converter's defaults
                        .timbreStrength(Converter.DEFAULT_TIMBRE_STRENGTH).toneMatch(converter.hasInputTone());
            }
        }
    }
}
