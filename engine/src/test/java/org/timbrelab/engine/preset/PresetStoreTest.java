package org.timbrelab.engine.preset;

import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetStoreTest {
    @TempDir Path tmp;

    @Test void saveThenLoadRestoresInfoWeightsAndPoints() throws Exception {
        Path dir = TestPresets.write(tmp.resolve("p"), true, 11);
        try (Preset a = PresetStore.load(dir); Preset b = PresetStore.load(dir)) {
            assertEquals(TestPresets.info(TestPresets.tinyConfig(true)), a.info());
            List<Parameter> pa = a.model().generatorSide().uniqueParameters(), pb = b.model().generatorSide().uniqueParameters();
            for (int i = 0; i < pa.size(); i++) assertArrayEquals(pa.get(i).getArray().toFloatArray(), pb.get(i).getArray().toFloatArray());
            assertEquals(5, a.points().sources().size());
            assertEquals("violin", a.points().sources().get(1).domain());
            assertEquals(16 * 32, a.points().dimension());
        }
        // saving again replaces atomically and leaves no temp folders behind
        TestPresets.write(dir, true, 12);
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("p"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test void shippedPresetsLoadAndConvert() {
        Map<String, List<String>> shipped = Map.of("voice-strings", List.of("voice", "violin", "cello", "flute"),
                "voice-cello", List.of("voice", "cello"), "voice-violin", List.of("voice", "violin"),
                "voice-to-cello", List.of("voice", "cello"));
        for (Map.Entry<String, List<String>> e : shipped.entrySet()) {
            try (org.timbrelab.engine.infer.Converter c = org.timbrelab.engine.infer.Converter.load(Path.of("presets", e.getKey()))) {
                assertEquals(e.getValue(), c.info().domainNames(), e.getKey());
                assertTrue(c.info().pitchConditioning());
                // voice-violin and voice-strings (since 6 Dec) were trained with the fused kernels; the others, written before
                // they existed, load with the split ones
                boolean fused = e.getKey().equals("voice-violin") || e.getKey().equals("voice-strings");
                assertEquals(fused ? org.timbrelab.engine.nn.Kernels.FUSED : org.timbrelab.engine.nn.Kernels.SPLIT,
                        c.info().model().kernels(), e.getKey());
                // voice-violin (since 7 Dec) shifts the register keeping each frame's loudness; the others stretch only
                assertEquals(e.getKey().equals("voice-violin"), c.info().model().shiftKeepsLoudness(), e.getKey());
                // every shipped preset was written before the boost cap: its shifts keep loudness as fully as before (±30 dB)
                assertEquals(org.timbrelab.dsp.ShiftLoudness.of(e.getKey().equals("voice-violin")), c.info().model().shiftLoudness(), e.getKey());
                float[] x = new float[8000];
                for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 16000.0));
                org.timbrelab.dsp.AudioClip y = c.convert(new org.timbrelab.dsp.AudioClip(x, 16000), e.getValue().get(1), org.timbrelab.engine.infer.Register.AUTO).audio();
                assertEquals(x.length, y.length());
            }
        }
    }

    /** A preset carries its own default timbre strength; one written before that existed converts at 0.25. */
    @Test void timbreStrengthComesFromThePresetAndOlderPresetsGetTheOldDefault() throws Exception {
        Path dir = TestPresets.write(tmp.resolve("p"), false, 1);
        Path json = dir.resolve(PresetStore.INFO);
        String text = Files.readString(json);
        assertTrue(text.contains("\"timbreStrength\" : 0.25"), text);
        Files.writeString(json, text.replace("\"timbreStrength\" : 0.25", "\"timbreStrength\" : 0.5"));
        try (org.timbrelab.engine.infer.Converter c = org.timbrelab.engine.infer.Converter.load(dir)) {
            assertEquals(0.5, c.info().timbreStrength());
            assertEquals(0.5, c.defaults().timbreStrength());
        }
        Files.writeString(json, text.replace(",\n  \"timbreStrength\" : 0.25", ""));
        assertTrue(!Files.readString(json).contains("timbreStrength"), "the field was removed for this test");
        assertEquals(PresetInfo.DEFAULT_TIMBRE_STRENGTH, PresetStore.readInfo(dir).timbreStrength());
        Files.writeString(json, text.replace("\"timbreStrength\" : 0.25", "\"timbreStrength\" : 3.0"));
        PresetException e = assertThrows(PresetException.class, () -> PresetStore.readInfo(dir));
        assertTrue(e.getMessage().contains("timbreStrength"), e.getMessage());
    }

    /**
     * A preset may give some targets a default strength of their own; a preset without {@code targetStrengths} has none,
     * and one naming a domain it does not have is refused naming the field.
     */
    @Test void targetStrengthsComeFromThePresetAndMustNameItsDomains() throws Exception {
        PerTargetField f = PerTargetField.of(TestPresets.write(tmp.resolve("p"), false, 1), "targetStrengths");
        String domain = TestPresets.DOMAINS.get(1);
        PresetInfo info = f.readWith("\"" + domain + "\" : 1.5");
        assertEquals(1.5, info.timbreStrength(domain));
        assertEquals(0.25, info.timbreStrength(TestPresets.DOMAINS.get(0)));
        assertEquals(Map.of(), f.readWithout().targetStrengths());
        String e = f.refusalOf("\"oboe\" : 0.0");
        assertTrue(e.contains("targetStrengths") && e.contains("oboe"), e);
    }

    /** Per-target note snaps likewise: absent = none; a domain the preset lacks or an amount outside 0..1 is refused. */
    @Test void targetNoteSnapsComeFromThePresetAndAreChecked() throws Exception {
        PerTargetField f = PerTargetField.of(TestPresets.write(tmp.resolve("p"), false, 1), "targetNoteSnaps");
        String domain = TestPresets.DOMAINS.get(1);
        assertEquals(Map.of(domain, 0.5), f.readWith("\"" + domain + "\" : 0.5").targetNoteSnaps());
        assertEquals(Map.of(), f.readWithout().targetNoteSnaps());
        String e = f.refusalOf("\"oboe\" : 0.5");
        assertTrue(e.contains("targetNoteSnaps") && e.contains("oboe"), e);
        e = f.refusalOf("\"" + domain + "\" : 1.5");
        assertTrue(e.contains("targetNoteSnaps." + domain) && e.contains("0..1"), e);
    }

    /** One per-target map of a written preset's preset.json (written empty), rewritten for a test. */
    private record PerTargetField(Path dir, String field, String text) {
        static PerTargetField of(Path dir, String field) throws java.io.IOException {
            String text = Files.readString(dir.resolve(PresetStore.INFO));
            assertTrue(text.contains("\"" + field + "\" : { }"), text);
            return new PerTargetField(dir, field, text);
        }

        PresetInfo readWith(String entries) throws java.io.IOException {
            write(text.replace("\"" + field + "\" : { }", "\"" + field + "\" : { " + entries + " }"));
            return PresetStore.readInfo(dir);
        }

        PresetInfo readWithout() throws java.io.IOException {
            write(text.replace(",\n  \"" + field + "\" : { }", ""));
            assertTrue(!Files.readString(dir.resolve(PresetStore.INFO)).contains(field), "the field was removed for this test");
            return PresetStore.readInfo(dir);
        }

        String refusalOf(String entries) {
            return assertThrows(PresetException.class, () -> readWith(entries)).getMessage();
        }

        private void write(String json) throws java.io.IOException { Files.writeString(dir.resolve(PresetStore.INFO), json); }
    }

    @Test void truncatedWeightsNameTheFile() throws Exception {
        Path dir = TestPresets.write(tmp.resolve("p"), false, 1);
        Path w = dir.resolve(PresetStore.WEIGHTS);
        byte[] bytes = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        PresetException e = assertThrows(PresetException.class, () -> PresetStore.load(dir));
        assertTrue(e.getMessage().contains(PresetStore.WEIGHTS) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test void badFieldValueNamesFileAndField() throws Exception {
        Path dir = TestPresets.write(tmp.resolve("p"), false, 1);
        Path info = dir.resolve(PresetStore.INFO);
        Files.writeString(info, Files.readString(info).replace("\"version\" : 1", "\"version\" : 99"));
        PresetException e = assertThrows(PresetException.class, () -> PresetStore.load(dir));
        assertTrue(e.getMessage().contains(PresetStore.INFO) && e.getMessage().contains("'version'"), e.getMessage());

        Files.writeString(info, Files.readString(info).replace("\"version\" : 99", "\"version\" : 1").replace("\"baseChannels\" : 4", "\"baseChannels\" : \"four\""));
        e = assertThrows(PresetException.class, () -> PresetStore.load(dir));
        assertTrue(e.getMessage().contains(PresetStore.INFO) && e.getMessage().contains("baseChannels"), e.getMessage());
    }

    @Test void weightsOfAnotherModelAreAMismatchNamingFileAndField() throws Exception {
        Path dir = TestPresets.write(tmp.resolve("p"), false, 1);
        Path info = dir.resolve(PresetStore.INFO);
        // preset.json now claims 8 base channels, the weights have 4
        Files.writeString(info, Files.readString(info).replace("\"baseChannels\" : 4", "\"baseChannels\" : 8"));
        PresetException e = assertThrows(PresetException.class, () -> PresetStore.load(dir));
        assertTrue(e.getMessage().contains(PresetStore.WEIGHTS) && e.getMessage().contains("'model'"), e.getMessage());

        Path dir2 = TestPresets.write(tmp.resolve("q"), false, 1);
        Path info2 = dir2.resolve(PresetStore.INFO);
        String json = Files.readString(info2);
        int top = json.lastIndexOf("\"pitchConditioning\" : false"); // the top-level field, after model's own
        Files.writeString(info2, json.substring(0, top) + json.substring(top).replaceFirst("false", "true"));
        e = assertThrows(PresetException.class, () -> PresetStore.load(dir2));
        assertTrue(e.getMessage().contains(PresetStore.INFO) && e.getMessage().contains("'pitchConditioning'"), e.getMessage());
    }

    @Test void missingFilesAreNamed() throws Exception {
        PresetException e = assertThrows(PresetException.class, () -> PresetStore.load(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("nothing"), e.getMessage());
        Path dir = TestPresets.write(tmp.resolve("p"), false, 1);
        Files.delete(dir.resolve(PresetStore.LATENTS));
        e = assertThrows(PresetException.class, () -> PresetStore.load(dir));
        assertTrue(e.getMessage().contains(PresetStore.LATENTS) && e.getMessage().contains("missing"), e.getMessage());
    }
}
