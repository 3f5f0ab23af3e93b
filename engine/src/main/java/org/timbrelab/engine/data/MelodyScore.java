package org.timbrelab.engine.data;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Loudness;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A score in which an instrument plays the melody of a recording: every voiced stretch of its pitch
 * track becomes one legato note, bent frame by frame along the track's f0, with expression (CC11)
 * following the recording's level. Moved by whole octaves into the instrument's register.
 *
 * <p>Two uses. As data, it gives an instrument domain phrases whose pitch moves like speech
 * (glides, no fixed scale), so a discriminator cannot tell a converted voice from the instrument by
 * its melody alone. As an oracle in evaluation, it is "the real instrument playing the input's melody":
 * what a perfect conversion that keeps the melody would sound like, and what a classifier says of it.
 */
public final class MelodyScore {
    /** Unvoiced gaps up to this long inside a phrase are bridged (the note holds through a consonant). */
    public static final double BRIDGE_SECONDS = 0.08;
    /** Voiced stretches shorter than this are dropped (YIN blips, not notes). */
    public static final double MIN_NOTE_SECONDS = 0.06;
    /** Level range mapped onto expression: 40 dB below the loudest voiced frame is the quietest. */
    static final double DYNAMIC_RANGE_DB = 40;
    private static final int VELOCITY = 96;

    private MelodyScore() { }

    /** One note of the score: a voiced stretch [startFrame, endFrame) played at a base pitch and bent from it. */
    public record Note(int startFrame, int endFrame, int pitch) { }

    /** The score and its notes. */
    public record Melody(MidiScore score, List<Note> notes, int octaves) { }

    /** The melody of a recording at the model rate: its YIN track and A-weighted level on the default frame grid. */
    public static Melody follow(AudioClip recording, MidiNotes.Range range) {
        return follow(new Pitch().track(recording, SpectrogramConfig.DEFAULT),
                new Loudness(SpectrogramConfig.DEFAULT).aWeightedDb(recording), range);
    }

    /**
     * @param track   the recording's pitch track (YIN)
     * @param levelDb the recording's level per frame (e.g. A-weighted dB), at least as many frames as the track
     * @param range   the instrument's register; the melody moves by whole octaves toward its middle
     */
    public static Melody follow(PitchTrack track, float[] levelDb, MidiNotes.Range range) {
        int n = track.frames();
        if (levelDb.length < n) throw new IllegalArgumentException("level has " + levelDb.length + " frames, the pitch track " + n);
        double frameSeconds = track.hopLength() / (double) track.sampleRate();
        double[] midi = smoothedMidi(track);
        int octaves = octavesToward(midi, (range.low() + range.high()) / 2.0);
        for (int t = 0; t < n; t++) midi[t] += 12 * octaves;
        List<int[]> runs = voicedRuns(midi, (int) Math.round(BRIDGE_SECONDS / frameSeconds), (int) Math.ceil(MIN_NOTE_SECONDS / frameSeconds));
        bridge(midi, runs);

        MidiScore score = new MidiScore(n * frameSeconds);
        addExpression(score, levelDb, n, frameSeconds);
        List<Note> notes = new ArrayList<>();
        for (int[] run : runs) {
            int channel = notes.size() % SoundfontRenderer.CHANNELS;
            int pitch = clamp((int) Math.round(median(midi, run[0], run[1])), range.low(), range.high());
            double start = run[0] * frameSeconds;
            score.bend(start, channel, midi[run[0]] - pitch);
            score.noteOn(start, channel, pitch, VELOCITY);
            for (int t = run[0] + 1; t < run[1]; t++) score.bend(t * frameSeconds, channel, midi[t] - pitch);
            score.noteOff(run[1] * frameSeconds, channel, pitch);
            notes.add(new Note(run[0], run[1], pitch));
        }
        return new Melody(score, List.copyOf(notes), octaves);
    }

    /** f0 in MIDI semitones per frame (NaN where unvoiced), median-filtered over 5 frames to drop single-frame octave errors. */
    static double[] smoothedMidi(PitchTrack track) {
        int n = track.frames();
        double[] raw = new double[n];
        for (int t = 0; t < n; t++)
            raw[t] = track.voiced()[t] && track.f0Hz()[t] > 0 ? 69 + 12 * Math.log(track.f0Hz()[t] / 440.0) / Math.log(2) : Double.NaN;
        double[] out = new double[n];
        double[] window = new double[5];
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(raw[t])) { out[t] = Double.NaN; continue; }
            int k = 0;
            for (int s = Math.max(0, t - 2); s <= Math.min(n - 1, t + 2); s++) if (!Double.isNaN(raw[s])) window[k++] = raw[s];
            Arrays.sort(window, 0, k);
            out[t] = window[k / 2];
        }
        return out;
    }

    /** Whole octaves (−4…4) that bring the melody's median closest to the register's middle. */
    static int octavesToward(double[] midi, double middle) {
        double m = median(midi, 0, midi.length);
        if (Double.isNaN(m)) return 0;
        return (int) Math.max(-4, Math.min(4, Math.round((middle - m) / 12)));
    }

    /** Voiced runs [start, end) after bridging gaps of at most {@code bridge} frames, runs shorter than {@code minLength} dropped. */
    static List<int[]> voicedRuns(double[] midi, int bridge, int minLength) {
        List<int[]> runs = new ArrayList<>();
        int t = 0, n = midi.length;
        while (t < n) {
            while (t < n && Double.isNaN(midi[t])) t++;
            if (t >= n) break;
            int start = t, end = t;
            while (true) {
                while (end < n && !Double.isNaN(midi[end])) end++;
                int next = end;
                while (next < n && Double.isNaN(midi[next])) next++;
                if (next < n && next - end <= bridge) { end = next; continue; }
                break;
            }
            if (end - start >= minLength) runs.add(new int[] {start, end});
            t = end;
        }
        return runs;
    }

    /** Fills the bridged gaps inside each run by linear interpolation, so the bend glides through them. */
    private static void bridge(double[] midi, List<int[]> runs) {
        for (int[] run : runs) {
            int last = run[0];
            for (int t = run[0] + 1; t < run[1]; t++) {
                if (Double.isNaN(midi[t])) continue;
                for (int g = last + 1; g < t; g++) midi[g] = midi[last] + (midi[t] - midi[last]) * (g - last) / (double) (t - last);
                last = t;
            }
        }
    }

    /** CC11 on every channel, every other frame: 127 at the loudest frame, falling 40 dB per (127 → ~13), 0 below. */
    private static void addExpression(MidiScore score, float[] levelDb, int n, double frameSeconds) {
        double peak = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < n; t++) peak = Math.max(peak, levelDb[t]);
        for (int t = 0; t < n; t += 2) {
            double rel = Math.max(-DYNAMIC_RANGE_DB, levelDb[t] - peak);
            // Gervill's expression gain is (value / 127)^2 in amplitude, i.e. 40·log10(value / 127) dB.
            int value = (int) Math.round(127 * Math.pow(10, rel / 40));
            for (int ch = 0; ch < SoundfontRenderer.CHANNELS; ch++) score.controller(t * frameSeconds, ch, 11, value);
        }
    }

    private static double median(double[] v, int from, int to) {
        double[] voiced = Arrays.stream(v, from, to).filter(x -> !Double.isNaN(x)).sorted().toArray();
        return voiced.length == 0 ? Double.NaN : voiced[voiced.length / 2];
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }
}
