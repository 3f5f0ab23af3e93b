package org.timbrelab.engine.data;

import org.timbrelab.dsp.AudioClip;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Composes random legato phrases in an instrument's usual register and renders them through a
 * {@link SoundfontRenderer}. Speech glides and wobbles; isolated steady notes do not, so the
 * VAE-GAN's instrument domains train on phrases like these (isolated steady notes are far from speech, which glides): notes of 0.15–1 s that
 * overlap (legato), pitch-bend glides into some notes, delayed vibrato, a slow expression (CC11)
 * swell and varied velocities. Successive notes alternate between two MIDI channels so each note
 * bends on its own. Everything comes from one seed, so a phrase is reproducible.
 */
public final class PhraseRenderer {
    /** One note of a composed phrase (for the phrase list written beside the audio). */
    public record PhraseNote(int pitch, double startSeconds, double durationSeconds, int velocity, boolean glideIn) { }

    /** A composed phrase: the MIDI to render and the notes it plays. */
    public record Phrase(long seed, MidiScore score, List<PhraseNote> notes) { }

    public static final double MIN_NOTE_SECONDS = 0.15;
    public static final double MAX_NOTE_SECONDS = 1.0;
    public static final double MIN_REST_SECONDS = 0.25;
    public static final double MAX_REST_SECONDS = 1.0;
    /** Time left at the end for the last note's release. */
    static final double TAIL_SECONDS = 0.4;
    private static final double BEND_STEP_SECONDS = 0.01;
    private static final int[] INTERVALS = {0, 1, 2, 3, 4, 5, 7, 12};
    private static final double[] INTERVAL_WEIGHTS = {0.04, 0.26, 0.30, 0.13, 0.10, 0.08, 0.06, 0.03};

    private PhraseRenderer() { }

    /** Composes a phrase of about {@code seconds} in the instrument's phrase register, without rests. */
    public static Phrase compose(Instrument instrument, double seconds, long seed) {
        return compose(instrument, seconds, seed, 0);
    }

    /**
     * Composes a phrase; after each note a rest of {@value #MIN_REST_SECONDS}–{@value #MAX_REST_SECONDS} s follows
     * with probability {@code rests} (the note is released, so the instrument falls silent as a player's would between
     * phrases). Rests let a model see an instrument domain go quiet: speech has pauses, and a generator whose
     * discriminator never saw a silent frame plays on through them.
     */
    public static Phrase compose(Instrument instrument, double seconds, long seed, double rests) {
        if (seconds < 1.0) throw new IllegalArgumentException("a phrase must last at least 1 s, got " + seconds);
        if (!(rests >= 0 && rests <= 1)) throw new IllegalArgumentException("rests is a probability in [0, 1], got " + rests);
        Random rng = new Random(seed);
        MidiNotes.Range reg = instrument.phrases();
        MidiScore score = new MidiScore(seconds);
        List<PhraseNote> notes = new ArrayList<>();

        int baseVelocity = 60 + rng.nextInt(50);
        addExpressionSwell(score, seconds, rng);
        int pitch = reg.low() + reg.size() / 4 + rng.nextInt(Math.max(1, reg.size() / 2));
        double t = 0.02;
        double previousEnd = 0;
        double glideIn = 0; // > 0: the previous note slides into this one over that many seconds
        while (true) {
            double duration = MIN_NOTE_SECONDS * Math.pow(MAX_NOTE_SECONDS / MIN_NOTE_SECONDS, rng.nextDouble());
            if (!notes.isEmpty() && t + duration > seconds - TAIL_SECONDS) break;
            duration = Math.min(duration, seconds - TAIL_SECONDS - t);
            int channel = notes.size() % SoundfontRenderer.CHANNELS;
            int velocity = clamp(baseVelocity + rng.nextInt(31) - 15, 30, 127);
            score.bend(t, channel, 0);
            score.noteOn(t, channel, pitch, velocity);
            double overlap = 0.02 + 0.06 * rng.nextDouble();
            double end = t + duration;
            // drawn only when asked for, so phrases without rests stay those of earlier renders (same seed, same notes)
            boolean rest = rests > 0 && rng.nextDouble() < rests;
            score.noteOff(Math.min(rest ? end : end + overlap, seconds - TAIL_SECONDS / 2), channel, pitch);
            notes.add(new PhraseNote(pitch, t, duration, velocity, glideIn > 0));

            int next = nextPitch(pitch, reg, rng);
            boolean breath = rest || rng.nextDouble() < 0.08;
            glideIn = !breath && next != pitch && rng.nextDouble() < 0.35 ? Math.min(0.05 + 0.10 * rng.nextDouble(), duration / 2) : 0;
            addVibrato(score, channel, t, end - glideIn, rng);
            if (glideIn > 0) addGlide(score, channel, next - pitch, end - glideIn, end);
            previousEnd = end;
            // An occasional breath between notes; otherwise the next note starts as this one ends.
            t = end + (rest ? MIN_REST_SECONDS + (MAX_REST_SECONDS - MIN_REST_SECONDS) * rng.nextDouble()
                    : breath ? 0.1 + 0.2 * rng.nextDouble() : 0);
            pitch = next;
        }
        score.setDurationSeconds(Math.max(seconds, previousEnd + TAIL_SECONDS));
        return new Phrase(seed, score, List.copyOf(notes));
    }

    /** Composes and renders in one go. */
    public static AudioClip render(SoundfontRenderer renderer, double seconds, long seed) {
        return renderer.render(compose(renderer.instrument(), seconds, seed).score());
    }

    /** A melodic step: mostly seconds and thirds, some leaps, pulled back toward the register's middle. */
    static int nextPitch(int pitch, MidiNotes.Range reg, Random rng) {
        double u = rng.nextDouble();
        int k = 0;
        while (k < INTERVALS.length - 1 && u > INTERVAL_WEIGHTS[k]) u -= INTERVAL_WEIGHTS[k++];
        int step = INTERVALS[k];
        double middle = (reg.low() + reg.high()) / 2.0;
        double upProbability = 0.5 - 0.35 * (pitch - middle) / Math.max(1, reg.size() / 2.0);
        int next = rng.nextDouble() < upProbability ? pitch + step : pitch - step;
        if (!reg.contains(next)) next = pitch - (next - pitch); // reflect back into the register
        return clamp(next, reg.low(), reg.high());
    }

    /** A note slides by {@code semitones} over [start, end], just before the next note starts at that pitch. */
    private static void addGlide(MidiScore score, int channel, int semitones, double start, double end) {
        double st = Math.max(-MidiScore.BEND_RANGE_SEMITONES, Math.min(MidiScore.BEND_RANGE_SEMITONES, semitones));
        for (double s = start; s <= end + 1e-9; s += BEND_STEP_SECONDS) {
            double x = Math.min(1, (s - start) / (end - start));
            score.bend(s, channel, st * x * x * (3 - 2 * x)); // smooth-step
        }
    }

    /** Delayed vibrato: starts 0.12–0.3 s into the note, fades in over 0.3 s (out over 50 ms), 4.5–6.5 Hz, 10–40 cents. */
    private static void addVibrato(MidiScore score, int channel, double start, double end, Random rng) {
        double delay = 0.12 + 0.18 * rng.nextDouble();
        double rate = 4.5 + 2 * rng.nextDouble();
        double depth = (10 + 30 * rng.nextDouble()) / 100.0;
        double phase = rng.nextDouble() * 2 * Math.PI;
        for (double s = start + delay; s < end - BEND_STEP_SECONDS; s += BEND_STEP_SECONDS) {
            double fade = Math.min(1, Math.min((s - start - delay) / 0.3, (end - s) / 0.05));
            score.bend(s, channel, depth * fade * Math.sin(2 * Math.PI * rate * (s - start) + phase));
        }
    }

    /** Expression (CC11) on both channels: a slow swell between about 60 and 127. */
    private static void addExpressionSwell(MidiScore score, double seconds, Random rng) {
        double period = 1.5 + 3 * rng.nextDouble();
        double phase = rng.nextDouble() * 2 * Math.PI;
        double centre = 95 + 15 * rng.nextDouble();
        double amplitude = 10 + 20 * rng.nextDouble();
        for (double s = 0; s < seconds; s += 0.05) {
            int value = clamp((int) Math.round(centre + amplitude * Math.sin(2 * Math.PI * s / period + phase)), 40, 127);
            for (int ch = 0; ch < SoundfontRenderer.CHANNELS; ch++) score.controller(s, ch, 11, value);
        }
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }
}
