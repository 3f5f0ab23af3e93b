package org.timbrelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class DatasetInfoCommandTest {

    @TempDir Path tmp;

    private static AudioClip note(int midi) {
        double hz = 440 * Math.pow(2, (midi - 69) / 12.0);
        float[] x = new float[16_000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / 16_000));
        return new AudioClip(x, 16_000);
    }

    @Test void reportsCountsDurationPitchesAndWritesAMontage() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("violin"));
        for (int p : new int[] {60, 60, 67})
            AudioFiles.saveWav(dir.resolve(String.format("violin_test_%03d-%03d-%03d.wav", Files.list(dir).count(), p, 100)), note(p));
        Files.writeString(dir.resolve("broken.wav"), "not audio");
        Path png = tmp.resolve("out/montage.png");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new TimbreLabCli());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("dataset-info", dir.toString(), "--png", png.toString(), "--cache", tmp.resolve("cache").toString());
        String text = out.toString();
        assertEquals(0, code, text + err);
        assertTrue(text.contains("4 audio, 3 usable, 1 skipped"), text);
        assertTrue(text.contains("0:03 (3.0 s)"), text);
        assertTrue(text.matches("(?s).*\\n\\s+60 C4\\s+2 #+\\n\\s+67 G4\\s+1 #+\\n.*"), text);
        assertTrue(text.contains("median f0   261."), text); // two of three notes are C4 = 261.6 Hz
        assertTrue(err.toString().contains("broken.wav"), err.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() > 3 * 63 && img.getHeight() > 128, img.getWidth() + "x" + img.getHeight());
    }

    @Test void emptyFolderFailsWithAClearMessage() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("nothing"));
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TimbreLabCli());
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> { cmd.getErr().println("error: " + ex.getMessage()); return 1; });
        assertEquals(1, cl.execute("dataset-info", dir.toString(), "--cache", tmp.resolve("cache").toString()));
        assertTrue(err.toString().contains("is empty"), err.toString());
    }
}
