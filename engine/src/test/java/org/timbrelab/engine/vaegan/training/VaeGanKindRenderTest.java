package org.timbrelab.engine.vaegan.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.engine.config.ConfigException;
import org.timbrelab.engine.config.ConfigLoader;
import org.timbrelab.engine.data.DatasetException;
import org.timbrelab.engine.data.DomainSource;
import org.timbrelab.engine.data.DomainSources;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.RunControl;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code domains[i].render}: a domain rendered from a soundfont spec on first use, reused afterwards; old configs still load. */
class VaeGanKindRenderTest {
    @TempDir Path tmp;

    private static final String REST = """
            architecture: { baseChannels: 4, encoderResBlocks: 1, sharedResBlocks: 1, ownResBlocks: 1,
                            discBaseChannels: 4, discDownsamples: 2, pitchConditioning: true }
            losses: { rec: 10, kl: 0.01, gan: 1, cycle: 10, latent: 1 }
            optimiser: { lr: 2.0e-4, beta1: 0.5, beta2: 0.999, eps: 1.0e-8, clipNorm: 0 }
            data: { cropFrames: 32, batchPerDomain: 2, validationFraction: 0.0, cacheDir: %s, scatterPointsPerDomain: 2 }
            """;

    /** What TrainingRun does with a config file before it builds anything. */
    static VaeGanTrainConfig load(Path file) {
        ObjectNode tree = ConfigLoader.readTree(file);
        new VaeGanKind().fillOptionalKeys(tree);
        return ConfigLoader.bind(tree, VaeGanTrainConfig.class, file);
    }

    private Path config(String domains) throws IOException {
        Path config = tmp.resolve("c.yaml");
        Files.writeString(config, """
                model: vaegan
                train: { steps: 2, seed: 3, checkpointEvery: 2, logEvery: 1, reportEvery: 2 }
                domains:
                """ + domains + REST.formatted(tmp.resolve("cache")));
        return config;
    }

    @Test void soundfontDomainRendersOnFirstRunAndIsReusedByTheNext() throws Exception {
        VaeGanKindTest.tones(tmp.resolve("low"), 150, 3);
        Path violin = tmp.resolve("rendered").resolve("violin");
        Path config = config("""
                  - { name: low, dir: %s, colour: "#112233" }
                  - { name: violin, dir: %s, colour: "#445566", octaves: [0, -1],
                      render: { soundfont: { instrument: violin, phrases: 2, phrase_seconds: 1, notes: false } } }
                """.formatted(tmp.resolve("low"), violin));
        ModelRegistry registry = new ModelRegistry(List.of(new VaeGanKind()));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config, tmp.resolve("run1"), null, null, false), registry,
                new PrintStream(log, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log.toString());
        assertTrue(log.toString().contains("vaegan: rendering domain 'violin' into " + violin), log.toString());
        assertTrue(Files.isRegularFile(violin.resolve(DomainSources.STAMP)));
        Map<Path, FileTime> rendered = wavTimes(violin);
        assertEquals(2, rendered.size(), "two phrases, no notes: " + rendered.keySet());
        assertTrue(Files.readString(tmp.resolve("run1").resolve("config.yaml")).contains("phrase_seconds"), "the run keeps its render spec");

        ByteArrayOutputStream log2 = new ByteArrayOutputStream();
        r = TrainingRun.execute(new TrainingRun.Request(config, tmp.resolve("run2"), null, null, false), registry,
                new PrintStream(log2, true), new RunControl());
        assertEquals(StopReason.COMPLETED, r.reason(), log2.toString());
        assertTrue(log2.toString().contains("vaegan: domain 'violin': reusing the render in " + violin), log2.toString());
        assertFalse(log2.toString().contains("rendering domain"), log2.toString());
        assertEquals(rendered, wavTimes(violin), "the second run renders nothing");
    }

    @Test void configWithoutRenderStillLoadsAsItsFolder() throws IOException {
        // the shipped config as it was before render: and octaves: existed
        VaeGanTrainConfig old = load(Path.of("engine/src/test/resources/vaegan-config-before-render.yaml"));
        for (VaeGanTrainConfig.Domain d : old.domains()) {
            assertEquals(DomainSource.folder(Path.of(d.dir())), d.render(), d.name());
            assertEquals(List.of(0), d.octaves());
        }
        assertEquals(DomainSource.folder(Path.of("x")), new VaeGanTrainConfig.Domain("a", "x", "#000000").render());
    }

    @Test void renderedExampleConfigBindsItsSpecs() {
        VaeGanTrainConfig c = load(Path.of("config/vaegan-rendered-example.yaml"));
        assertEquals(List.of("voice", "violin", "cello", "flute"), c.domains().stream().map(VaeGanTrainConfig.Domain::name).toList());
        VaeGanTrainConfig.Domain voice = c.domains().get(0);
        assertEquals("data/voice", voice.dir());
        assertEquals("flite", voice.render().speech().engine());
        assertEquals(List.of("kal16", "awb", "rms"), voice.render().speech().voices());
        for (VaeGanTrainConfig.Domain d : c.domains().subList(1, 4)) {
            assertEquals("data/" + d.name(), d.dir());
            DomainSource.SoundfontSpec s = d.render().soundfont();
            assertEquals(d.name(), s.instrument());
            assertEquals("/usr/share/sounds/sf2/FluidR3_GM.sf2", s.soundfont());
            assertEquals(300, s.phrases());
            assertEquals(4.0, s.phraseSeconds());
            assertFalse(s.notes(), "legato phrases only");
            assertNull(d.render().folder());
        }
    }

    /** Every {@code model: vaegan} config in config/ and config/study/ and every preset's training config still binds. */
    @Test void everyCommittedVaeGanConfigBinds() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path dir : List.of(Path.of("config"), Path.of("config/study")))
            try (Stream<Path> s = Files.list(dir)) { s.filter(f -> f.toString().endsWith(".yaml")).forEach(files::add); }
        try (Stream<Path> s = Files.walk(Path.of("presets"))) { s.filter(f -> f.toString().endsWith("config.yaml")).forEach(files::add); }
        int vaegan = 0;
        for (Path f : files) {
            if (!"vaegan".equals(ConfigLoader.readTree(f).path("model").asText())) continue;
            assertEquals(2, load(f).domains().stream().limit(2).count(), f.toString());
            vaegan++;
        }
        assertTrue(vaegan >= 10, "found " + vaegan + " vaegan configs in " + files);
    }

    /** The hub study config: the voice is the hub, each instrument's own terms lie over the shared ones. */
    @Test void aHubAndPerDomainLossesBind() {
        VaeGanTrainConfig c = load(Path.of("config/study/vs-hub.yaml"));
        assertEquals(0, c.hubIndex());
        List<org.timbrelab.engine.vaegan.LossWeights> w = c.lossesPerDomain();
        assertEquals(20, w.get(1).follow());          // violin: the shared terms
        assertEquals(10, w.get(2).legato());          // cello: its own
        assertEquals(10, w.get(2).follow());
        assertEquals(3, w.get(3).followHarmonics());  // flute
        assertEquals(0, w.get(1).followHarmonics());
        assertEquals(5, w.get(3).level());            // not overridden: shared
        // a config without the keys: no hub, the shared weights everywhere
        VaeGanTrainConfig plain = load(Path.of("config/vaegan-voice-violin.yaml"));
        assertEquals(org.timbrelab.engine.vaegan.TransferPairs.NO_HUB, plain.hubIndex());
        assertEquals(plain.losses(), plain.lossesPerDomain().get(1));
    }

    /** The boost cap of loudness-keeping shifts: the study config's 0 dB reaches the model; without the key, ±30 dB. */
    @Test void theShiftsBoostCapBindsAndDefaultsToTheFullKeep() throws IOException {
        VaeGanTrainConfig capped = load(Path.of("config/study/vs-nolouder.yaml"));
        assertEquals(new org.timbrelab.dsp.ShiftLoudness(true, 0), capped.modelConfig(128).shiftLoudness());
        VaeGanTrainConfig full = load(Path.of("config/study/vs-keeploud.yaml"));
        assertEquals(org.timbrelab.dsp.ShiftLoudness.KEEP, full.modelConfig(128).shiftLoudness());
        Path tooMuch = config("""
                  - { name: voice, dir: a, colour: "#112233" }
                  - { name: violin, dir: b, colour: "#445566" }
                """);
        Files.writeString(tooMuch, Files.readString(tooMuch).replace("architecture: {", "architecture: { shiftMaxBoostDb: 40,"));
        Exception e = assertThrows(Exception.class, () -> load(tooMuch));
        assertTrue(e.getMessage().contains("shiftMaxBoostDb") && e.getMessage().contains("40"), e.getMessage());
    }

    @Test void aWrongHubOrPerDomainKeyIsNamed() throws IOException {
        Path unknownKey = config("""
                  - { name: voice, dir: a, colour: "#112233" }
                  - { name: violin, dir: b, colour: "#445566", losses: { rec: 3 } }
                """);
        Exception e = assertThrows(Exception.class, () -> load(unknownKey));
        assertTrue(e.getMessage().contains("losses may set only") && e.getMessage().contains("'rec'"), e.getMessage());
        Path wrongHub = config("""
                  - { name: voice, dir: a, colour: "#112233" }
                  - { name: violin, dir: b, colour: "#445566" }
                """);
        Files.writeString(wrongHub, Files.readString(wrongHub) + "transfers: { hub: piano }\n");
        IllegalArgumentException h = assertThrows(IllegalArgumentException.class, () -> load(wrongHub).hubIndex());
        assertTrue(h.getMessage().contains("piano") && h.getMessage().contains("[voice, violin]"), h.getMessage());
        Path wrongTarget = config("""
                  - { name: voice, dir: a, colour: "#112233" }
                  - { name: violin, dir: b, colour: "#445566" }
                """);
        Files.writeString(wrongTarget, Files.readString(wrongTarget) + "conversion: { timbreStrength: 0.5, perDomain: { flute: 0 } }\n");
        Exception t = assertThrows(Exception.class, () -> load(wrongTarget));
        assertTrue(t.getMessage().contains("perDomain") && t.getMessage().contains("'flute'"), t.getMessage());
    }

    @Test void badRenderSpecNamesTheKey() throws IOException {
        Path config = config("""
                  - { name: low, dir: a, colour: "#112233" }
                  - { name: violin, dir: b, colour: "#445566", render: { soundfont: { instrument: violin, phrase: 3 } } }
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> load(config));
        assertTrue(e.getMessage().contains("soundfont.phrase"), e.getMessage());
        assertTrue(e.getMessage().contains("domains[1].render"), e.getMessage());
    }

    @Test void renderFailuresNameTheDomainAndWhatToDo() throws IOException {
        RunContext ctx = new RunContext(tmp, null, new PrintStream(new ByteArrayOutputStream(), true));
        DomainSource missingFont = new DomainSource(null, new DomainSource.SoundfontSpec("violin", tmp.resolve("nope.sf2").toString(),
                2, 1, false, null, null, 1, 1, 0), null);
        var noFont = assertThrows(DatasetException.class,
                () -> VaeGanKind.materialize(new VaeGanTrainConfig.Domain("violin", tmp.resolve("v").toString(), "#445566", null, missingFont), ctx));
        assertTrue(noFont.getMessage().contains("domain 'violin'") && noFont.getMessage().contains("nope.sf2"), noFont.getMessage());
        assertTrue(noFont.getMessage().contains("fix this domain's dir: or render:"), noFont.getMessage());

        Path foreign = tmp.resolve("mine");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "not ours");
        DomainSource builtin = new DomainSource(null, new DomainSource.SoundfontSpec("violin", null, 2, 1, false, null, null, 1, 1, 0), null);
        var occupied = assertThrows(DatasetException.class,
                () -> VaeGanKind.materialize(new VaeGanTrainConfig.Domain("strings", foreign.toString(), "#445566", null, builtin), ctx));
        assertTrue(occupied.getMessage().contains("domain 'strings'") && occupied.getMessage().contains("did not render"), occupied.getMessage());
        assertTrue(Files.exists(foreign.resolve("notes.txt")), "a foreign folder is left alone");

        var noFolder = assertThrows(DatasetException.class,
                () -> VaeGanKind.materialize(new VaeGanTrainConfig.Domain("voice", tmp.resolve("absent").toString(), "#445566"), ctx));
        assertTrue(noFolder.getMessage().contains("domain 'voice'") && noFolder.getMessage().contains("does not exist"), noFolder.getMessage());
    }

    private static Map<Path, FileTime> wavTimes(Path dir) throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".wav")).toList()) times.put(p, Files.getLastModifiedTime(p));
        }
        return times;
    }
}
