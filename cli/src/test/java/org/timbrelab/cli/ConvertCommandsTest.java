package org.timbrelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.engine.infer.BlockConversion;
import org.timbrelab.engine.preset.TestPresets;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** convert and interpolate on a small random preset: files appear with the input's length; bad arguments fail with exit 1. */
class ConvertCommandsTest {
    @TempDir Path tmp;

    @Test void convertAllAndInterpolateWriteTheirFiles() throws Exception {
        Path preset = TestPresets.write(tmp.resolve("p"), true, 3);
        float[] x = new float[8000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 150 * i / 16000.0));
        Path in = tmp.resolve("in.wav");
        AudioFiles.saveWav(in, new AudioClip(x, 16000));

        assertEquals(0, TimbreLabCli.execute("convert", "--preset", preset.toString(), "--in", in.toString(), "--to", "all",
                "--out", tmp.resolve("out.wav").toString()));
        for (String d : TestPresets.DOMAINS) assertEquals(8000, AudioFiles.loadMono(tmp.resolve("out-" + d + ".wav"), 16000).length(), d);

        assertEquals(0, TimbreLabCli.execute("convert", "--preset", preset.toString(), "--in", in.toString(), "--to", "violin",
                "--out", tmp.resolve("v.wav").toString(), "--octaves", "-1"));
        assertTrue(Files.isRegularFile(tmp.resolve("v.wav")));
        assertEquals(1, TimbreLabCli.execute("convert", "--preset", preset.toString(), "--in", in.toString(), "--to", "piano",
                "--out", tmp.resolve("x.wav").toString()));
        assertEquals(1, TimbreLabCli.execute("convert", "--preset", preset.toString(), "--in", in.toString(), "--to", "violin",
                "--out", tmp.resolve("x.wav").toString(), "--octaves", "5"));

        assertEquals(0, TimbreLabCli.execute("interpolate", "--preset", preset.toString(), "--a", in.toString(), "--b", in.toString(),
                "--domain", "cello", "--steps", "3", "--mode", "lerp", "--out", tmp.resolve("i").toString()));
        for (int i = 0; i < 3; i++) assertTrue(Files.isRegularFile(tmp.resolve("i").resolve("step-0" + i + ".wav")));
    }

    @Test void aLongRecordingConvertsInBlocksToEveryDomainAtItsOwnLength() throws Exception {
        Path preset = TestPresets.write(tmp.resolve("p"), true, 3);
        int rate = 44_100, n = (int) ((BlockConversion.LONG_INPUT_SECONDS + 5) * rate);   // long: read and converted in blocks
        double[][] ch = new double[2][n];
        for (int i = 0; i < n; i++) ch[0][i] = ch[1][i] = 0.3 * Math.sin(2 * Math.PI * (140 + 20 * Math.sin(i / (double) rate)) * i / rate);
        Path in = tmp.resolve("long.wav");
        org.timbrelab.dsp.WavIO.write(in, new org.timbrelab.dsp.WavData(org.timbrelab.dsp.WavFormat.pcm(16, 2, rate), ch));
        var out = new java.io.ByteArrayOutputStream();
        var was = System.out;
        System.setOut(new java.io.PrintStream(out, true));
        try {
            assertEquals(0, TimbreLabCli.execute("convert", "--preset", preset.toString(), "--in", in.toString(), "--to", "all",
                    "--out", tmp.resolve("out.wav").toString()));
        } finally {
            System.setOut(was);
        }
        assertTrue(out.toString().contains("converted in 4 blocks") && out.toString().contains("[100%] block 4/4"), out.toString());
        int expected = (int) Math.ceil(n * 16_000.0 / rate);
        for (String d : TestPresets.DOMAINS) assertEquals(expected, AudioFiles.loadMono(tmp.resolve("out-" + d + ".wav"), 16000).length(), d);
    }
}
