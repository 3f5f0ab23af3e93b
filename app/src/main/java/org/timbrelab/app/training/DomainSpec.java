package org.timbrelab.app.training;

import java.nio.file.Path;

/**
 * Where one domain's training audio comes from.
 *
 * @param name        domain name (letters, digits, _ and -)
 * @param kind        folder of recordings, soundfont instrument, or TTS speech
 * @param folder      for FOLDER: the directory of WAV/AIFF files
 * @param instrument  for SOUNDFONT: General MIDI instrument name (e.g. violin)
 * @param lowMidi     for SOUNDFONT: lowest MIDI note rendered
 * @param highMidi    for SOUNDFONT: highest MIDI note rendered
 * @param ttsEngine   for SPEECH: flite or espeak-ng
 */
public record DomainSpec(String name, Kind kind, Path folder, String instrument, int lowMidi, int highMidi, String ttsEngine) {

    public enum Kind {
        FOLDER("Folder of recordings"), SOUNDFONT("Soundfont instrument"), SPEECH("Speech (installed TTS)");

        private final String label;
        Kind(String label) { this.label = label; }
        @Override public String toString() { return label; }
    }

    public static DomainSpec folder(String name, Path dir) { return new DomainSpec(name, Kind.FOLDER, dir, null, 0, 0, null); }

    public static DomainSpec soundfont(String name, String instrument, int low, int high) {
        return new DomainSpec(name, Kind.SOUNDFONT, null, instrument, low, high, null);
    }

    public static DomainSpec speech(String name, String engine) { return new DomainSpec(name, Kind.SPEECH, null, null, 0, 0, engine); }

    /** Note name of a MIDI number, e.g. 55 → G3. */
    public static String noteName(int midi) {
        String[] n = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
        return n[Math.floorMod(midi, 12)] + (Math.floorDiv(midi, 12) - 1);
    }

    @Override public String toString() {
        return switch (kind) {
            case FOLDER -> name + ": recordings in " + folder;
            case SOUNDFONT -> name + ": soundfont " + instrument + " " + noteName(lowMidi) + "–" + noteName(highMidi);
            case SPEECH -> name + ": speech by " + ttsEngine;
        };
    }
}
