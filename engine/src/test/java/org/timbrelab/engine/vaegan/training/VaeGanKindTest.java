package org.timbrelab.engine.vaegan.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.infer.Converter;
import org.timbrelab.engine.infer.Register;
import org.timbrelab.engine.preset.PresetInfo;
import org.timbrelab.engine.preset.PresetStore;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunControl;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingRun;
import org.timbrelab.engine.vaegan.VaeGan;
import org.timbrelab.engine.vaegan.study.WarmStart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code model: vaegan} kind end to end on generated tones: train, checkpoint, resume, export a preset, convert with it. */
class VaeGanKindTest {
    @TempDir Path tmp;

    static void tones(Path dir, double f0, int files) throws Exception {
        Files.createDirectories(dir);
        for (int k = 0; k < files; k++) {
            float[] x = new float[24000];
            for (int i = 0; i < x.length; i++) {
                double f = f0 * (1 + 0.05 * k);
                double s = 0;
                for (int h = 1; h <= 5; h++) s += Math.sin(2 * Math.PI * f * h * i / 16000.0) / h;
                x[i] = (float) (0.2 * s);
            }
            AudioFiles.saveWav(dir.resolve("t" + k + ".wav"), new AudioClip(x, 16000));
        }
    }

    @Test void trainsResumesAndExportsAUsablePreset() throws Exception {
        tones(tmp.resolve("low"), 150, 3);
        tones(tmp.resolve("high"), 400, 3);
        Path config = tmp.resolve("c.yaml");
        Files.writeString(config, """
                model: vaegan
                train: { steps: 3, seed: 3, checkpointEvery: 2, logEvery: 1, reportEvery: 2 }
                domains:
                  - { name: low,  dir: %s, colour: "#112233", octaves: [0, 1] }
                  - { name: high, dir: %s, colour: "#445566" }
                architecture: { baseChannels: 4, encoderResBlocks: 1, sharedResBlocks: 1, ownResBlocks: 1,
                                discBaseChannels: 4, discDownsamples: 2, pitchConditioning: true }
                losses: { rec: 10, kl: 0.01, gan: 1, cycle: 10, latent: 1, tone: 2 }
                optimiser: { lr: 2.0e-4, beta1: 0.5, beta2: 0.999, eps: 1.0e-8, clipNorm: 0 }
                data: { cropFrames: 32, batchPerDomain: 2, validationFraction: 0.0, cacheDir: %s, scatterPointsPerDomain: 3 }
                conversion: { timbreStrength: 0.5, perDomain: { high: 0.0 }, noteSnap: { high: 0.5 } }
                """.formatted(tmp.resolve("low"), tmp.resolve("high"), tmp.resolve("cache")));
        Path run = tmp.resolve("run");
        ModelRegistry registry = new ModelRegistry(List.of(new VaeGanKind()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config, run, null, null, false), registry,
                new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        assertTrue(log.toString().contains("register augmentation: 'low' also +1 octave(s)"), log.toString());
        assertTrue(log.toString().contains("L_tone="), "the spectral-profile term is logged when on: " + log);
        r = TrainingRun.execute(new TrainingRun.Request(null, run, 5L, null, true, 2), registry, new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        assertEquals(5, r.completedSteps());
        // --snapshots 2: the model at step 4 is a complete preset of its own (tone and all), step 5 is not a multiple
        Path snapshots = run.resolve(PresetSnapshots.DIR);
        assertEquals(List.of("step-00004"), Files.list(snapshots).map(p -> p.getFileName().toString()).sorted().toList());
        assertEquals(4, PresetStore.readInfo(PresetSnapshots.of(snapshots, 4)).training().steps());
        try (Converter c = Converter.load(PresetSnapshots.of(snapshots, 4))) {
            assertEquals(List.of("low", "high"), c.info().domainNames());
        }

        Path preset = run.resolve(VaeGanKind.PRESET_DIR);
        PresetInfo info = PresetStore.readInfo(preset);
        assertEquals(List.of("low", "high"), info.domainNames());
        assertEquals(150, info.domain("low").medianF0Hz(), 15); // the unshifted recordings' register, augmentation or not
        assertEquals(400, info.domain("high").medianF0Hz(), 40);
        assertEquals(5, info.training().steps());
        assertTrue(info.training().finalLosses().containsKey("L_cc"));
        assertTrue(Files.isRegularFile(preset.resolve("training").resolve("config.yaml")));
        assertEquals(0.5, info.timbreStrength(), "conversion.timbreStrength goes into the preset");
        assertEquals(0.5, info.timbreStrength("low"));
        assertEquals(0.0, info.timbreStrength("high"), "and conversion.perDomain");
        try (Converter c = Converter.load(preset)) {
            assertEquals(0.5, c.defaults().timbreStrength());
            assertEquals(0.0, c.defaults().strengthFor("high"));
            assertEquals(0.5, c.defaults().strengthFor("low"));
            assertEquals(Map.of("high", 0.5), info.targetNoteSnaps(), "conversion.noteSnap goes into the preset");
            assertEquals(0.5, c.defaults().noteSnapFor("high"));
            assertEquals(0.0, c.defaults().noteSnapFor("low"));
            assertEquals(6, c.preset().points().sources().size());
            AudioClip in = AudioFiles.loadMono(tmp.resolve("low").resolve("t0.wav"), 16000);
            assertEquals(1, c.shiftFor(in, "high", Register.AUTO)); // log2(400/150) = 1.4 → 1 octave
            AudioClip out = c.convert(in, "high", Register.AUTO).audio();
            assertEquals(in.length(), out.length());
            // the snap changes the pitch the generator is asked for: the snapped target's audio moves, not the other's
            AudioClip plain = c.convert(in, "high", Register.AUTO, c.defaults().withNoteSnap(0)).audio();
            assertFalse(java.util.Arrays.equals(plain.samples(), out.samples()), "note snap 0.5 changes the conversion into 'high'");
            assertArrayEquals(c.convert(in, "low", Register.AUTO, c.defaults().withNoteSnap(0)).audio().samples(),
                    c.convert(in, "low", Register.AUTO).audio().samples(), 0f, "'low' has no snap of its own");
        }
        warmStartCopiesThePresetsWeights(preset, config, registry);
        removedStudyKeysLoadAtTheirNeutralValueOnly(run, config, registry);
    }

    /**
     * The study settings whose code was removed (losses.otherReal, losses.domainClass, losses.toneBands,
     * domains[].ganWeight, domains[].tiltDb, init.weights): an older run's config that holds them at their neutral value resumes; another value fails
     * naming the key.
     */
    private void removedStudyKeysLoadAtTheirNeutralValueOnly(Path trained, Path twoDomainConfig, ModelRegistry registry) throws Exception {
        String neutral = Files.readString(twoDomainConfig)
                .replace("tone: 2 }", "tone: 2, otherReal: 0, domainClass: 0.0, toneBands: 0 }")
                .replace("colour: \"#445566\" }", "colour: \"#445566\", ganWeight: 1.0, tiltDb: 0 }") + "ema: 0.0\ninit: { from: scratch, weights: he-normal }\n";
        Path run = tmp.resolve("old-run");
        Files.createDirectories(run);
        for (String f : List.of(org.timbrelab.engine.train.Checkpoints.FILE_NAME, "metrics.jsonl")) Files.copy(trained.resolve(f), run.resolve(f));
        Files.writeString(run.resolve(TrainingRun.CONFIG_FILE), neutral);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(null, run, 6L, null, true), registry, new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        assertEquals(6, r.completedSteps());
        assertTrue(!Files.readString(run.resolve(TrainingRun.CONFIG_FILE)).contains("ganWeight"), "the rewritten config drops the neutral keys");

        Path config = tmp.resolve("study.yaml");
        for (String[] c : new String[][] {{"tone: 2 }", "tone: 2, otherReal: 0.5 }", "losses.otherReal"},
                {"tone: 2 }", "tone: 2, domainClass: 1 }", "losses.domainClass"},
                {"tone: 2 }", "tone: 2, toneBands: 8 }", "losses.toneBands"},
                {"colour: \"#445566\" }", "colour: \"#445566\", ganWeight: 2.5 }", "domains[].ganWeight"},
                {"colour: \"#445566\" }", "colour: \"#445566\", tiltDb: 12 }", "domains[].tiltDb"}}) {
            Files.writeString(config, Files.readString(twoDomainConfig).replace(c[0], c[1]));
            Exception e = assertThrows(Exception.class, () -> TrainingRun.execute(
                    new TrainingRun.Request(config, tmp.resolve("study-run"), null, null, false), registry, new PrintStream(log, true), new RunControl()));
            assertTrue(e.getMessage().contains("key '" + c[2] + "': a study setting that was tried and not shipped"), e.getMessage());
        }
        Files.writeString(config, Files.readString(twoDomainConfig) + "init: { from: scratch, weights: pytorch }\n");
        Exception e = assertThrows(Exception.class, () -> TrainingRun.execute(
                new TrainingRun.Request(config, tmp.resolve("study-run"), null, null, false), registry, new PrintStream(log, true), new RunControl()));
        assertTrue(e.getMessage().contains("key 'init.weights': a study setting") && e.getMessage().contains("set it to he-normal"), e.getMessage());
        weightAverageWritesAveragedAndRawSnapshots(twoDomainConfig, registry);
    }

    /** {@code ema}: each snapshot from the average and, beside it, from the raw weights; the preset from the average. */
    private void weightAverageWritesAveragedAndRawSnapshots(Path twoDomainConfig, ModelRegistry registry) throws Exception {
        Path config = tmp.resolve("ema.yaml");
        Files.writeString(config, Files.readString(twoDomainConfig) + "ema: 0.5\n");
        Path run = tmp.resolve("ema-run");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config, run, null, null, false, 2), registry,
                new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        Path snapshots = run.resolve(PresetSnapshots.DIR);
        assertEquals(List.of("step-00002", "step-00002-raw"), Files.list(snapshots).map(p -> p.getFileName().toString()).sorted().toList());
        try (var averaged = PresetStore.load(PresetSnapshots.of(snapshots, 2)); var raw = PresetStore.load(snapshots.resolve("step-00002-raw"))) {
            var a = org.timbrelab.engine.train.NamedParameters.of("p", averaged.model().encoder()).asMap();
            var b = org.timbrelab.engine.train.NamedParameters.of("p", raw.model().encoder()).asMap();
            assertTrue(a.keySet().stream().anyMatch(k -> !java.util.Arrays.equals(a.get(k).getArray().toFloatArray(), b.get(k).getArray().toFloatArray())),
                    "the average is not the last step's weights");
        }
        assertTrue(PresetStore.readInfo(run.resolve(VaeGanKind.PRESET_DIR)).training().notes().contains("moving average, decay 0.5"));
        // resumed: the checkpoint carries the average, and the run goes on to its new end
        r = TrainingRun.execute(new TrainingRun.Request(null, run, 4L, null, true), registry, new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        assertEquals(4, r.completedSteps());
    }

    /** A 3-domain run started from the 2-domain preset: 'mid' is new and starts as the preset's 'high' generator. */
    private void warmStartCopiesThePresetsWeights(Path preset, Path twoDomainConfig, ModelRegistry registry) throws Exception {
        tones(tmp.resolve("mid"), 250, 3);
        String three = Files.readString(twoDomainConfig)
                .replace("colour: \"#445566\" }", "colour: \"#445566\" }\n  - { name: mid, dir: " + tmp.resolve("mid") + ", colour: \"#778899\" }")
                .replace("steps: 3,", "steps: 1,")
                + "init: { from: " + preset + ", copy: { mid: high } }\n";
        Path config = tmp.resolve("three.yaml");
        Files.writeString(config, three);
        var tree = org.timbrelab.engine.config.ConfigLoader.readTree(config);
        new VaeGanKind().fillOptionalKeys(tree);
        VaeGanTrainConfig cfg = org.timbrelab.engine.config.ConfigLoader.bind(tree, VaeGanTrainConfig.class, config);
        try (var source = PresetStore.load(preset); var m = ai.djl.ndarray.NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(cfg.modelConfig(source.info().model().melBins()));
            model.initialize(m);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            WarmStart.apply(model, cfg.init(), new PrintStream(log, true));
            VaeGan src = source.model();
            assertSameWeights(src.encoder(), model.encoder());
            assertSameWeights(src.generator(0).sharedBlock(), model.generator(0).sharedBlock());
            assertSameWeights(src.generator(0), model.generator(0));
            assertSameWeights(src.generator(1), model.generator(1));
            assertSameWeights(src.generator(1), model.generator(2)); // mid ← high
            assertTrue(log.toString().contains("generator 'mid' from " + preset + "'s 'high'"), log.toString());
        }
        // one step with the encoder, shared block and 'low' frozen: those stay the preset's, 'mid' learns
        Files.writeString(config, three.replace("copy: { mid: high } }", "copy: { mid: high }, freeze: [encoder, shared, low] }"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config, tmp.resolve("warm"), null, null, false), registry,
                new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        assertTrue(log.toString().contains("discriminators and optimiser moments start fresh"), log.toString());
        assertTrue(log.toString().contains("generator 'low' frozen at the preset's weights"), log.toString());
        try (var source = PresetStore.load(preset); var trained = PresetStore.load(tmp.resolve("warm").resolve(VaeGanKind.PRESET_DIR))) {
            assertSameWeights(source.model().encoder(), trained.model().encoder());
            assertSameWeights(source.model().generator(0).sharedBlock(), trained.model().generator(0).sharedBlock());
            assertSameWeights(source.model().generator(0), trained.model().generator(0));
            var mid = org.timbrelab.engine.train.NamedParameters.of("p", trained.model().generator(2)).asMap();
            var high = org.timbrelab.engine.train.NamedParameters.of("p", source.model().generator(1)).asMap();
            assertTrue(mid.keySet().stream().anyMatch(k -> !java.util.Arrays.equals(mid.get(k).getArray().toFloatArray(),
                    high.get(k).getArray().toFloatArray())), "the unfrozen generator 'mid' moved off its copy of 'high'");
        }
        anchorHoldsTheEncoderNearThePresets(three, config, registry);

        Files.writeString(config, three.replace("copy: { mid: high } }", "copy: { mid: high }, freeze: [decoder] }"));
        Exception frozen = assertThrows(Exception.class, () -> TrainingRun.execute(
                new TrainingRun.Request(config, tmp.resolve("bad-freeze"), null, null, false), registry, new PrintStream(log, true), new RunControl()));
        assertTrue(frozen.getMessage().contains("init.freeze: 'decoder' is neither 'encoder', 'shared' nor a domain"), frozen.getMessage());

        Files.writeString(config, three.replace("copy: { mid: high }", "copy: { tuba: high }"));
        Exception e = assertThrows(Exception.class, () -> TrainingRun.execute(
                new TrainingRun.Request(config, tmp.resolve("bad"), null, null, false), registry, new PrintStream(log, true), new RunControl()));
        assertTrue(e.getMessage().contains("init.copy: 'tuba' is not a domain of this config"), e.getMessage());
    }

    /**
     * init.anchor: the encoder learns but L_anchor measures its distance to the preset's on 'low' crops. It is exactly 0
     * on the first step (the encoder starts as the preset's) and positive once the encoder has moved.
     */
    private void anchorHoldsTheEncoderNearThePresets(String three, Path config, ModelRegistry registry) throws Exception {
        Files.writeString(config, three.replace("steps: 1,", "steps: 3,")
                .replace("copy: { mid: high } }", "copy: { mid: high }, anchor: { weight: 5, domains: [low] } }"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path run = tmp.resolve("anchored");
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config, run, null, null, false), registry,
                new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        assertTrue(log.toString().contains("anchor λ=5.0 holds the encoder's μ of [low] crops near"), log.toString());
        List<Double> anchor = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl")))
            if (line.contains("L_anchor")) anchor.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("L_anchor").asDouble());
        assertEquals(3, anchor.size(), anchor.toString());
        assertEquals(0, anchor.get(0), 1e-6);
        assertTrue(anchor.get(2) > 0, anchor.toString());

        // through a generator: the decoded outputs are compared, again equal on the first step
        Files.writeString(config, three.replace("copy: { mid: high } }", "copy: { mid: high }, anchor: { weight: 5, domains: [low], through: high } }"));
        run = tmp.resolve("anchored-through");
        r = TrainingRun.execute(new TrainingRun.Request(config, run, null, null, false), registry, new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        assertTrue(log.toString().contains("crops, as generator 'high' decodes it, near"), log.toString());
        String first = Files.readAllLines(run.resolve("metrics.jsonl")).stream().filter(l -> l.contains("L_anchor")).findFirst().orElseThrow();
        assertEquals(0, new com.fasterxml.jackson.databind.ObjectMapper().readTree(first).get("L_anchor").asDouble(), 1e-6, first);

        Files.writeString(config, three.replace("copy: { mid: high } }", "copy: { mid: high }, freeze: [encoder], anchor: { weight: 5, domains: [low] } }"));
        Exception e = assertThrows(Exception.class, () -> TrainingRun.execute(
                new TrainingRun.Request(config, tmp.resolve("anchor-frozen"), null, null, false), registry, new PrintStream(log, true), new RunControl()));
        assertTrue(e.getMessage().contains("init.anchor holds a learning encoder"), e.getMessage());
        Files.writeString(config, three.replace("copy: { mid: high } }", "copy: { mid: high }, anchor: { weight: 5, domains: [tuba] } }"));
        e = assertThrows(Exception.class, () -> TrainingRun.execute(
                new TrainingRun.Request(config, tmp.resolve("anchor-tuba"), null, null, false), registry, new PrintStream(log, true), new RunControl()));
        assertTrue(e.getMessage().contains("init.anchor.domains: 'tuba' is not a domain of this config"), e.getMessage());
    }

    private static void assertSameWeights(ai.djl.nn.Block expected, ai.djl.nn.Block actual) {
        var a = org.timbrelab.engine.train.NamedParameters.of("p", expected).asMap();
        var b = org.timbrelab.engine.train.NamedParameters.of("p", actual).asMap();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, p) -> assertArrayEquals(p.getArray().toFloatArray(), b.get(k).getArray().toFloatArray(), k));
    }
}
