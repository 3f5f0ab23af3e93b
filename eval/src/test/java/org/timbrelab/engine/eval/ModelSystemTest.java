package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Register;
import org.timbrelab.engine.preset.TestPresets;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** ModelSystem and ConverterExamples on a tiny random preset (plumbing, not quality). */
class ModelSystemTest {

    static AudioClip tone(double f0, double seconds) {
        float[] x = new float[(int) (seconds * 16_000)];
        for (int i = 0; i < x.length; i++) {
            double env = Math.min(1, Math.min(i, x.length - i) / 1600.0);
            x[i] = (float) (0.3 * env * Math.sin(2 * Math.PI * f0 * i / 16_000));
        }
        return new AudioClip(x, 16_000);
    }

    @Test void rowsReportTheRegisterShiftAndBothEnvelopes(@TempDir Path dir) {
        try (Converter c = Converter.load(TestPresets.write(dir.resolve("p"), false, 1))) {
            AudioClip in = tone(150, 1.0);          // violin's median is 300 Hz in the test preset: one octave up
            ModelSystem auto = new ModelSystem(c, "tiny", "model", Register.AUTO, c.defaults(), false);
            ModelSystem off = new ModelSystem(c, "tiny", "ablation", Register.octaves(0), c.defaults().withPhase(PhaseMethod.griffinLim(4)), false);
            ModelSystem gated = new ModelSystem(c, "tiny", "ablation", Register.AUTO, c.defaults(), true);
            assertEquals("tiny (register auto, PGHI, strength 0.25, envelope step)", gated.name());
            assertEquals("tiny (register auto, PGHI, strength 0.25)", auto.name());
            assertEquals("tiny (register off, GL-4, strength 0.25)", off.name());

            ConversionSystem.Output a = gated.convert(in, "violin");
            assertArrayEquals(auto.convert(in, "violin").audio().samples(), a.audio().samples(), "the same model output before the step");
            assertEquals(1, a.octaves());
            assertEquals(in.length(), a.audio().length());
            assertEquals(in.length(), a.enveloped().length());
            assertFalse(java.util.Arrays.equals(a.audio().samples(), a.enveloped().samples()), "the envelope step changes the output");
            assertEquals(0, off.convert(in, "violin").octaves());
            // a row's settings are its own: the converter's defaults are what they were
            assertArrayEquals(c.convert(in, "violin", Register.AUTO).audio().samples(), auto.convert(in, "violin").audio().samples());
        }
    }

    @Test void examplesModelInterpolatesAndSamples(@TempDir Path dir) {
        try (Converter c = Converter.load(TestPresets.write(dir.resolve("p"), true, 2))) {
            ConverterExamples m = new ConverterExamples(c);
            assertEquals(TestPresets.DOMAINS, m.domains());
            List<AudioClip> strip = m.interpolate(tone(150, 0.6), tone(220, 0.9), "cello", 4);
            assertEquals(4, strip.size());
            AudioClip s0 = m.sample("violin", 0.5, 0), s0again = m.sample("violin", 0.5, 0), s1 = m.sample("violin", 0.5, 1);
            assertEquals(s0, s0again, "a sample is reproducible from its seed");
            assertNotEquals(s0, s1);
            assertEquals(0.5, s0.durationSeconds(), 0.05);
            assertEquals(3, m.convertAll(tone(200, 0.5)).size());
        }
    }
}
