package org.timbrelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.eval.DomainClassifier;
import org.timbrelab.engine.eval.Listeners;
import org.timbrelab.engine.eval.OtherSounds;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TrainClassifierCommandTest {

    private static AudioClip sine(double f0, double seconds) {
        float[] x = new float[(int) (seconds * 16_000)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * f0 * i / 16_000));
        return new AudioClip(x, 16_000);
    }

    @Test void trainsFromFoldersAndReportsHeldOutAccuracy(@TempDir Path dir) throws Exception {
        Random rnd = new Random(1);
        Files.createDirectories(dir.resolve("data/sine"));
        Files.createDirectories(dir.resolve("data/saw"));
        for (int i = 0; i < 8; i++) {
            double f0 = 150 * Math.pow(2, 2 * rnd.nextDouble());
            AudioFiles.saveWav(dir.resolve("data/sine/s" + i + ".wav"), sine(f0, 1.0));
            AudioFiles.saveWav(dir.resolve("data/saw/w" + i + ".wav"), OtherSounds.sawtoothDrone(f0, 1.0, 16_000, rnd));
        }
        Path out = dir.resolve("cls.json");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(buf, true));
            code = TimbreLabCli.execute("train-classifier", "--data", dir.resolve("data").toString(), "--domains", "sine,saw",
                    "--speech", "none", "--out", out.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code, buf.toString());
        assertTrue(buf.toString().contains("| sine |"), buf.toString());
        DomainClassifier c = DomainClassifier.load(out);
        assertEquals(List.of("sine", "saw", "other"), c.labels());
        @SuppressWarnings("unchecked")
        Map<String, Double> acc = (Map<String, Double>) c.summary().get("heldOutClipAccuracy");
        assertEquals(1.0, acc.get("sine"), 1e-9, acc.toString());
        assertEquals(1.0, acc.get("saw"), 1e-9, acc.toString());
        // the second listener, trained on the same clips, beside it, with its own held-out accuracy printed
        assertTrue(buf.toString().contains("listener 2, clipstats"), buf.toString());
        Listeners both = Listeners.load(out);
        assertEquals(c.labels(), both.clipStats().labels());
        @SuppressWarnings("unchecked")
        Map<String, Double> acc2 = (Map<String, Double>) both.clipStats().summary().get("heldOutClipAccuracy");
        assertEquals(1.0, acc2.get("sine"), 1e-9, acc2.toString());
        assertEquals(1.0, acc2.get("saw"), 1e-9, acc2.toString());
    }

    @Test void missingDomainFolderIsNamed(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data/sine"));
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true));
            code = TimbreLabCli.execute("train-classifier", "--data", dir.resolve("data").toString(), "--domains", "sine,saw",
                    "--out", dir.resolve("c.json").toString());
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(1, code);
        assertTrue(err.toString().contains(dir.resolve("data").resolve("saw").toString()), err.toString());
    }

    /** --controls: sines as the "voice" pass the negative controls; sawtooth drones given as voices are called saw and fail them. */
    @Test void controlsOnFoldersPassOrFailWithExitCode(@TempDir Path dir) throws Exception {
        Random rnd = new Random(2);
        for (String d : List.of("data/sine", "data/saw", "voices", "drones")) Files.createDirectories(dir.resolve(d));
        for (int i = 0; i < 8; i++) {
            double f0 = 150 * Math.pow(2, 2 * rnd.nextDouble());
            AudioFiles.saveWav(dir.resolve("data/sine/s" + i + ".wav"), sine(f0, 1.0));
            AudioFiles.saveWav(dir.resolve("data/saw/w" + i + ".wav"), OtherSounds.sawtoothDrone(f0, 1.0, 16_000, rnd));
        }
        for (int i = 0; i < 4; i++) {
            double f0 = 160 * Math.pow(2, 1.5 * rnd.nextDouble());
            AudioFiles.saveWav(dir.resolve("voices/v" + i + ".wav"), sine(f0, 1.0));
            AudioFiles.saveWav(dir.resolve("drones/d" + i + ".wav"), OtherSounds.sawtoothDrone(f0, 1.0, 16_000, rnd));
        }
        String[] base = {"train-classifier", "--data", dir.resolve("data").toString(), "--domains", "sine,saw", "--speech", "sine",
                "--out", dir.resolve("c.json").toString(), "--controls"};
        PrintStream old = System.out;
        ByteArrayOutputStream pass = new ByteArrayOutputStream(), fail = new ByteArrayOutputStream();
        int passCode, failCode;
        try {
            System.setOut(new PrintStream(pass, true));
            passCode = TimbreLabCli.execute(concat(base, dir.resolve("voices").toString()));
            System.setOut(new PrintStream(fail, true));
            failCode = TimbreLabCli.execute(concat(base, dir.resolve("drones").toString()));
        } finally {
            System.setOut(old);
        }
        assertEquals(0, passCode, pass.toString());
        assertTrue(pass.toString().contains("controls on every clip of " + dir.resolve("voices")) && pass.toString().contains("- **mlp: PASS**"),
                pass.toString());
        assertTrue(pass.toString().contains("No phrases of saw to play"), "no soundfont plays a saw: " + pass);
        assertEquals(3, failCode, fail.toString());
        String asIs = fail.toString().lines().filter(l -> l.startsWith("| mlp | voice as is | negative | 4 |")).findFirst().orElse("");
        assertTrue(asIs.endsWith("| **FAIL** |"), "drones called an instrument: " + fail);
    }

    private static String[] concat(String[] a, String last) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}
