package org.timbrelab.engine.data;

import java.util.Objects;

/**
 * One instrument the soundfont renderer can play: a General MIDI program (0-based) in a bank,
 * its NSynth family, the playable range for isolated notes and the usual register for phrases.
 */
public record Instrument(String name, int program, int bank, String family, MidiNotes.Range notes, MidiNotes.Range phrases) {

    public Instrument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(phrases, "phrases");
        if (program < 0 || program > 127) throw new IllegalArgumentException("instrument " + name + ": program " + program + " is outside 0-127");
        if (bank < 0 || bank > 16383) throw new IllegalArgumentException("instrument " + name + ": bank " + bank + " is outside 0-16383");
    }

    /** NSynth family index (bass 0 … vocal 10), or -1 for a family NSynth does not have. */
    public int familyIndex() {
        return NsynthJson.FAMILIES.indexOf(family);
    }
}
