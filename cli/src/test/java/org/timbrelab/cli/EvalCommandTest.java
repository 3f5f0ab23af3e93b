package org.timbrelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.eval.Listeners;
import org.timbrelab.engine.eval.OtherSounds;
import org.timbrelab.engine.preset.TestPresets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The eval command end to end on a tiny random preset with folders of generated clips (plumbing, not quality). */
class EvalCommandTest {

    private static AudioClip tone(double f0, int harmonics, double seconds) {
        float[] x = new float[(int) (seconds * 16_000)];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int h = 1; h <= harmonics && h * f0 < 7800; h++) s += Math.sin(2 * Math.PI * h * f0 * i / 16_000) / h;
            x[i] = (float) (0.25 * s);
        }
        return new AudioClip(x, 16_000);
    }

    /** cls/<domain>/ for the listeners and refs/<instrument>/ for FAD, 4 generated clips each. */
    private static void writeLabelledClips(Path dir) throws Exception {
        Random rnd = new Random(2);
        for (String d : List.of("voice", "violin", "cello"))
            for (int i = 0; i < 4; i++) {
                double f0 = 150 * Math.pow(2, 2 * rnd.nextDouble());
                AudioClip c = switch (d) {
                    case "voice" -> tone(f0, 1, 1.0);
                    case "violin" -> tone(f0, 30, 1.0);
                    default -> OtherSounds.pulseBuzz(f0 / 2, 1.0, 16_000, rnd);
                };
                Files.createDirectories(dir.resolve("cls/" + d));
                AudioFiles.saveWav(dir.resolve("cls/" + d + "/" + i + ".wav"), c);
                if (!d.equals("voice")) {
                    Files.createDirectories(dir.resolve("refs/" + d));
                    AudioFiles.saveWav(dir.resolve("refs/" + d + "/" + i + ".wav"), c);
                }
            }
    }

    /** The value of column {@code name} in a results.csv line (no quoted commas in the first fields used here). */
    private static String field(List<String> csv, String line, String name) {
        List<String> header = List.of(csv.get(0).split(","));
        String[] f = line.replaceAll("\"[^\"]*\"", "x").split(",", -1);
        return f[header.indexOf(name)];
    }

    @Test void writesTheTableWithModelAblationBaselineFloorAndCeilingRows(@TempDir Path dir) throws Exception {
        Path preset = TestPresets.write(dir.resolve("preset"), false, 4);     // domains voice, violin, cello
        writeLabelledClips(dir);
        Files.createDirectories(dir.resolve("in"));
        AudioFiles.saveWav(dir.resolve("in/a.wav"), tone(140, 1, 0.8));
        AudioFiles.saveWav(dir.resolve("in/b.wav"), tone(210, 1, 0.8));
        Path out = dir.resolve("report");
        int code = TimbreLabCli.execute("eval", "--preset", preset.toString(), "--inputs", dir.resolve("in").toString(),
                "--out", out.toString(), "--refs", dir.resolve("refs").toString(), "--classifier-data", dir.resolve("cls").toString(), "--no-gl",
                "--classifier-epochs", "8");
        assertEquals(0, code);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        // (model, register off, envelope step, strength 0, no-model baseline) × (violin, cello) + floor and PGHI ceiling per target
        assertEquals(1 + 5 * 2 + 2 * 2, csv.size(), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"test [pitch off] (register auto, PGHI, strength 0.25)\",model,violin,all,2,")), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"test [pitch off] (register auto, PGHI, strength 0.00)\",ablation,cello,all,2,")), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.contains("real vs real (halves),floor,cello,all,2,")), String.join("\n", csv));
        assertEquals(List.of("voice", "violin", "cello", "other"), Listeners.load(out.resolve("classifier.json")).labels());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Listener mlp on held-out real clips") && md.contains("## Listener clipstats on held-out real clips"), md);
        assertTrue(md.contains("## Controls") && md.contains("| clipstats | violin phrase × voice envelope → PGHI | positive | 2 |"), md);
        assertTrue(md.contains("This input set has been scored 1 time**"), md);
        for (String png : List.of("accuracy.png", "f0.png", "fad.png", "fad-learned.png")) assertTrue(Files.size(out.resolve(png)) > 0);

        // again with that classifier saved the old way (absolute levels) and a TorchScript embedding for a third FAD column
        Path old = dir.resolve("old-classifier.json");
        Files.writeString(old, Files.readString(out.resolve("classifier.json")).replaceAll(",\\s*\"levelFloorDb\"\\s*:\\s*[0-9.]+", ""));
        Files.copy(out.resolve("classifier.clipstats.json"), dir.resolve("old-classifier.clipstats.json"));
        Path again = dir.resolve("report2");
        code = TimbreLabCli.execute("eval", "--preset", preset.toString(), "--inputs", dir.resolve("in").toString(),
                "--out", again.toString(), "--refs", dir.resolve("refs").toString(), "--classifier", old.toString(), "--no-gl",
                "--embedding", "eval/src/test/resources/torchscript/band-energy.pt", "--oracle", "--soundfont", "builtin");
        assertEquals(0, code);
        // the oracle row: Gervill's violin and cello play each input's pitch, moved by whole octaves (cents error = 7th field)
        List<String> oracle = Files.readAllLines(again.resolve("results.csv")).stream()
                .filter(l -> l.startsWith("no model: gervill playing the input's melody,oracle,")).toList();
        assertEquals(2, oracle.size(), String.join("\n", Files.readAllLines(again.resolve("results.csv"))));
        // a wrong note is >= 100 cents off; the median error moves a few cents between runs (31.7 once, against 30 before), so 50
        List<String> csv2 = Files.readAllLines(again.resolve("results.csv"));
        for (String l : oracle) assertTrue(Double.parseDouble(field(csv2, l, "cents_error")) < 50, "oracle plays the input's pitch: " + l);
        String md2 = Files.readString(again.resolve("report.md"));
        assertTrue(md2.contains("This input set has been scored 2 times**"), md2);
        assertTrue(md2.contains("reads absolute levels") && md2.contains("train it again"), md2);
        assertTrue(md2.contains("| FAD band-energy.pt |") && Files.size(again.resolve("fad-external.png")) > 0, md2);
    }

    @Test void groupsReferenceOutputsAndLooks(@TempDir Path dir) throws Exception {
        Path preset = TestPresets.write(dir.resolve("preset"), false, 4);
        writeLabelledClips(dir);
        Path cls = dir.resolve("listeners.json");
        assertEquals(0, TimbreLabCli.execute("train-classifier", "--data", dir.resolve("cls").toString(),
                "--domains", "voice,violin,cello", "--out", cls.toString()));
        Path in = dir.resolve("in");
        Files.createDirectories(in.resolve("real"));
        Files.createDirectories(in.resolve("tts"));
        AudioFiles.saveWav(in.resolve("real/a.wav"), tone(140, 1, 0.8));
        AudioFiles.saveWav(in.resolve("tts/b.wav"), tone(210, 1, 0.8));
        AudioFiles.saveWav(in.resolve("tts/c.wav"), tone(180, 1, 0.8));
        // the reference's layout: DIR/<target>/<input file name>, violin only, one with its sub-folder kept
        Path ref = dir.resolve("ref-out");
        Files.createDirectories(ref.resolve("violin/real"));
        AudioFiles.saveWav(ref.resolve("violin/real/a.wav"), tone(280, 30, 0.8));
        AudioFiles.saveWav(ref.resolve("violin/b.wav"), tone(420, 30, 0.8));
        AudioFiles.saveWav(ref.resolve("violin/c.wav"), tone(360, 30, 0.8));
        Path out = dir.resolve("report");
        String[] args = {"eval", "--preset", preset.toString(), "--inputs", in.toString(), "--out", out.toString(),
                "--refs", dir.resolve("refs").toString(), "--classifier", cls.toString(), "--no-gl", "--ablation-strengths", "0.25",
                "--soundfont", "builtin", "--reference-outputs", "pytorch=" + ref};
        assertEquals(0, TimbreLabCli.execute(args));
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        String all = String.join("\n", csv);
        // model, register off, envelope step, baseline × 2 targets, reference × violin: each over all, real and tts; floor and ceiling per target
        assertEquals(1 + (4 * 2 + 1) * 3 + 2 * 2, csv.size(), all);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("pytorch,reference,violin,all,3,")), all);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("pytorch,reference,violin,real,1,")), all);
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("pytorch,reference,violin,tts,2,")), all);
        assertTrue(csv.stream().noneMatch(l -> l.startsWith("pytorch,reference,cello,")), all);
        String row = csv.stream().filter(l -> l.startsWith("pytorch,reference,violin,all,")).findFirst().orElseThrow();
        assertEquals("", field(csv, row, "cents_error"), "the reference's shift is unknown: " + row);
        assertEquals("", field(csv, row, "octave_flips"), row);
        assertEquals("3", field(csv, row, "clips"), row);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("in groups [real, tts] (real = real human recordings)"), md);
        assertTrue(md.contains("have no folder " + ref.resolve("cello") + ": no row for cello"), md);
        assertTrue(md.contains("This input set has been scored 1 time**"), md);
        assertTrue(Files.readString(in.resolve(".eval-looks.json")).contains("\"looks\" : 1"));

        // a missing output is named, before anything is scored (so this run is no look)
        Files.delete(ref.resolve("violin/c.wav"));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true));
            code = TimbreLabCli.execute(args);
        } finally {
            System.setErr(old);
        }
        assertEquals(1, code);
        assertTrue(err.toString().contains("output of input tts/c.wav into violin is missing: no file " + ref.resolve("violin/tts/c.wav")), err.toString());
        assertTrue(err.toString().contains(ref.resolve("violin/c.wav").toString()), err.toString());
        assertEquals(1, org.timbrelab.engine.eval.InputLooks.read(in));
    }

    @Test void targetWithoutClassifierDataOrInstrumentIsExplained(@TempDir Path dir) throws Exception {
        Path preset = TestPresets.write(dir.resolve("preset"), false, 4);
        Files.createDirectories(dir.resolve("in"));
        AudioFiles.saveWav(dir.resolve("in/a.wav"), tone(140, 1, 0.5));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true));
            code = TimbreLabCli.execute("eval", "--preset", preset.toString(), "--inputs", dir.resolve("in").toString(),
                    "--out", dir.resolve("r").toString(), "--soundfont", "builtin", "--ref-phrases", "2", "--ref-seconds", "1.5", "--no-gl");
        } finally {
            System.setErr(old);
        }
        assertEquals(1, code);
        assertTrue(err.toString().contains("no classifier data for domain 'voice'"), err.toString());
    }
}
