package org.timbrelab.engine.infer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.preset.Preset;
import org.timbrelab.engine.preset.PresetStore;
import org.timbrelab.engine.preset.TestPresets;
import org.timbrelab.engine.vaegan.VaeGan;
import org.timbrelab.engine.vaegan.VaeGanConfig;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConverterTest {
    @TempDir static Path tmp;
    static Path presetDir;
    static Converter converter;

    @BeforeAll static void preset() {
        presetDir = TestPresets.write(tmp.resolve("p"), false, 5);
        converter = Converter.load(presetDir);
    }

    @AfterAll static void close() { converter.close(); }

    static AudioClip harmonicTone(double f0, double seconds, double amplitude) {
        int n = (int) (seconds * 16000);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int h = 1; h <= 6; h++) s += Math.sin(2 * Math.PI * f0 * h * i / 16000.0) / h;
            x[i] = (float) (amplitude * s / 2);
        }
        return new AudioClip(x, 16000);
    }

    @Test void saveLoadConvertGivesIdenticalOutput() {
        AudioClip clip = harmonicTone(200, 1.5, 0.3);
        AudioClip first = converter.convert(clip, "violin", Register.octaves(1)).audio();
        // the model as it was before saving (same seed) and a second independent load
        VaeGanConfig cfg = TestPresets.tinyConfig(false);
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(cfg);
            model.initialize(m);
            try (Converter original = new Converter(Preset.inMemory(TestPresets.info(cfg), model, TestPresets.points(cfg, 5, 5)));
                 Converter reloaded = Converter.load(presetDir)) {
                assertArrayEquals(first.samples(), original.convert(clip, "violin", Register.octaves(1)).audio().samples());
                assertArrayEquals(first.samples(), reloaded.convert(clip, "violin", Register.octaves(1)).audio().samples());
            }
        }
        assertEquals(clip.length(), first.length());
    }

    @Test void windowedSteadyToneMatchesOnePassWithoutSeams() {
        AudioClip tone = harmonicTone(220, 10.0, 0.3); // 626 frames -> 628: 3 windows of 256, overlaps 32 and 140
        Spectrogram windowed, onePass;
        try (Converter one = Converter.load(presetDir); Converter windows = Converter.load(presetDir)) {
            ConversionSettings small = windows.defaults().withWindows(256, 32), whole = one.defaults().withWindows(640, 0);
            windowed = windows.decodeSpectrogram(windows.encode(tone, 0, small), "cello", null, small);
            onePass = one.decodeSpectrogram(one.encode(tone, 0, whole), "cello", null, whole);
        }
        assertEquals(onePass.frames(), windowed.frames());
        // away from the clip's own ends, windowed and one-pass images agree closely
        double diff = 0, n = 0;
        for (int b = 0; b < windowed.bins(); b++) {
            for (int t = 16; t < windowed.frames() - 16; t++) { diff += Math.abs(windowed.get(b, t) - onePass.get(b, t)); n++; }
        }
        double meanDiff = diff / n;
        assertTrue(meanDiff < 0.03, "windowed vs one pass differ by " + meanDiff + " on average");
        // no seam: the frame-to-frame change at window joins is no larger than elsewhere
        double seam = 0, usual = 0; int seams = 0, others = 0;
        for (int t = 17; t < windowed.frames() - 16; t++) {
            double d = 0;
            for (int b = 0; b < windowed.bins(); b++) d += Math.abs(windowed.get(b, t) - windowed.get(b, t - 1));
            boolean nearJoin = false;
            WindowGrid grid = new WindowGrid(628, 256, 32);
            for (int i = 1; i < grid.count(); i++) nearJoin |= t >= grid.start(i) && t <= grid.start(i - 1) + grid.width();
            if (nearJoin) { seam = Math.max(seam, d); seams++; } else { usual += d; others++; }
        }
        usual /= others;
        assertTrue(seams > 0);
        assertTrue(seam < 3 * usual + 0.5, "seam jump " + seam + " vs mean frame change " + usual);
    }

    @Test void registerShiftMovesA110HzToneTo220And440() {
        AudioClip tone = harmonicTone(110, 1.0, 0.3);
        AudioTransform t = new AudioTransform(SpectrogramConfig.DEFAULT);
        Pitch pitch = new Pitch();
        assertEquals(110, pitch.track(tone, SpectrogramConfig.DEFAULT).medianVoicedF0(), 3);
        // Auto: log2(300/110) = 1.45 → 1 octave for violin (median 300 Hz); log2(440/110) = 2 for cello (440 Hz)
        assertEquals(1, converter.shiftFor(tone, "violin", Register.AUTO));
        assertEquals(2, converter.shiftFor(tone, "cello", Register.AUTO));
        assertEquals(0, converter.shiftFor(tone, "voice", Register.AUTO));
        assertEquals(-1, converter.shiftFor(tone, "cello", Register.octaves(-1)));
        for (int k = 1; k <= 2; k++) {
            AudioClip shifted = t.invert(t.forward(tone, k));
            double f0 = pitch.track(shifted, SpectrogramConfig.DEFAULT).medianVoicedF0();
            assertEquals(110 * (1 << k), f0, 110 * (1 << k) * 0.03, "shift " + k);
        }
        Latent z = converter.encode(tone, 2);
        assertEquals(2, z.octaveShift());
    }

    @Test void theRegisterFollowsTheVoiceNotTheMainsHumInItsPauses() {
        // 1 s of a 110 Hz voice between 2 s of 50 Hz hum alone (~22 dB under it): hum in the pauses must not set the shift
        float[] voice = harmonicTone(110, 1.0, 0.3).samples();
        float[] x = new float[3 * 16000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.02 * Math.sin(2 * Math.PI * 50 * i / 16000.0));
        for (int i = 0; i < voice.length; i++) x[16000 + i] += voice[i];
        AudioClip clip = new AudioClip(x, 16000);
        assertEquals(110, new Pitch().track(clip, SpectrogramConfig.DEFAULT).medianVoicedF0(), 3);
        assertEquals(1, converter.shiftFor(clip, "violin", Register.AUTO), "log2(300/110) = 1.45; the hum's 50 Hz would give 2");
    }

    @Test void veryShortAndFiveMinuteClipsBothConvert() {
        AudioClip tiny = harmonicTone(200, 0.1, 0.3);
        AudioClip y = converter.convert(tiny, "violin", Register.AUTO).audio();
        assertEquals(tiny.length(), y.length());
        AudioClip longClip = harmonicTone(150, 300, 0.2);
        AudioClip z = converter.convert(longClip, "cello", Register.octaves(0)).audio();
        assertEquals(longClip.length(), z.length());
        float peak = 0;
        for (float v : z.samples()) { assertTrue(Float.isFinite(v)); peak = Math.max(peak, Math.abs(v)); }
        assertTrue(peak > 0.001 && peak <= 1f, "peak " + peak);
    }

    @Test void outputFollowsTheInputLoudnessEnvelope() {
        // a tone swelling and fading twice: 0.3 s steps between -40 dB and -6 dB
        AudioClip base = harmonicTone(220, 3.0, 1.0);
        float[] x = base.samples().clone();
        for (int i = 0; i < x.length; i++) x[i] *= (float) (0.01 + 0.49 * (0.5 - 0.5 * Math.cos(2 * Math.PI * 2 * i / x.length)));
        AudioClip input = new AudioClip(x, 16000);
        double before, after;
        try (Converter plain = Converter.load(presetDir)) {
            before = envelopeCorrelation(input, plain.convert(input, "violin", Register.octaves(0), plain.defaults().withFollowLoudness(false)).audio());
        }
        try (Converter following = Converter.load(presetDir)) {
            after = envelopeCorrelation(input, following.convert(input, "violin", Register.octaves(0), following.defaults().withFollowLoudness(true)).audio());
        }
        assertTrue(after > 0.95, "loudness correlation after envelope " + after + " (before " + before + ")");
    }

    @Test void byDefaultTheOutputTakesTheInputsLevelWithoutAnEnvelope() {
        AudioClip base = harmonicTone(220, 2.0, 1.0);
        float[] x = base.samples().clone();
        for (int i = 0; i < x.length; i++) x[i] *= 0.05f;   // −26 dB
        AudioClip input = new AudioClip(x, 16000);
        AudioClip y = converter.convert(input, "violin", Register.octaves(0)).audio();
        assertEquals(rms(input.samples()), rms(y.samples()), 0.05 * rms(input.samples()), "one gain for the clip: the input's RMS");
        assertEquals(input.length(), y.length());
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) s += (double) v * v;
        return Math.sqrt(s / x.length);
    }

    static double envelopeCorrelation(AudioClip a, AudioClip b) {
        double[] ea = LoudnessEnvelope.frameRms(a.samples(), 256), eb = LoudnessEnvelope.frameRms(b.samples(), 256);
        int n = Math.min(ea.length, eb.length);
        double ma = 0, mb = 0;
        double[] la = new double[n], lb = new double[n];
        for (int i = 0; i < n; i++) { la[i] = 20 * Math.log10(ea[i] + 1e-5); lb[i] = 20 * Math.log10(eb[i] + 1e-5); ma += la[i] / n; mb += lb[i] / n; }
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++) { sab += (la[i] - ma) * (lb[i] - mb); saa += (la[i] - ma) * (la[i] - ma); sbb += (lb[i] - mb) * (lb[i] - mb); }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test void convertAllGivesEveryDomainAsConvertDoes() {
        AudioClip clip = harmonicTone(110, 1.0, 0.3);
        Map<String, Converter.Converted> all = converter.convertAll(clip, Register.AUTO);
        assertEquals(TestPresets.DOMAINS, java.util.List.copyOf(all.keySet()));
        for (String d : TestPresets.DOMAINS) {
            Converter.Converted one = converter.convert(clip, d, Register.AUTO);
            assertArrayEquals(one.audio().samples(), all.get(d).audio().samples(), d);
            assertEquals(one.octaves(), all.get(d).octaves(), d);
        }
    }

    /**
     * convert --to all with one dead target (its output layer's bias pushed far down, so it puts out the floor) fails
     * with the ConversionException convert gives for that target, naming it; the other targets still convert.
     */
    @Test void convertAllReportsADeadTargetAsConvertDoes() {
        VaeGanConfig cfg = TestPresets.tinyConfig(false);
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(cfg);
            model.initialize(m);
            ai.djl.nn.Block out = model.generator(cfg.indexOf("cello")).getChildren().stream()
                    .filter(c -> c.getKey().endsWith("out")).findFirst().orElseThrow().getValue();   // DJL prefixes a child's name with its index
            for (ai.djl.nn.Parameter p : out.getParameters().values())
                if (p.getArray().getShape().dimension() == 1) org.timbrelab.engine.train.Gradients.withoutGrad(() -> p.getArray().subi(1000));
            try (Converter c = new Converter(Preset.inMemory(TestPresets.info(cfg), model, TestPresets.points(cfg, 5, 5)))) {
                AudioClip clip = harmonicTone(110, 1.0, 0.3);
                ConversionException one = assertThrows(ConversionException.class, () -> c.convert(clip, "cello", Register.AUTO));
                ConversionException all = assertThrows(ConversionException.class, () -> c.convertAll(clip, Register.AUTO));
                assertEquals(one.getMessage(), all.getMessage());
                assertTrue(all.getMessage().contains("'cello' came out silent"), all.getMessage());
                // the other targets still convert one by one
                assertTrue(InputAudio.level(c.convert(clip, "violin", Register.AUTO).audio()).peak() > 0.01);
            }
        }
    }

    /**
     * The window renders latents it encoded or interpolated itself (render): the image comes back with its audio, and
     * a latent the model turns into NaN is refused as convert refuses it, never handed on as a silent clip.
     */
    @Test void renderChecksWhatTheWindowRenders() {
        AudioClip clip = harmonicTone(110, 1.0, 0.3);
        Latent z = converter.encode(clip, 0);
        Converter.Rendered r = converter.render(clip, z, "violin", converter.defaults());
        assertEquals(r.audio().length(), r.spectrogram().frames() * r.spectrogram().config().hopLength(), 2 * r.spectrogram().config().hopLength());
        float[] nan = z.values().clone();
        java.util.Arrays.fill(nan, Float.NaN);
        Latent broken = new Latent(nan, z.channels(), z.bins(), z.frames(), z.spectrogramFrames(), z.f0Hz(), z.octaveShift());
        ConversionException e = assertThrows(ConversionException.class, () -> converter.render(clip, broken, "violin", converter.defaults()));
        assertTrue(e.getMessage().contains("NaN or infinite"), e.getMessage());
    }

    @Test void lerpAndSlerpEndpointsAndResampling() {
        Latent a = converter.encode(harmonicTone(200, 1.0, 0.3));
        Latent b = converter.encode(harmonicTone(300, 3.0, 0.3));
        assertArrayEquals(a.values(), Converter.lerp(a, b, 0).values(), 1e-6f);
        assertArrayEquals(b.resampledValues(a.frames()), Converter.lerp(a, b, 1).values(), 1e-5f);
        assertArrayEquals(a.values(), Converter.slerp(a, b, 0).values(), 1e-5f);
        assertArrayEquals(b.resampledValues(a.frames()), Converter.slerp(a, b, 1).values(), 1e-4f);
        Latent mid = Converter.slerp(a, b, 0.5);
        assertEquals(a.frames(), mid.frames());
        AudioClip y = converter.decode(mid, "violin", null);
        assertTrue(y.length() > 0);
    }

    @Test void timbreStrengthMovesTheLatentsAverageOntoTheTargetsCentroid() {
        AudioClip tone = harmonicTone(220, 2.0, 0.3);
        Latent z = converter.encode(tone);
        float[] centre = converter.preset().points().centroid("violin");
        assertNotNull(centre);
        // strength 1: the clip's time-average becomes the centroid; the frame-to-frame changes stay
        Latent moved = converter.towardTarget(z, "violin", 1.0);
        assertArrayEquals(centre, moved.timeAverage(), 1e-4f);
        float[] a = z.values(), b = moved.values();
        assertEquals(a[1] - a[0], b[1] - b[0], 1e-5);
        assertSame(z, converter.towardTarget(z, "violin", 0));
        // half way: the average lies half way
        float[] half = converter.towardTarget(z, "violin", 0.5).timeAverage(), own = z.timeAverage();
        for (int i = 0; i < own.length; i++) assertEquals((own[i] + centre[i]) / 2, half[i], 1e-4f);
        // convert uses it: strength 0 and 1 give different audio, and bad strengths are refused
        try (Converter other = Converter.load(presetDir)) {
            float[] plain = other.convert(tone, "violin", Register.octaves(0), other.defaults().withTimbreStrength(0)).audio().samples();
            float[] strong = other.convert(tone, "violin", Register.octaves(0), other.defaults().withTimbreStrength(1)).audio().samples();
            assertFalse(java.util.Arrays.equals(plain, strong));
            assertThrows(IllegalArgumentException.class, () -> other.defaults().withTimbreStrength(-0.1));
            // a per-target strength is what conversions into that target use; the others keep the preset's
            ConversionSettings perTarget = new ConversionSettings(other.defaults().phase(), false, 1, other.defaults().toneMatch(),
                    ConversionSettings.WINDOW, ConversionSettings.OVERLAP, java.util.Map.of("violin", 0.0));
            assertArrayEquals(plain, other.convert(tone, "violin", Register.octaves(0), perTarget).audio().samples(), 0f);
            assertEquals("1.00 (violin 0.00)", perTarget.strengthLabel());
            assertEquals(java.util.Map.of(), perTarget.withTimbreStrength(0.5).targetStrengths(), "one strength for all drops the per-target ones");
        }
    }
}
