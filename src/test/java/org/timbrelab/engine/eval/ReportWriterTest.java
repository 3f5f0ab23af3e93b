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

    private static final EvalRow MODEL = new EvalRow("model (register auto, PGHI)", "model", "violin", 10, 0.9,
            0.93, 35, 0.88, 0.97, 12.5, 0.4, 2100, 2050);
    private static final EvalRow FLOOR = new EvalRow("real vs real (halves)", "floor", "violin", 20, 1.0,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1.2, 0.05, 2200, 2150);

    @Test void writesCsvMarkdownAndCharts(@TempDir Path dir) throws IOException {
        ClipScore clip = new ClipScore("a, b.wav", "model (register auto, PGHI)", "violin", "violin", 0.8, 1, 0.9, 30, 0.85, 0.95, 0.1, 0.97);
        ClassifierAccuracy acc = new ClassifierAccuracy(Map.of("violin", 1.0), Map.of("violin", 0.95), Map.of("violin", Map.of("violin", 4)));
        List<Path> files = ReportWriter.write(dir, new ReportWriter.Report("Eval", List.of("preset: p"), List.of(MODEL, FLOOR), List.of(clip), acc));
        for (Path f : files) assertTrue(Files.size(f) > 0, f + " is empty");

        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(3, csv.size());
        assertEquals(ReportWriter.ROW_HEADER.length, csv.get(0).split(",").length);
        assertTrue(csv.get(1).startsWith("\"model (register auto, PGHI)\",model,violin,10,0.900000,0.930000"), csv.get(1));
        assertTrue(csv.get(2).contains(",,"), "n/a metrics are empty CSV fields: " + csv.get(2));
        assertTrue(Files.readString(dir.resolve("clips.csv")).contains("\"a, b.wav\""), "commas are quoted");

        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| model (register auto, PGHI) | model | violin | 10 | 90 % | 0.930 | n/a | 35 |"), md);
        assertTrue(md.contains("| real vs real (halves) | floor | violin | 20 | 100 % | n/a | n/a |"), md);
        assertTrue(Files.readString(dir.resolve("clips.csv")).contains(",0.100000,0.970000"), "clip rows end with flips, repaired f0");
        assertTrue(md.contains("violin | 100.0 %"), md);

        BufferedImage png = ImageIO.read(dir.resolve("accuracy.png").toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() > 100 && png.getHeight() > 50);
    }

    @Test void aTorchScriptEmbeddingAddsAColumnAndAChart(@TempDir Path dir) throws IOException {
        EvalRow withExt = new EvalRow("model (register auto, PGHI)", "model", "violin", 10, 0.9, 0.93, 35, 0.88, 0.97,
                12.5, 0.4, 2100, 2050, 3.25, 2400, 0.2, 0.96);
        ReportWriter.write(dir, new ReportWriter.Report("Eval", List.of(), List.of(withExt), List.of(), null, "vggish.pt"));
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
