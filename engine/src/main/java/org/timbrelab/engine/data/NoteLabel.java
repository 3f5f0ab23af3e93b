package org.timbrelab.engine.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MIDI pitch and velocity of a single-note file (NSynth-style sets), for pitch histograms
 * and for colouring latent plots.
 */
public record NoteLabel(int pitch, int velocity) {

    /** NSynth note names end in -PPP-VVV (pitch, velocity), e.g. {@code violin_fluid_040-060-100.wav}. */
    private static final Pattern NOTE_NAME = Pattern.compile("-(\\d{3})-(\\d{3})\\.[A-Za-z]+$");

    public NoteLabel {
        if (pitch < 0 || pitch > 127) throw new IllegalArgumentException("MIDI pitch must be 0..127, got " + pitch);
        if (velocity < 0 || velocity > 127) throw new IllegalArgumentException("MIDI velocity must be 0..127, got " + velocity);
    }

    /** The label encoded in an NSynth-style file name, or null if the name has none. */
    public static NoteLabel fromFileName(String name) {
        Matcher m = NOTE_NAME.matcher(name);
        if (!m.find()) return null;
        int p = Integer.parseInt(m.group(1)), v = Integer.parseInt(m.group(2));
        return p <= 127 && v <= 127 ? new NoteLabel(p, v) : null;
    }

    /** Scientific pitch name, e.g. 69 → "A4". */
    public static String pitchName(int midi) {
        String[] names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        return names[Math.floorMod(midi, 12)] + (Math.floorDiv(midi, 12) - 1);
    }
}
