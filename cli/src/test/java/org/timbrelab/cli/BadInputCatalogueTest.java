package org.timbrelab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.timbrelab.engine.preset.TestPresets;
import org.timbrelab.engine.train.CheckpointData;
import org.timbrelab.engine.train.Checkpoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.timbrelab.cli.BadFiles.*;

/**
 * The bad-input catalogue (issue 23), kept as tests: each case sets up files in a fresh folder,
 * runs one command in-process and checks its exit status, a fragment of its message, that no
 * stack trace was shown, and that nothing on disk changed except the case's expected outputs
 * (no half files, no temp files left behind, inputs untouched).
 */
class BadInputCatalogueTest {

    @TempDir static Path shared;
    @TempDir Path ws;
    private static Path preset, run;

    /** Prepares a case's folder. */
    interface Setup { void in(Path ws) throws Exception; }

    /**
     * @param args    command line; a token "@x" is the path x inside the case's folder
     * @param creates paths (a trailing '/' means everything below) the command may create or change; on success they must exist
     * @param removes paths the command must have deleted
     */
    record Case(String name, Setup setup, List<String> args, int exit, String expect, List<String> creates, List<String> removes) {
        @Override public String toString() { return name; }

        Case creating(String... paths) { return new Case(name, setup, args, exit, expect, List.of(paths), removes); }

        Case removing(String... paths) { return new Case(name, setup, args, exit, expect, creates, List.of(paths)); }
    }

    static final String TRAIN = "model: vae-digits\ntrain: {steps: 2, seed: 3, checkpointEvery: 1, logEvery: 1, reportEvery: 100}\n"
            + "data: {source: \"fixture:64\", testFraction: 0.25}\n";
    static final String VAE = "vae: {latent: 4, channels: 4, batch: 8, lr: 0.003, betaWarmupSteps: 2}\n";

    @BeforeAll static void sharedFiles() throws IOException {
        preset = TestPresets.write(shared.resolve("preset"), true, 3);
        Path cfg = shared.resolve("vae.yaml");
        Files.writeString(cfg, TRAIN + VAE);
        run = shared.resolve("run");
        CliRun r = CliRun.of("train", "--config", cfg.toString(), "--out", run.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(Files.exists(Checkpoints.previous(run.resolve(Checkpoints.FILE_NAME))), "the run keeps its previous checkpoint");
    }

    // ---- case builders ----

    private static Case ok(String name, Setup setup, String expect, String... args) {
        return new Case(name, setup, List.of(args), 0, expect, List.of(), List.of());
    }

    private static Case fails(String name, Setup setup, String expect, String... args) {
        return new Case(name, setup, List.of(args), 1, expect, List.of(), List.of());
    }

    private static String[] convert(String in, String out, String... extra) {
        List<String> a = new ArrayList<>(List.of("convert", "--preset", "@p", "--in", in, "--to", "violin", "--out", out));
        a.addAll(Arrays.asList(extra));
        return a.toArray(String[]::new);
    }

    /** The preset copied to p/ and {@code in.wav} holding {@code wav}. */
    private static Setup input(byte[] wav) {
        return ws -> {
            copyPreset(ws);
            Files.write(ws.resolve("in.wav"), wav);
        };
    }

    private static Setup goodInput() { return input(goodWav()); }

    /** The preset copied to p/, a good in.wav, then {@code edit} applied to p/. */
    private static Setup presetEdit(Setup edit) {
        return ws -> {
            goodInput().in(ws);
            edit.in(ws.resolve("p"));
        };
    }

    private static void copyPreset(Path ws) throws IOException { copyTree(preset, ws.resolve("p")); }

    private static Setup config(String yaml) {
        return ws -> Files.writeString(ws.resolve("c.yaml"), yaml);
    }

    private static Setup runAnd(Setup then) {
        return ws -> {
            copyTree(run, ws.resolve("run"));
            then.in(ws);
        };
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void cut(Path file, int keep) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, Math.min(keep, b.length)));
    }

    private static void flip(Path file, int from, int count) throws IOException {
        byte[] b = Files.readAllBytes(file);
        for (int i = 0; i < count; i++) b[from + i] ^= (byte) 0x5A;
        Files.write(file, b);
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        audioFiles(c);
        outputPaths(c);
        presets(c);
        configs(c);
        kills(c);
        return c.stream();
    }

    // ---- audio files (convert --in) ----

    private static void audioFiles(List<Case> c) {
        short[] tone = sine(0.5, 16000, 220, 0.5);
        byte[] toneBytes = pcm16(tone);
        c.add(fails("missing input", ws -> copyPreset(ws), "no such file", convert("@nope.wav", "@out.wav")));
        c.add(fails("empty file", input(new byte[0]), "the file is empty", convert("@in.wav", "@out.wav")));
        c.add(fails("text file named .wav", input(ascii("hello, this is not audio at all\n")), "not a RIFF/WAVE", convert("@in.wav", "@out.wav")));
        c.add(fails("8 bytes of RIFF", input(ascii("RIFF\0\0\0\0")), "ends inside its header", convert("@in.wav", "@out.wav")));
        c.add(fails("header without data chunk", input(Arrays.copyOf(goodWav(), 36)), "no 'data' chunk", convert("@in.wav", "@out.wav")));
        c.add(fails("data chunk of 0 frames", input(wav(1, 1, 16000, 16, new byte[0], 0)), "holds no audio samples", convert("@in.wav", "@out.wav")));
        c.add(fails("mu-law", input(wav(7, 1, 8000, 8, new byte[8000], 8000)), "mu-law", convert("@in.wav", "@out.wav")));
        c.add(fails("MP3 inside WAV", input(wav(0x55, 1, 16000, 16, toneBytes, toneBytes.length)), "MP3", convert("@in.wav", "@out.wav")));
        c.add(fails("12-bit PCM", input(wav(1, 1, 16000, 12, toneBytes, toneBytes.length)), "unsupported sample encoding", convert("@in.wav", "@out.wav")));
        c.add(fails("0 channels", input(wav(1, 0, 16000, 16, toneBytes, toneBytes.length)), "0 channels", convert("@in.wav", "@out.wav")));
        c.add(fails("1-Hz sample rate", input(wav(1, 1, 1, 16, toneBytes, toneBytes.length)), "implausible sample rate (the header says 1 Hz", convert("@in.wav", "@out.wav")));
        c.add(fails("500-Hz sample rate", input(wav(1, 1, 500, 16, toneBytes, toneBytes.length)), "implausible sample rate", convert("@in.wav", "@out.wav")));
        c.add(fails("1-MHz sample rate", input(wav(1, 1, 1_000_000, 16, toneBytes, toneBytes.length)), "implausible sample rate", convert("@in.wav", "@out.wav")));
        c.add(fails("sample rate 0xFFFFFFFF", input(wav(1, 1, -1, 16, toneBytes, toneBytes.length)), "4294967295 Hz", convert("@in.wav", "@out.wav")));
        float[] nan = new float[8000];
        nan[100] = Float.NaN;
        byte[] nanBytes = float32(nan);
        c.add(fails("float WAV with NaN", input(wav(3, 1, 16000, 32, nanBytes, nanBytes.length)), "NaN or infinite samples", convert("@in.wav", "@out.wav")));
        float[] inf = new float[8000];
        inf[7] = Float.POSITIVE_INFINITY;
        byte[] infBytes = float32(inf);
        c.add(fails("float WAV with infinity", input(wav(3, 1, 16000, 32, infBytes, infBytes.length)), "Infinity", convert("@in.wav", "@out.wav")));
        c.add(fails("digital silence", input(wav16(16000, 1, new short[16000])), "the input is silent (peak 0", convert("@in.wav", "@out.wav")));
        float[] whisper = new float[16000];
        for (int i = 0; i < whisper.length; i++) whisper[i] = (float) (1e-6 * Math.sin(i * 0.1));
        byte[] whisperBytes = float32(whisper);
        c.add(fails("-120 dBFS float", input(wav(3, 1, 16000, 32, whisperBytes, whisperBytes.length)), "the input is silent (peak -120 dBFS)", convert("@in.wav", "@out.wav")));
        c.add(fails("1-sample clip", input(wav16(16000, 1, (short) 12000)), "only 0.000 s of audio (1 sample at 16000 Hz)", convert("@in.wav", "@out.wav")));
        c.add(fails("500-sample clip", input(wav16(16000, 1, sine(500 / 16000.0, 16000, 220, 0.5))), "a conversion needs at least 0.064 s", convert("@in.wav", "@out.wav")));
        short[] inverted = tone.clone();
        for (int i = 0; i < inverted.length; i++) inverted[i] = (short) -tone[i];
        c.add(fails("stereo channels that cancel", input(wav16(16000, 2, stereo(tone, inverted))), "they cancel each other out", convert("@in.wav", "@out.wav")));
        short[] dc = new short[16000];
        Arrays.fill(dc, Short.MAX_VALUE);
        c.add(fails("full-scale DC", input(wav16(16000, 1, dc)), "constant level (DC offset +1.000)", convert("@in.wav", "@out.wav")));
        short[] dcTone = tone.clone();
        for (int i = 0; i < dcTone.length; i++) dcTone[i] = (short) (dcTone[i] / 2 + 12000);
        c.add(ok("tone on a DC offset converts", input(wav16(16000, 1, dcTone)), "[100%]", convert("@in.wav", "@out.wav")).creating("out.wav"));
        byte[] promised = wav(1, 1, 16000, 16, toneBytes, toneBytes.length * 4L);
        c.add(ok("header promises 4x the data", input(promised), "the header promises 2.00 s of audio but the file holds only 0.50 s", convert("@in.wav", "@out.wav")).creating("out.wav"));
        c.add(ok("streaming size 0xFFFFFFFF is no warning", input(wav(1, 1, 16000, 16, toneBytes, 0xFFFFFFFFL)), "[100%]", convert("@in.wav", "@out.wav")).creating("out.wav"));
        c.add(fails("input is a folder", ws -> { copyPreset(ws); Files.createDirectories(ws.resolve("in.wav")); }, "not a regular file (it is a folder)", convert("@in.wav", "@out.wav")));
        c.add(fails("input is /dev/zero", ws -> copyPreset(ws), "not a regular file (it is a device or pipe)", convert("/dev/zero", "@out.wav")));
        c.add(fails("AIFF magic, garbage body", input(concat(ascii("FORM"), new byte[64])), "not a RIFF/WAVE (or AIFF)", convert("@in.wav", "@out.wav")));
        byte[] dataFirst = concat(ascii("RIFF"), new byte[] {40, 0, 0, 0}, ascii("WAVE"), ascii("data"), new byte[] {4, 0, 0, 0}, new byte[4]);
        c.add(fails("'data' before 'fmt '", input(dataFirst), "'data' chunk before 'fmt ' chunk", convert("@in.wav", "@out.wav")));
        c.add(fails("fmt chunk cut short", input(Arrays.copyOf(goodWav(), 24)), "ends inside its header", convert("@in.wav", "@out.wav")));
        c.add(ok("24-bit stereo 44.1 kHz converts", input(wav24stereo()), "[100%]", convert("@in.wav", "@out.wav")).creating("out.wav"));
        byte[] u8 = new byte[4000];
        for (int i = 0; i < u8.length; i++) u8[i] = (byte) (128 + 60 * Math.sin(2 * Math.PI * 220 * i / 8000.0));
        c.add(ok("8-bit 8 kHz converts", input(wav(1, 1, 8000, 8, u8, u8.length)), "[100%]", convert("@in.wav", "@out.wav")).creating("out.wav"));
        c.add(ok("unvoiced noise says so instead of NaN Hz", input(noise()), "no pitched sound found", convert("@in.wav", "@out.wav")).creating("out.wav"));
    }

    private static byte[] wav24stereo() {
        int n = 22050;
        byte[] d = new byte[n * 6];
        for (int i = 0; i < n; i++) {
            int v = (int) (0.4 * 8388607 * Math.sin(2 * Math.PI * 330 * i / 44100.0));
            for (int ch = 0; ch < 2; ch++) {
                d[6 * i + 3 * ch] = (byte) v;
                d[6 * i + 3 * ch + 1] = (byte) (v >> 8);
                d[6 * i + 3 * ch + 2] = (byte) (v >> 16);
            }
        }
        return wav(1, 2, 44100, 24, d, d.length);
    }

    private static byte[] noise() {
        java.util.Random r = new java.util.Random(5);
        short[] s = new short[8000];
        for (int i = 0; i < s.length; i++) s[i] = (short) (r.nextGaussian() * 3000);
        return wav16(16000, 1, s);
    }

    // ---- output paths (convert --out) ----

    private static void outputPaths(List<Case> c) {
        c.add(fails("--out is --in", goodInput(), "this is the input file", convert("@in.wav", "@in.wav")));
        c.add(fails("--out is --in through sub/..", ws -> { goodInput().in(ws); Files.createDirectories(ws.resolve("sub")); },
                "this is the input file", convert("@in.wav", "@sub/../in.wav")));
        c.add(fails("--out is --in through ./", goodInput(), "this is the input file", convert("@in.wav", "@./in.wav")));
        c.add(fails("--out through a not-yet-existing folder and ..", goodInput(), "this is the input file", convert("@in.wav", "@new/../in.wav")));
        c.add(fails("--out is a symbolic link to --in", ws -> { goodInput().in(ws); Files.createSymbolicLink(ws.resolve("link.wav"), ws.resolve("in.wav")); },
                "this is the input file", convert("@in.wav", "@link.wav")));
        c.add(fails("--out in a linked folder is --in", ws -> { goodInput().in(ws); Files.createSymbolicLink(ws.resolve("alias"), ws); },
                "this is the input file", convert("@in.wav", "@alias/in.wav")));
        c.add(fails("--out is a hard link to --in", ws -> { goodInput().in(ws); Files.createLink(ws.resolve("hard.wav"), ws.resolve("in.wav")); },
                "this is the input file", convert("@in.wav", "@hard.wav")));
        c.add(fails("--to all would write over --in", ws -> { copyPreset(ws); Files.write(ws.resolve("take-violin.wav"), goodWav()); },
                "this is the input file", "convert", "--preset", "@p", "--in", "@take-violin.wav", "--to", "all", "--out", "@take.wav"));
        c.add(fails("--out x.mp3", goodInput(), "writes WAV files only, so --out must end in .wav; give e.g. x.wav", convert("@in.wav", "@x.mp3")));
        c.add(fails("--out without extension", goodInput(), "must end in .wav", convert("@in.wav", "@x")));
        c.add(fails("--to all --out x.flac", goodInput(), "must be NAME.wav or a folder",
                "convert", "--preset", "@p", "--in", "@in.wav", "--to", "all", "--out", "@x.flac"));
        c.add(fails("--out is a folder", ws -> { goodInput().in(ws); Files.createDirectories(ws.resolve("outdir")); }, "is a folder; give a file name",
                convert("@in.wav", "@outdir")));
        c.add(fails("--out below a file", goodInput(), "is a file, not a folder", convert("@in.wav", "@in.wav/x.wav")));
        c.add(fails("--out where nothing can be created", goodInput(), "cannot write in /proc", convert("@in.wav", "/proc/x.wav")));
        c.add(ok("--out NAME.WAV in capitals", goodInput(), "[100%]", convert("@in.wav", "@OUT.WAV")).creating("OUT.WAV"));
        c.add(ok("--out in new folders", goodInput(), "[100%]", convert("@in.wav", "@a/b/out.wav")).creating("a/", "a/b/", "a/b/out.wav"));
        c.add(ok("--out replaces an earlier output", ws -> { goodInput().in(ws); Files.writeString(ws.resolve("out.wav"), "old"); }, "[100%]",
                convert("@in.wav", "@out.wav")).creating("out.wav"));
        c.add(ok("--to all into a folder", goodInput(), "[100%]", "convert", "--preset", "@p", "--in", "@in.wav", "--to", "all", "--out", "@all")
                .creating("all/", "all/in-voice.wav", "all/in-violin.wav", "all/in-cello.wav"));
        c.add(fails("unknown --to domain", goodInput(), "unknown domain 'piano'; this preset has [voice, violin, cello]",
                "convert", "--preset", "@p", "--in", "@in.wav", "--to", "piano", "--out", "@out.wav"));
        c.add(fails("--octaves 5", goodInput(), "--octaves", convert("@in.wav", "@out.wav", "--octaves", "5")));
        c.add(fails("--octaves high", goodInput(), "--octaves must be 'auto' or an integer", convert("@in.wav", "@out.wav", "--octaves", "high")));
        c.add(fails("--strength 3", goodInput(), "timbre strength must be in 0..2", convert("@in.wav", "@out.wav", "--strength", "3")));
        c.add(fails("--phase xyz", goodInput(), "--phase must be pghi or gl", convert("@in.wav", "@out.wav", "--phase", "xyz")));
        c.add(new Case("--strength NaN is a usage error", goodInput(), List.of(convert("@in.wav", "@out.wav", "--strength", "many")), 2,
                "Invalid value for option '--strength'", List.of(), List.of()));
        c.add(fails("transform --out is --in", input(goodWav()), "this is the input file", "transform", "--in", "@in.wav", "--out", "@./in.wav"));
        c.add(fails("transform --out x.ogg", input(goodWav()), "must end in .wav", "transform", "--in", "@in.wav", "--out", "@x.ogg"));
    }

    // ---- presets ----

    private static void presets(List<Case> c) {
        String[] conv = convert("@in.wav", "@out.wav");
        c.add(fails("preset folder missing", goodInput(), "not a preset directory", "convert", "--preset", "@nope", "--in", "@in.wav", "--to", "violin", "--out", "@out.wav"));
        c.add(fails("preset.json missing", presetEdit(p -> Files.delete(p.resolve("preset.json"))), "preset.json: missing", conv));
        c.add(fails("preset.json empty", presetEdit(p -> Files.writeString(p.resolve("preset.json"), "")), "but the file is empty", conv));
        c.add(fails("preset.json not JSON", presetEdit(p -> Files.writeString(p.resolve("preset.json"), "{\"version\": 1, \"name\": \"x\"")), "line 1", conv));
        c.add(fails("preset.json binary", presetEdit(p -> Files.write(p.resolve("preset.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2})), "not a text file", conv));
        c.add(fails("preset.json version 2", presetEdit(p -> editText(p.resolve("preset.json"), "\"version\" : 1", "\"version\" : 2")),
                "field 'version' is 2 but this Timbre Lab reads version 1", conv));
        c.add(fails("preset.json duplicate key", presetEdit(p -> editText(p.resolve("preset.json"), "\"name\" : \"test\"", "\"name\" : \"test\", \"name\" : \"again\"")),
                "key 'name' is given twice", conv));
        c.add(fails("preset.json unknown key", presetEdit(p -> editText(p.resolve("preset.json"), "\"name\" : \"test\"", "\"name\" : \"test\", \"colour\" : \"red\"")),
                "unknown key 'colour'", conv));
        c.add(fails("preset.json wrong type", presetEdit(p -> editText(p.resolve("preset.json"), "\"melBins\" : 128", "\"melBins\" : \"many\"")),
                "key 'model.melBins' must be a whole number, but it is the text 'many'", conv));
        c.add(fails("preset.json null number", presetEdit(p -> editText(p.resolve("preset.json"), "\"melBins\" : 128", "\"melBins\" : null")),
                "key 'model.melBins' must be a whole number, but it is empty", conv));
        c.add(fails("preset.json domains disagree", presetEdit(p -> editText(p.resolve("preset.json"), "\"name\" : \"cello\"", "\"name\" : \"viola\"")),
                "field 'domains' lists", conv));
        c.add(fails("weights.tlck missing", presetEdit(p -> Files.delete(p.resolve("weights.tlck"))), "weights.tlck: missing; the preset is incomplete", conv));
        c.add(fails("weights.tlck truncated", presetEdit(p -> cut(p.resolve("weights.tlck"), 5000)), "cut short", conv));
        c.add(fails("weights.tlck 200 flipped bytes", presetEdit(p -> flip(p.resolve("weights.tlck"), 60_000, 200)),
                "checksum does not match its content", conv));
        c.add(fails("weights.tlck not a tensor file", presetEdit(p -> Files.writeString(p.resolve("weights.tlck"), "PK zip or whatever")),
                "not a Timbre Lab tensor file", conv));
        c.add(fails("weights.tlck NaN weights (valid checksum)", presetEdit(p -> editTensors(p.resolve("weights.tlck"), d -> {
            float[] v = d.tensors().get("g/01enc_01body_02down1_01conv_weight").values();
            for (int i = 0; i < 100; i++) v[i] = Float.NaN;
        })), "parameter 'g/01enc_01body_02down1_01conv_weight' holds 100 NaN or infinite values", conv));
        c.add(ok("weights.tlck without checksum (older preset) loads", presetEdit(p -> {
            byte[] b = Files.readAllBytes(p.resolve("weights.tlck"));
            Files.write(p.resolve("weights.tlck"), Arrays.copyOf(b, b.length - 36));
        }), "[100%]", conv).creating("out.wav"));
        c.add(fails("weights.tlck from another model", presetEdit(p -> editTensors(p.resolve("weights.tlck"),
                d -> d.putTensor("g/extra", new CheckpointData.Tensor(new long[] {1}, new float[1])))), "tensor 'g/extra' does not belong to the model", conv));
        c.add(fails("weights.tlck with a wrongly shaped tensor", presetEdit(p -> editText(p.resolve("preset.json"), "\"baseChannels\" : 4", "\"baseChannels\" : 8")),
                "does not match the weights", conv));
        c.add(fails("a model that outputs silence", presetEdit(p -> editTensors(p.resolve("weights.tlck"), d -> {
            Arrays.fill(d.tensors().get("g/04gen_violin_04out_01conv_weight").values(), 0f);
            Arrays.fill(d.tensors().get("g/04gen_violin_04out_01conv_bias").values(), -20f);
        })), "came out silent", conv));
        c.add(fails("latents.tlck missing", presetEdit(p -> Files.delete(p.resolve("latents.tlck"))), "latents.tlck: missing", conv));
        c.add(fails("latents.tlck truncated", presetEdit(p -> cut(p.resolve("latents.tlck"), 100)), "latents.tlck: it is cut short", conv));
        c.add(fails("latents.json missing", presetEdit(p -> Files.delete(p.resolve("latents.json"))), "latents.json: missing", conv));
        c.add(fails("latents.json garbage", presetEdit(p -> Files.writeString(p.resolve("latents.json"), "[{\"domain\": ")), "not a list of {domain, file, startSeconds}", conv));
        c.add(fails("latents.json unknown domain", presetEdit(p -> editText(p.resolve("latents.json"), "\"violin\"", "\"tuba\"")), "field 'domain' is 'tuba'", conv));
        c.add(fails("tone.json not JSON", presetEdit(p -> Files.writeString(p.resolve("tone.json"), "{bands")), "tone.json: not JSON (line 1", conv));
    }

    // ---- configs (train) ----

    private static void configs(List<Case> c) {
        String[] train = {"train", "--config", "@c.yaml", "--out", "@newrun"};
        c.add(fails("config missing", ws -> { }, "file not found", train));
        c.add(fails("config empty", config(""), "but the file is empty", train));
        c.add(fails("config is a list", config("- a\n- b\n"), "but found a list", train));
        c.add(fails("config binary", ws -> Files.write(ws.resolve("c.yaml"), new byte[] {(byte) 0xc3, 0x28, 0, (byte) 0xff}), "not a text file", train));
        c.add(fails("config indented with a tab", config("\t" + TRAIN + VAE), "a tab is used for indentation", train));
        c.add(fails("config with misaligned indentation", config(TRAIN + "vae:\n  latent: 4\n channels: 4\n"), "the indentation does not line up", train));
        c.add(fails("config with an unclosed brace", config(TRAIN + "vae: {latent: 4, channels: 4\n"), "line ", train));
        c.add(fails("config duplicate key", config(TRAIN + VAE.replace("latent: 4", "latent: 4, latent: 8")), "key 'latent' is given twice", train));
        c.add(fails("config duplicate section", config(TRAIN + VAE + "vae: {latent: 2}\n"), "key 'vae' is given twice", train));
        c.add(fails("config unknown model", config(TRAIN.replace("vae-digits", "vae-digitz") + VAE), "unknown model kind 'vae-digitz'", train));
        c.add(fails("config misspelt key", config(TRAIN + VAE.replace("latent:", "latnet:")),
                "missing key 'vae.latent', and 'latnet' beside it is not a known key", train));
        c.add(fails("config extra key", config(TRAIN + VAE + "extra: 1\n"), "unknown key 'extra'", train));
        c.add(fails("config text for a number", config(TRAIN + VAE.replace("latent: 4", "latent: four")), "key 'vae.latent' must be a whole number, but it is the text 'four'", train));
        c.add(fails("config empty value", config(TRAIN + VAE.replace("latent: 4", "latent: ~")), "key 'vae.latent' must be a whole number, but it is empty", train));
        c.add(fails("config fraction for a whole number", config(TRAIN + VAE.replace("latent: 4", "latent: 4.5")), "but it is the number 4.5", train));
        c.add(fails("config number too large", config(TRAIN + VAE.replace("latent: 4", "latent: 99999999999")), "too large for a whole number", train));
        c.add(fails("config quoted number", config(TRAIN + VAE.replace("lr: 0.003", "lr: \"0.003\"")), "key 'vae.lr' must be a number, but it is the text '0.003'", train));
        c.add(fails("config negative steps", config(TRAIN.replace("steps: 2", "steps: -2") + VAE), "steps must be >= 0", train));
        c.add(fails("config section as a list", config(TRAIN + "vae: [1, 2]\n"), "key 'vae' must be a mapping of keys", train));
        c.add(fails("train --out is a file", ws -> { config(TRAIN + VAE).in(ws); Files.writeString(ws.resolve("newrun"), "x"); },
                "is a file, not a folder", train));
        c.add(fails("train into an existing run without --resume", runAnd(config(TRAIN + VAE)), "already holds a run",
                "train", "--config", "@c.yaml", "--out", "@run"));
        c.add(fails("--resume where there is no run", ws -> Files.createDirectories(ws.resolve("empty")), "no run to resume here",
                "train", "--resume", "--out", "@empty"));
        c.add(fails("--resume --config with another architecture", runAnd(config(TRAIN + VAE.replace("channels: 4", "channels: 8"))),
                "config.yaml was left unchanged; to continue the run use `train --resume --out", "train", "--resume", "--config", "@c.yaml", "--out", "@run"));
        c.add(fails("--resume --config with another model kind", runAnd(config("model: gan-digits\n" + TRAIN.substring(TRAIN.indexOf("train:"))
                        + "gan: {loss: bce, latent: 8, channels: 4, batch: 8, lr: 0.0002, beta1: 0.5, wganCritic: 5, wganClip: 0.01}\n")),
                "holds a 'vae-digits' model", "train", "--resume", "--config", "@c.yaml", "--out", "@run"));
        c.add(fails("--resume --config with a broken config", runAnd(config(TRAIN + VAE.replace("latent: 4", "latent: x"))),
                "must be a whole number", "train", "--resume", "--config", "@c.yaml", "--out", "@run"));
        c.add(fails("--resume with damaged checkpoint and no previous", runAnd(ws -> {
            cut(ws.resolve("run/checkpoint.tlck"), 300);
            Files.delete(ws.resolve("run/checkpoint.tlck.prev"));
        }), "nothing was changed: restore a complete copy", "train", "--resume", "--out", "@run"));
        c.add(ok("--resume falls back to the previous checkpoint", runAnd(ws -> cut(ws.resolve("run/checkpoint.tlck"), 300)),
                "using the previous checkpoint checkpoint.tlck.prev (step 1)", "train", "--resume", "--out", "@run", "--steps", "3").creating("run/"));
        c.add(fails("--resume when run/config.yaml is damaged", runAnd(ws -> Files.writeString(ws.resolve("run/config.yaml"), "model: [")),
                "config.yaml: line", "train", "--resume", "--out", "@run"));
    }

    // ---- kills: what a killed process leaves behind ----

    private static void kills(List<Case> c) {
        c.add(ok("an orphan temp file of a killed conversion is removed", ws -> {
            goodInput().in(ws);
            Files.writeString(ws.resolve(".out.wav." + deadPid() + "-k1ll3d.tmp"), "half a file");
        }, "[100%]", convert("@in.wav", "@out.wav")).creating("out.wav").removing(".out.wav.*-k1ll3d.tmp"));
        c.add(ok("a running process's temp file is left alone", ws -> {
            goodInput().in(ws);
            Files.writeString(ws.resolve(".out.wav.1-l1ve.tmp"), "being written by pid 1");
        }, "[100%]", convert("@in.wav", "@out.wav")).creating("out.wav"));
        c.add(ok("an orphan checkpoint temp file of a killed run is removed", runAnd(ws ->
                Files.writeString(ws.resolve("run/.checkpoint.tlck." + deadPid() + "-k1ll3d.tmp"), "half a checkpoint")),
                "config (", "train", "--resume", "--out", "@run", "--steps", "3").creating("run/").removing("run/.checkpoint.tlck.*-k1ll3d.tmp"));
        c.add(ok("a run killed between checkpoints resumes from the last one", runAnd(ws -> { }),
                "step", "train", "--resume", "--out", "@run", "--steps", "3").creating("run/"));
    }

    // ---- the check ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsHandled(Case k) throws Exception {
        k.setup().in(ws);
        DiskSnapshot before = DiskSnapshot.of(ws);
        String[] args = k.args().stream().map(a -> a.startsWith("@") ? ws.resolve(a.substring(1)).toString() : a).toArray(String[]::new);
        CliRun r = CliRun.of(args);
        String shown = "[" + k.name() + "] " + r.all();
        assertEquals(k.exit(), r.exit(), "exit status; printed:\n" + shown);
        assertTrue(shown.contains(k.expect()), "message should contain '" + k.expect() + "'; printed:\n" + shown);
        assertFalse(r.showsStackTrace(), "no stack trace for the user; printed:\n" + shown);
        if (k.exit() == 1) assertTrue(r.err().contains("error: "), "the error goes to stderr: " + shown);
        Set<String> changed = DiskSnapshot.of(ws).changedSince(before);
        changed.removeIf(p -> k.creates().stream().anyMatch(a -> a.equals(p) || a.endsWith("/") && p.startsWith(a))
                || k.removes().stream().anyMatch(g -> p.matches(g.replace(".", "\\.").replace("*", ".*"))));
        assertTrue(changed.isEmpty(), "nothing else changed on disk, but: " + changed + "\n" + shown);
        if (k.exit() == 0) for (String p : k.creates()) assertTrue(Files.exists(ws.resolve(p)), p + " was written");
        for (String g : k.removes()) {
            try (Stream<Path> s = Files.list(ws.resolve(g).getParent())) {
                assertTrue(s.noneMatch(p -> ws.relativize(p).toString().matches(g.replace(".", "\\.").replace("*", ".*"))), g + " was removed");
            }
        }
        try (Stream<Path> s = Files.walk(ws)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().matches("\\..*\\.\\d+-[0-9a-z]+\\.tmp"))
                    .filter(p -> !p.getFileName().toString().contains("l1ve")).toList();
            assertTrue(temps.isEmpty(), "no temp files left: " + temps);
        }
    }
}
