package org.timbrelab.engine.data;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.SoftSynthesizer;
import org.timbrelab.dsp.AudioClip;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Offline rendering through the JDK's Gervill synthesizer ({@link AudioSynthesizer#openStream}): one
 * instrument of a soundbank, played from a {@link MidiScore} straight into float samples at the model
 * rate. Gervill's sinc interpolation renders 16 kHz directly with no audible aliasing (checked against a
 * 44.1 kHz render resampled to 16 kHz: equal band energies up to 6 kHz), so no resampling step is needed.
 * Reverb, chorus and the output limiter are off so notes are dry and levels are linear (clipping stays
 * visible). Not thread-safe: use one renderer per worker thread.
 */
public final class SoundfontRenderer implements AutoCloseable {
    /** NSynth note timing: note-on for 3 s, then 1 s of release, 4 s in all. */
    public static final double NOTE_ON_SECONDS = 3.0;
    public static final double NOTE_SECONDS = 4.0;
    /** Channels the scores use (two, so legato notes can bend independently; 9 is GM percussion). */
    public static final int CHANNELS = 2;
    /**
     * Frames per Gervill control period. Messages take effect at the next period boundary, so every render
     * starts on a boundary and 64 frames (4 ms at 16 kHz) keeps bends and note timing fine-grained. The same score
     * renders alike to within a trace of what the synthesizer played before (now and then one step in one sample),
     * so repeatable datasets render their items in a fixed order ({@link InstrumentDataset}).
     */
    static final int BLOCK_FRAMES = 64;

    private final AudioSynthesizer synth;
    private final AudioInputStream stream;
    private final Receiver receiver;
    private final Instrument instrument;
    private final int sampleRate;
    private byte[] bytes = new byte[0];
    private long framesRead;
    private static final int MAX_SILENCE_BLOCKS = 1000;

    private SoundfontRenderer(AudioSynthesizer synth, AudioInputStream stream, Instrument instrument, int sampleRate)
            throws MidiUnavailableException {
        this.synth = synth;
        this.stream = stream;
        this.receiver = synth.getReceiver();
        this.instrument = instrument;
        this.sampleRate = sampleRate;
    }

    /** Loads the soundfont and opens a renderer for the instrument at the model rate (16 kHz). */
    public static SoundfontRenderer open(Soundfont soundfont, Instrument instrument) {
        return open(soundfont.load(), soundfont, instrument, AudioClip.MODEL_RATE);
    }

    /** Opens a renderer on an already loaded soundbank (workers may share one bank). */
    public static SoundfontRenderer open(Soundbank bank, Soundfont soundfont, Instrument instrument, int sampleRate) {
        javax.sound.midi.Instrument patch = Soundfont.find(bank, soundfont, instrument.bank(), instrument.program());
        SoftSynthesizer synth = new SoftSynthesizer();
        Map<String, Object> info = new HashMap<>();
        info.put("interpolation", "sinc");
        info.put("reverb", false);
        info.put("chorus", false);
        info.put("auto gain control", false);
        info.put("load default soundbank", false);
        info.put("control rate", sampleRate / (float) BLOCK_FRAMES);
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, sampleRate, 32, 1, 4, sampleRate, false);
        try {
            AudioInputStream stream = synth.openStream(format, info);
            if (!synth.loadInstrument(patch)) {
                synth.close();
                throw new IllegalArgumentException("Gervill refused instrument " + patch.getName() + " of " + soundfont.describe());
            }
            return new SoundfontRenderer(synth, stream, instrument, sampleRate);
        } catch (MidiUnavailableException e) {
            synth.close();
            throw new IllegalStateException("cannot open Gervill for offline rendering: " + e.getMessage()
                    + " (the JVM needs --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED)", e);
        }
    }

    public Instrument instrument() { return instrument; }

    public int sampleRate() { return sampleRate; }

    /** One NSynth-style note: 3 s held, 1 s release, with the variant's modulation, detune and expression. */
    public AudioClip renderNote(int pitch, int velocity, NoteVariant variant) {
        MidiScore score = new MidiScore(NOTE_SECONDS);
        score.controller(0, 0, 1, variant.modulation());
        score.controller(0, 0, 11, variant.expression());
        score.bend(0, 0, variant.detuneCents() / 100.0);
        score.noteOn(0, 0, pitch, velocity);
        score.noteOff(NOTE_ON_SECONDS, 0, pitch);
        return render(score);
    }

    /** Renders a score from silence; the synth is reset afterwards so renders do not leak into each other. */
    public AudioClip render(MidiScore score) {
        int total = (int) Math.round(score.durationSeconds() * sampleRate);
        float[] out = new float[total];
        int misalignment = (int) (framesRead % BLOCK_FRAMES);
        if (misalignment != 0) read(new float[BLOCK_FRAMES], 0, BLOCK_FRAMES - misalignment);
        setUpChannels();
        int pos = 0;
        for (MidiScore.Event e : score.events()) {
            int frame = (int) Math.min(total, Math.round(e.seconds() * sampleRate));
            if (frame > pos) {
                read(out, pos, frame - pos);
                pos = frame;
            }
            send(e.command(), e.channel(), e.data1(), e.data2());
        }
        if (total > pos) read(out, pos, total - pos);
        silence();
        return new AudioClip(out, sampleRate);
    }

    private void setUpChannels() {
        for (int ch = 0; ch < CHANNELS; ch++) {
            send(0xB0, ch, 0, instrument.bank() >> 7);     // bank select MSB
            send(0xB0, ch, 32, instrument.bank() & 0x7F);  // bank select LSB
            send(0xC0, ch, instrument.program(), 0);
            send(0xB0, ch, 101, 0);                        // RPN 0 = pitch-bend sensitivity
            send(0xB0, ch, 100, 0);
            send(0xB0, ch, 6, MidiScore.BEND_RANGE_SEMITONES);
            send(0xB0, ch, 38, 0);
            send(0xB0, ch, 101, 127);                      // RPN null, so later data entry changes nothing
            send(0xB0, ch, 100, 127);
        }
    }

    /**
     * All sound off, controllers and bend reset, then render until the output is exactly zero, so the next
     * render starts from the same silent state (tails of released voices would otherwise leak into it).
     */
    private void silence() {
        for (int ch = 0; ch < CHANNELS; ch++) {
            send(0xB0, ch, 120, 0);
            send(0xB0, ch, 121, 0);
            send(0xE0, ch, 0, 64);
        }
        float[] block = new float[BLOCK_FRAMES];
        for (int i = 0; i < MAX_SILENCE_BLOCKS; i++) {
            read(block, 0, BLOCK_FRAMES);
            boolean zero = true;
            for (float v : block) zero &= v == 0f;
            if (zero && i > 0) return;
        }
        // A voice still sounding after 4 s of "all sound off" is a soundfont oddity: go on, the next render just starts less clean.
    }

    private void send(int command, int channel, int d1, int d2) {
        try {
            receiver.send(new ShortMessage(command, channel, d1, d2), -1);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message " + command + "/" + channel + "/" + d1 + "/" + d2 + ": " + e.getMessage(), e);
        }
    }

    private void read(float[] out, int offset, int frames) {
        int need = frames * 4;
        if (bytes.length < need) bytes = new byte[need];
        try {
            int got = 0;
            while (got < need) {
                int n = stream.read(bytes, got, need - got);
                if (n < 0) throw new EOFException("Gervill's stream ended");
                got += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("offline rendering failed: " + e.getMessage(), e);
        }
        ByteBuffer.wrap(bytes, 0, need).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out, offset, frames);
        framesRead += frames;
    }

    @Override public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing an in-memory synth stream cannot fail in a way the caller could act on
        }
        synth.close();
    }
}
