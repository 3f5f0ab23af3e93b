package org.timbrelab.app.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.app.model.Latent;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Register;
import org.timbrelab.engine.preset.TestPresets;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The app's latent plane decodes at the target's register, as conversion does. */
class EngineTimbreModelTest {
    @TempDir static Path tmp;
    static Path presetDir;
    static EngineTimbreModel model;
    static Converter reference;

    @BeforeAll static void load() {
        presetDir = TestPresets.write(tmp.resolve("p"), true, 7); // pitch-conditioned; medians voice 150, violin 300, cello 440 Hz
        model = EngineTimbreModel.load(presetDir);
        reference = Converter.load(presetDir);
    }

    @AfterAll static void close() throws Exception {
        model.close();
        reference.close();
    }

    private static AudioClip tone(double f0, double seconds) {
        float[] x = new float[(int) (seconds * 16000)];
        for (int i = 0; i < x.length; i++)
            for (int h = 1; h <= 5; h++) x[i] += (float) (0.1 * Math.sin(2 * Math.PI * f0 * h * i / 16000.0) / h);
        return new AudioClip(x, 16000);
    }

    /** A glide from {@code from} to {@code to} Hz with five harmonics (the phase accumulated sample by sample). */
    private static AudioClip glide(double from, double to, double seconds) {
        float[] x = new float[(int) (seconds * 16000)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            phase += 2 * Math.PI * (from * Math.pow(to / from, i / (double) x.length)) / 16000.0;
            for (int h = 1; h <= 5; h++) x[i] += (float) (0.1 * Math.sin(h * phase) / h);
        }
        return new AudioClip(x, 16000);
    }

    /** A row's pitch choice converts as the converter does with that note snap; Preset keeps the preset's own (none here). */
    @Test void aPitchChoiceConvertsWithThatNoteSnap() {
        AudioClip glide = glide(110, 160, 1.0);
        var auto = org.timbrelab.app.model.Register.AUTO;
        var z = reference.encode(glide, reference.shiftFor(glide, "cello", Register.AUTO));   // the app encodes once per shift
        var onNotes = model.convert(glide, "cello", auto, new org.timbrelab.app.model.Notes(1.0)).audio().samples();
        assertArrayEquals(reference.render(glide, z, "cello", reference.defaults().withNoteSnap(1)).audio().samples(), onNotes);
        var asPreset = model.convert(glide, "cello", auto, org.timbrelab.app.model.Notes.PRESET).audio().samples();
        assertArrayEquals(reference.render(glide, z, "cello", reference.defaults()).audio().samples(), asPreset);
        assertFalse(java.util.Arrays.equals(asPreset, onNotes), "a glide held on notes plays differently");
    }

    @Test void aLowInputDecodesIntoAHighDomainAtTheShiftedRegister() {
        AudioClip low = tone(110, 1.0);
        assertEquals(2, reference.shiftFor(low, "cello", Register.AUTO)); // log2(440 / 110) = 2
        Latent z = model.encode(low, "low tone");
        var shifted = reference.encode(low, 2);
        assertArrayEquals(reference.decode(shifted, "cello", shifted.f0Hz()).samples(), model.decode(z, "cello").samples());
        // a drag that ends where it started changes nothing, at either register
        Latent still = model.moveTo(z, z.planeX(), z.planeY());
        assertArrayEquals(model.decode(z, "cello").samples(), model.decode(still, "cello").samples());
        var own = reference.encode(low, 0);
        assertEquals(0, reference.shiftFor(low, "voice", Register.AUTO));
        assertArrayEquals(reference.decode(own, "voice", own.f0Hz()).samples(), model.decode(still, "voice").samples());
    }

    /** A row's fixed register: the drag decodes at that shift, as the row's conversion does, not at Auto's. */
    @Test void aFixedRegisterDecodesAtThatShiftAsConversionDoes() {
        AudioClip low = tone(110, 1.0);
        Latent z = model.encode(low, "low tone");
        org.timbrelab.app.model.Register one = org.timbrelab.app.model.Register.fixed(1);
        assertEquals(1, model.convert(low, "cello", one).appliedOctaves());
        var at1 = reference.encode(low, 1);
        assertArrayEquals(reference.decode(at1, "cello", at1.f0Hz()).samples(), model.decode(z, "cello", one).samples());
        assertArrayEquals(model.decode(z, "cello").samples(), model.decode(z, "cello", org.timbrelab.app.model.Register.AUTO).samples());
        // a drag at the fixed register moves the shift-1 latent by the drag's offset
        Latent moved = model.moveTo(z, z.planeX() + 2, z.planeY() + 1);
        assertFalse(java.util.Arrays.equals(model.decode(z, "cello", one).samples(), model.decode(moved, "cello", one).samples()));
    }

    @Test void aDragMovesTheShiftedLatentByTheSameOffset() {
        AudioClip low = tone(110, 1.0);
        Latent z = model.encode(low, "low tone");
        Latent moved = model.moveTo(z, z.planeX() + 3, z.planeY() - 2);
        assertFalse(java.util.Arrays.equals(model.decode(z, "cello").samples(), model.decode(moved, "cello").samples()));
        // moving there in two drags is the same as in one
        Latent twice = model.moveTo(model.moveTo(z, z.planeX() + 1, z.planeY()), z.planeX() + 3, z.planeY() - 2);
        assertArrayEquals(model.decode(moved, "cello").samples(), model.decode(twice, "cello").samples(), 1e-5f);
    }

    /** A recording over a minute converts in blocks, as the CLI's does; the plane shows its first minute. */
    @Test void aLongRecordingConvertsInBlocksAndThePlaneShowsItsFirstMinute() {
        AudioClip lecture = tone(110, org.timbrelab.engine.infer.BlockConversion.LONG_INPUT_SECONDS + 5);
        var out = model.convert(lecture, "cello", org.timbrelab.app.model.Register.AUTO);
        var blocks = org.timbrelab.engine.infer.BlockConversion.convert(reference, lecture, java.util.List.of("cello"), Register.AUTO,
                reference.defaults(), null).get("cello");
        assertEquals(lecture.length(), out.audio().length());
        assertEquals(2, out.appliedOctaves());
        assertArrayEquals(blocks.audio().samples(), out.audio().samples());
        assertEquals(out.audio().length() / 256, out.spectrogram().frames(), 2, "the spectrogram covers the whole output");
        Latent z = model.encode(lecture, "lecture");
        AudioClip head = new AudioClip(java.util.Arrays.copyOf(lecture.samples(), 16_000 * 60), 16_000);
        assertEquals(model.encode(head, "head").planeX(), z.planeX(), 1e-6);
        assertEquals(16_000 * 60, model.decode(z, "cello").length(), 16_000 * 0.05);
    }
}
