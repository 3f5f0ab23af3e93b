package org.timbrelab.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A timed list of MIDI channel messages to render offline, plus the total length in seconds.
 * Events are kept in time order (stable for equal times, so "bend then note-on" stays in that order).
 */
public final class MidiScore {
    /** One channel message: command is the status nibble (0x90 note-on, 0xB0 controller, 0xE0 pitch bend…). */
    public record Event(double seconds, int command, int channel, int data1, int data2) { }

    /** The pitch-bend range every score sets on its channels (RPN 0), in semitones. */
    public static final int BEND_RANGE_SEMITONES = 12;

    private final List<Event> events = new ArrayList<>();
    private double durationSeconds;

    public MidiScore(double durationSeconds) {
        this.durationSeconds = durationSeconds;
    }

    public MidiScore noteOn(double t, int channel, int pitch, int velocity) { return add(t, 0x90, channel, pitch, velocity); }

    public MidiScore noteOff(double t, int channel, int pitch) { return add(t, 0x80, channel, pitch, 0); }

    public MidiScore controller(double t, int channel, int cc, int value) { return add(t, 0xB0, channel, cc, clamp7(value)); }

    /** Pitch bend by a number of semitones (fractional; ±{@link #BEND_RANGE_SEMITONES}). */
    public MidiScore bend(double t, int channel, double semitones) {
        int v = (int) Math.round(8192 + semitones / BEND_RANGE_SEMITONES * 8192);
        v = Math.max(0, Math.min(16383, v));
        return add(t, 0xE0, channel, v & 0x7F, v >> 7);
    }

    private MidiScore add(double t, int command, int channel, int d1, int d2) {
        if (t < 0) throw new IllegalArgumentException("event time must be >= 0, got " + t);
        events.add(new Event(t, command, channel, d1, d2));
        return this;
    }

    private static int clamp7(int v) { return Math.max(0, Math.min(127, v)); }

    public double durationSeconds() { return durationSeconds; }

    public void setDurationSeconds(double seconds) { this.durationSeconds = seconds; }

    /** The events sorted by time (stable). */
    public List<Event> events() {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingDouble(Event::seconds));
        return sorted;
    }
}
