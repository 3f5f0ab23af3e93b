package org.timbrelab.engine.eval;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.engine.data.Instrument;
import org.timbrelab.engine.data.InstrumentTable;
import org.timbrelab.engine.data.MelodyScore;
import org.timbrelab.engine.data.Soundfont;
import org.timbrelab.engine.data.SoundfontRenderer;

import javax.sound.midi.Soundbank;

/**
 * The "perfect conversion" row ({@code eval --oracle}): a real instrument of a soundfont playing the
 * input's melody and level ({@link MelodyScore}), no model involved. It shows what the metrics give
 * an output that has the target's timbre and keeps the melody: the classifier's verdict on an
 * instrument that moves like speech, and how close f0 and loudness correlations can come to 1.
 */
public final class MelodyOracle implements ConversionSystem {
    private final Soundfont soundfont;
    private final Soundbank bank;
    private final InstrumentTable instruments;

    public MelodyOracle(Soundfont soundfont, InstrumentTable instruments) {
        this.soundfont = soundfont;
        this.bank = soundfont.load();
        this.instruments = instruments;
    }

    @Override public String name() { return "no model: " + soundfont.tag() + " playing the input's melody"; }

    @Override public String kind() { return "oracle"; }

    /** Thread-safe: one synthesizer per call (cheap next to the render; the bank is loaded once). */
    @Override public Output convert(AudioClip input, String domain) {
        if (!instruments.names().contains(domain))
            throw new IllegalArgumentException("the oracle row needs '" + domain + "' in the instrument table " + instruments.names()
                    + "; leave out --oracle for this preset");
        Instrument inst = instruments.get(domain);
        MelodyScore.Melody melody = MelodyScore.follow(input, inst.phrases());
        try (SoundfontRenderer r = SoundfontRenderer.open(bank, soundfont, inst, input.sampleRate())) {
            return Output.plain(r.render(melody.score()), melody.octaves());
        }
    }
}
