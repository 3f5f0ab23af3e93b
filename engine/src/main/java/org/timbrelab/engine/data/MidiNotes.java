package org.timbrelab.engine.data;

import java.util.Locale;

/** Note names and MIDI numbers (MIDI 60 = C4, A4 = 69 = 440 Hz), and pitch ranges like {@code G3-A7} or {@code 55-105}. */
public final class MidiNotes {
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private MidiNotes() { }

    /** An inclusive MIDI pitch range. */
    public record Range(int low, int high) {
        public Range {
            if (low < 0 || high > 127 || low > high) {
                throw new IllegalArgumentException("pitch range " + low + "-" + high + " must satisfy 0 <= low <= high <= 127");
            }
        }

        public boolean contains(int pitch) { return pitch >= low && pitch <= high; }

        public int size() { return high - low + 1; }

        /** The overlap of two ranges, or null when they do not overlap. */
        public Range intersect(Range other) {
            int lo = Math.max(low, other.low);
            int hi = Math.min(high, other.high);
            return lo <= hi ? new Range(lo, hi) : null;
        }

        @Override public String toString() { return name(low) + "-" + name(high); }
    }

    /** Parses {@code G3-A7}, {@code 55-105} or a single note ({@code A4}). */
    public static Range parseRange(String text) {
        String t = text.trim();
        // A '-' after the first character separates the two ends (no negative pitches exist).
        int dash = t.indexOf('-', 1);
        if (dash < 0) {
            int p = parse(t);
            return new Range(p, p);
        }
        return new Range(parse(t.substring(0, dash)), parse(t.substring(dash + 1)));
    }

    /** Parses a MIDI number ({@code 69}) or a note name ({@code A4}, {@code F#3}, {@code Bb2}). */
    public static int parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) throw new IllegalArgumentException("empty note name");
        if (Character.isDigit(t.charAt(0))) {
            int p = Integer.parseInt(t);
            if (p < 0 || p > 127) throw new IllegalArgumentException("MIDI pitch " + p + " is outside 0-127");
            return p;
        }
        String upper = t.toUpperCase(Locale.ROOT);
        int pc = "C D EF G A B".indexOf(upper.charAt(0));
        if (pc < 0) throw new IllegalArgumentException("'" + text + "' is not a note name (expected e.g. A4, F#3, Bb2 or a MIDI number)");
        int i = 1;
        if (i < t.length() && (t.charAt(i) == '#')) { pc++; i++; }
        else if (i < t.length() && (t.charAt(i) == 'b')) { pc--; i++; }
        int octave;
        try {
            octave = Integer.parseInt(t.substring(i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a note name (expected e.g. A4, F#3, Bb2 or a MIDI number)");
        }
        int p = (octave + 1) * 12 + pc;
        if (p < 0 || p > 127) throw new IllegalArgumentException("note " + text + " is outside the MIDI range C-1..G9");
        return p;
    }

    /** The name of a MIDI pitch, e.g. 69 → {@code A4}. */
    public static String name(int pitch) {
        return NAMES[Math.floorMod(pitch, 12)] + (Math.floorDiv(pitch, 12) - 1);
    }

    /** Equal-tempered frequency in Hz. */
    public static double frequency(double pitch) {
        return 440.0 * Math.pow(2.0, (pitch - 69.0) / 12.0);
    }
}
