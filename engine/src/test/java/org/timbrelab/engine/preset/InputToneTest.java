package org.timbrelab.engine.preset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.ToneProfile;
import org.timbrelab.engine.infer.ConversionSettings;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Register;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputToneTest {
    @TempDir Path tmp;

    static double[] tilt() {
        double[] db = new double[ToneProfile.CENTRES.length];
        for (int b = 0; b < db.length; b++) db[b] = -1.5 * b;
        db[18] = Double.NaN;
        return db;
    }

    @Test void storedToneRoundTripsAndTurnsMatchingOnByDefault() throws Exception {
        Path dir = TestPresets.write(tmp.resolve("p"), false, 3);
        try (Converter plain = Converter.load(dir)) {
            assertFalse(plain.hasInputTone());
            assertFalse(plain.defaults().toneMatch(), "no tone.json, no matching");
            ConversionSettings asked = plain.defaults().withToneMatch(true);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> plain.convert(new AudioClip(new float[1600], 16000), "violin", Register.AUTO, asked));
            assertTrue(e.getMessage().contains("tone-profile"), e.getMessage());
        }
        new InputTone("voice", new ToneProfile(tilt())).writeTo(dir);
        try (Preset p = PresetStore.load(dir)) {
            assertEquals("voice", p.inputTone().orElseThrow().domain());
            assertArrayEquals(tilt(), p.inputTone().orElseThrow().profile().bandsDb(), 1e-9); // NaN stays NaN
        }
        float[] x = new float[16000];
        Random r = new Random(1);
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.1 * r.nextGaussian());
        AudioClip noise = new AudioClip(x, 16000);
        try (Converter c = Converter.load(dir)) {
            assertTrue(c.defaults().toneMatch(), "on by default with a stored tone");
            float[] matched = c.convert(noise, "violin", Register.octaves(0)).audio().samples();
            float[] plain = c.convert(noise, "violin", Register.octaves(0), c.defaults().withToneMatch(false)).audio().samples();
            double diff = 0;
            for (int i = 0; i < matched.length; i++) diff += Math.abs(matched[i] - plain[i]);
            assertTrue(diff / matched.length > 1e-5, "the model hears the equalised input: mean |Δ| " + diff / matched.length);
        }
    }

    @Test void malformedToneFilesNameTheFileAndField() throws Exception {
        Path dir = TestPresets.write(tmp.resolve("q"), false, 4);
        Files.writeString(dir.resolve(InputTone.FILE), "{\"domain\": \"oboe\", \"bandsDb\": []}");
        PresetException e = assertThrows(PresetException.class, () -> PresetStore.load(dir));
        assertTrue(e.getMessage().contains(InputTone.FILE) && e.getMessage().contains("'domain'"), e.getMessage());
        Files.writeString(dir.resolve(InputTone.FILE), "{\"domain\": \"voice\", \"bandsDb\": [0, -1]}");
        e = assertThrows(PresetException.class, () -> PresetStore.load(dir));
        assertTrue(e.getMessage().contains("'bandsDb'"), e.getMessage());
        Files.writeString(dir.resolve(InputTone.FILE), "{not json");
        e = assertThrows(PresetException.class, () -> PresetStore.load(dir));
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }
}
