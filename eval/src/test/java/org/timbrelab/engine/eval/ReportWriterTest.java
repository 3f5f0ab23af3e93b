package org.timbrelab.engine.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReportWriterTest {

    private static final List<String> LISTENERS = List.of("mlp", "clipstats");

    private static EvalRow row(String system, String kind, String group, int clips, List<Double> target, List<Double> voice,
                               double f0, double cents, double fadExternal) {
        double lowest = target.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return new EvalRow(system, kind, "violin", group, clips, lowest, target, voice, 0.8, f0, cents, 0.88, 0.97,
                12.5, 0.4, 2100, 2050, fadExternal, Double.isNaN(fadExternal) ? 0 : 2400, 0.2, 0.96);
    }

    private static final EvalRow MODEL = row("model (register auto, PGHI)", "model", EvalRow.ALL, 10, List.of(0.9, 0.7), List.of(0.1, 0.3), 0.93, 35, Double.NaN);
    private static final EvalRow MODEL_REAL = row("model (register auto, PGHI)", "model", "real", 4, List.of(0.5, 0.25), List.of(0.5, 0.75), 0.9, 40, Double.NaN);
    private static final EvalRow FLOOR = new EvalRow("real vs real (halves)", "floor", "violin", EvalRow.ALL, 20, 1.0, List.of(1.0, 1.0),
            List.of(0.0, 0.0), 1.0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1.2, 0.05, 2200, 2150, Double.NaN, 0, Double.NaN, Double.NaN);

    @Test void writesCsvMarkdownAndCharts(@TempDir Path dir) throws IOException {
        ClipScore clip = new ClipScore("real/a, b.wav", "real", "reference", "violin",
                List.of(new ClipScore.Heard("mlp", "violin", 0.8), new ClipScore.Heard("clipstats", "voice", 0.3)),
                ConversionSystem.Output.UNKNOWN_OCTAVES, 0.9, Double.NaN, 0.85, 0.85, Double.NaN, 0.97);
        ClassifierAccuracy acc = new ClassifierAccuracy(Map.of("violin", 1.0), Map.of("violin", 0.95), Map.of("violin", Map.of("violin", 4)));
        List<Path> files = ReportWriter.write(dir, new ReportWriter.Report("Eval", List.of("preset: p"), List.of(MODEL, MODEL_REAL, FLOOR),
                List.of(clip), LISTENERS, "voice", Map.of("mlp", acc), null, null));
        for (Path f : files) assertTrue(Files.size(f) > 0, f + " is empty");

        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).startsWith("system,kind,domain,group,clips,heard_as_target,heard_as_target_mlp,heard_as_target_clipstats,"
                + "heard_as_source_mlp,heard_as_source_clipstats,listeners_agree,f0_correlation"), csv.get(0));
        assertEquals(csv.get(0).split(",").length, csv.get(1).split(",", -1).length - 1, "one quoted comma in the system name");
        // the headline is the lower listener
        assertTrue(csv.get(1).startsWith("\"model (register auto, PGHI)\",model,violin,all,10,0.700000,0.900000,0.700000,0.100000,0.300000,0.800000,0.930000"), csv.get(1));
        assertTrue(csv.get(2).contains(",real,4,0.250000,"), csv.get(2));
        assertTrue(csv.get(3).contains(",,"), "n/a metrics are empty CSV fields: " + csv.get(3));
        String clips = Files.readString(dir.resolve("clips.csv"));
        assertTrue(clips.startsWith("input,group,system,domain,predicted_mlp,target_probability_mlp,predicted_clipstats,target_probability_clipstats,octaves,"), clips);
        assertTrue(clips.contains("\"real/a, b.wav\",real,reference,violin,violin,0.800000,voice,0.300000,,0.900000,,"), "unknown shift and cents are empty: " + clips);

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| system | kind | domain | group | clips | heard as target | mlp | clipstats | agree | heard as voice (mlp / clipstats) | f0 corr."), md);
        assertTrue(md.contains("| model (register auto, PGHI) | model | violin | all | 10 | **70 %** | 90 % | 70 % | 80 % | 10 % / 30 % | 0.930 | 0.960 | 35 |"), md);
        assertTrue(md.contains("| model (register auto, PGHI) | model | violin | real | 4 | **25 %** | 50 % | 25 % |"), md);
        assertTrue(md.contains("| real vs real (halves) | floor | violin | all | 20 | **100 %** |"), md);
        assertTrue(md.contains("## Listener mlp on held-out real clips") && md.contains("violin | 100.0 %"), md);
        assertFalse(md.contains("WARNING"), md);
        String header = md.lines().filter(l -> l.startsWith("| system")).findFirst().orElseThrow();
        String rule = md.lines().filter(l -> l.startsWith("|---") && md.indexOf(l) > md.indexOf(header)).findFirst().orElseThrow();
        assertEquals(header.split("\\|").length, rule.split("\\|").length, "header and rule have the same columns");

        BufferedImage png = ImageIO.read(dir.resolve("accuracy.png").toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() > 100 && png.getHeight() > 50);
    }

    @Test void failedControlsPutAWarningOnTop(@TempDir Path dir) throws IOException {
        ListenerControls.Result controls = new ListenerControls.Result(List.of(
                new ListenerControls.Outcome("mlp", "voice as is", null, 20, 0, Map.of("voice", 20)),
                new ListenerControls.Outcome("clipstats", "voice up 2 octaves (resampled)", null, 20, 6, Map.of("violin", 6, "voice", 14), 0.27),
                new ListenerControls.Outcome("clipstats", "violin phrase × voice envelope", "violin", 20, 19, Map.of("violin", 19, "voice", 1), 0.81)),
                List.of());
        ReportWriter.write(dir, new ReportWriter.Report("Eval", List.of(), List.of(MODEL), List.of(), LISTENERS, "voice", Map.of(), controls, null));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# Eval\n\n> **WARNING: a listener failed its controls.**"), md);
        assertTrue(md.contains("> - clipstats: voice up 2 octaves (resampled): 30 % called an instrument"), md);
        assertTrue(md.indexOf("## Controls") < md.indexOf("## Verdicts"), "controls before verdicts: " + md);
        assertTrue(md.contains("| clipstats | voice up 2 octaves (resampled) | negative | 20 | 30 % | 27 % | ≤ 5 % |"), md);
        assertTrue(md.contains("| clipstats | violin phrase × voice envelope | positive | 20 | 95 % | 81 % | ≥ 90 % violin |"), md);
        assertTrue(md.contains("| mlp | voice as is | negative | 20 | 0 % | n/a | ≤ 5 % |"), "no probability given: " + md);
        assertTrue(md.contains("- **mlp: PASS**") && md.contains("- **clipstats: FAIL** — voice up 2 octaves"), md);
    }

    @Test void aTorchScriptEmbeddingAddsAColumnAndAChart(@TempDir Path dir) throws IOException {
        EvalRow withExt = row("model (register auto, PGHI)", "model", EvalRow.ALL, 10, List.of(0.9, 0.9), List.of(0.0, 0.0), 0.93, 35, 3.25);
        ReportWriter.write(dir, new ReportWriter.Report("Eval", List.of(), List.of(withExt), List.of(), LISTENERS, "voice", Map.of(), null, "vggish.pt"));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| FAD MFCC | FAD learned | FAD vggish.pt | frames (MFCC / learned / vggish.pt) |"), md);
        assertTrue(md.contains("| 12.50 | 0.400 | 3.250 | 2100 / 2050 / 2400 |"), md);
        String header = md.lines().filter(l -> l.startsWith("| system")).findFirst().orElseThrow();
        String rule = md.lines().filter(l -> l.startsWith("|---")).findFirst().orElseThrow();
        assertEquals(header.split("\\|").length, rule.split("\\|").length, "header and rule have the same columns");
        assertTrue(Files.size(dir.resolve("fad-external.png")) > 0);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertTrue(csv.get(1).endsWith(",3.25000,2400,0.200000,0.960000"), csv.get(1));
        assertTrue(md.contains("| 0.930 | 0.960 | 35 | 20 % | 0.880 |"), "repaired f0 follows f0, octave flips follow cents: " + md);
    }
}
