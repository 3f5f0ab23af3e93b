package org.timbrelab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.WavFormat;
import org.timbrelab.dsp.WavIO;

class TransformCommandTest {

    private record Run(int code, String out, String err) { }

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(TimbreLabCli.execute(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path harmonicWav(Path dir) throws Exception {
        int rate = 44_100;
        float[] x = new float[rate];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int h = 1; h <= 8; h++) s += Math.sin(2 * Math.PI * 196 * h * i / rate) / h;
            x[i] = (float) (0.2 * s * Math.min(1, i / 2000.0));
        }
        Path wav = dir.resolve("in.wav");
        AudioFiles.saveWav(wav, new AudioClip(x, rate));
        return wav;
    }

    private static double convergence(String out) {
        Matcher m = Pattern.compile("spectral convergence vs input magnitude: (-?[0-9.]+) dB").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test void transformWithPghiWritesA16kClipAndPrintsItsSpectralConvergence(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.wav");
        Run r = run("transform", "--in", harmonicWav(dir).toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(WavFormat.pcm(16, 1, 16000), WavIO.read(out).format());
        assertTrue(convergence(r.out()) < -10, r.out());
        assertTrue(r.out().contains("inverse (PGHI)"), r.out());
    }

    @Test void transformWithGriffinLimHonoursIterations(@TempDir Path dir) throws Exception {
        Run r = run("transform", "--in", harmonicWav(dir).toString(), "--out", dir.resolve("gl.wav").toString(), "--phase", "gl", "--iters", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Griffin-Lim 4"), r.out());
        assertTrue(convergence(r.out()) < -3, r.out());
    }

    @Test void unreadableInputFailsWithTheFileNameAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("notes.wav");
        Files.writeString(bad, "not audio");
        Run r = run("transform", "--in", bad.toString(), "--out", dir.resolve("x.wav").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("notes.wav") && r.err().contains("not a RIFF"), r.err());
        assertFalse(r.err().contains("at org."), r.err());
    }
}
