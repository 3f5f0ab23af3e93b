package org.timbrelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The {@code spectrogram} and {@code pitch} commands on generated WAV files. */
class AnalysisCommandsTest {

    /** Runs the CLI capturing standard output and error. */
    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = TimbreLabCli.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** 44.1 kHz file so the commands' resampling to 16 kHz is exercised. */
    private static Path tone(Path dir, double hz, double seconds) throws Exception {
        int rate = 44_100;
        float[] x = new float[(int) (seconds * rate)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / rate));
        Path wav = dir.resolve("tone.wav");
        AudioFiles.saveWav(wav, new AudioClip(x, rate));
        return wav;
    }

    @Test void spectrogramWritesAPicture(@TempDir Path dir) throws Exception {
        Path wav = tone(dir, 440, 1.5);
        Path png = dir.resolve("out/s.png");
        Run r = run("spectrogram", "--in", wav.toString(), "--png", png.toString(), "--colormap", "viridis", "--f0");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() >= 480 && img.getHeight() >= 384, img.getWidth() + "x" + img.getHeight());
        assertTrue(r.out().contains("128 mel bands x 94 frames"), r.out());   // 1.5 s at 16 kHz: 1 + 24000/256
    }

    @Test void pitchWritesOneRowPerFrameWithTheTonesF0(@TempDir Path dir) throws Exception {
        Path wav = tone(dir, 220, 1.0);
        Path csv = dir.resolve("f0.csv");
        Run r = run("pitch", "--in", wav.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("time_s,f0_hz,voiced", lines.get(0));
        assertEquals(1 + 16000 / 256, lines.size() - 1);
        String[] mid = lines.get(1 + 30).split(",");
        assertEquals(30 * 256 / 16000.0, Double.parseDouble(mid[0]), 1e-4);
        assertEquals(220, Double.parseDouble(mid[1]), 2.2);
        assertEquals("1", mid[2]);
        assertTrue(r.out().contains("median f0 220."), r.out());
    }

    @Test void pitchWithoutCsvPrintsTheTable(@TempDir Path dir) throws Exception {
        Run r = run("pitch", "--in", tone(dir, 330, 0.5).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("time_s,f0_hz,voiced\n"), r.out());
        assertEquals(1 + 1 + 8000 / 256, r.out().split("\n").length);
    }

    @Test void missingInputNamesTheFileAndFails(@TempDir Path dir) {
        Path nothing = dir.resolve("nothing.wav");
        Run r = run("spectrogram", "--in", nothing.toString(), "--png", dir.resolve("s.png").toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("nothing.wav") && r.err().contains("no such file"), r.err());
        assertFalse(Files.exists(dir.resolve("s.png")));
    }

    @Test void unknownColourMapIsRefusedWithTheChoices(@TempDir Path dir) throws Exception {
        Run r = run("spectrogram", "--in", tone(dir, 440, 0.2).toString(), "--png", dir.resolve("s.png").toString(), "--colormap", "jet");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("magma, viridis or inferno"), r.err());
    }
}
