package org.timbrelab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.data.NsynthJson;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderDatasetCommandTest {
    @TempDir Path tmp;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new TimbreLabCli());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> { cmd.getErr().println("error: " + ex.getMessage()); return 1; });
        return cl.execute(args);
    }

    @Test void rendersNotesFromTheBuiltInSoundbankWithProgress() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Path dir = tmp.resolve("violin");
        int code = run(out, err, "render-dataset", "--instrument", "violin", "--out", dir.toString(),
                "--pitches", "A4-A#4", "--velocities", "100", "--jobs", "2");
        assertEquals(0, code, out + "\n" + err);
        assertEquals(2, NsynthJson.read(dir.resolve("notes")).size());
        assertTrue(out.toString().contains("100.0%") && out.toString().contains("x realtime"), out.toString());
    }

    @Test void followPlaysEachRecordingsMelodyAndSkipsUnvoicedOnes() throws Exception {
        Path voices = tmp.resolve("voices/speaker");
        java.nio.file.Files.createDirectories(voices);
        float[] tone = new float[16_000], noise = new float[16_000];
        java.util.Random rng = new java.util.Random(3);
        for (int i = 0; i < tone.length; i++) {
            for (int h = 1; h <= 5; h++) tone[i] += (float) (0.1 / h * Math.sin(2 * Math.PI * 200 * h * i / 16_000.0));
            noise[i] = (float) (0.1 * rng.nextGaussian());
        }
        AudioFiles.saveWav(voices.resolve("a.wav"), new AudioClip(tone, 16_000));
        AudioFiles.saveWav(voices.resolve("b.wav"), new AudioClip(noise, 16_000));
        StringWriter out = new StringWriter(), err = new StringWriter();
        Path dir = tmp.resolve("cello");
        int code = run(out, err, "render-dataset", "--instrument", "cello", "--no-notes", "--follow", tmp.resolve("voices").toString(),
                "--out", dir.toString());
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains("wrote 1 melodies") && out.toString().contains("skipped 1"), out.toString());
        Path played = dir.resolve("melody/cello_gervill_042_follow_speaker_a.wav");
        // 200 Hz sits in the cello's phrase register (C2-A4), so it is played where it is.
        PitchTrack track = new Pitch().track(AudioFiles.loadMono(played, 16_000), SpectrogramConfig.DEFAULT);
        assertEquals(200, track.medianVoicedF0(), 4, "the cello plays the recording's 200 Hz");
        assertTrue(track.voicedFraction() > 0.5, "it sounds through the recording, voiced " + track.voicedFraction());
    }

    @Test void unknownInstrumentAndMissingSoundfontAreClearErrors() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(1, run(out, err, "render-dataset", "--instrument", "theremin", "--out", tmp.resolve("x").toString()));
        assertTrue(err.toString().contains("unknown instrument 'theremin'") && err.toString().contains("violin"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(1, run(out, err2, "render-dataset", "--instrument", "violin", "--soundfont", tmp.resolve("gone.sf2").toString(),
                "--out", tmp.resolve("y").toString()));
        assertTrue(err2.toString().contains("gone.sf2") && err2.toString().contains("not found"), err2.toString());
    }

    @Test void speechDatasetWithAMissingEngineSaysWhatToInstall() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(1, run(out, err, "speech-dataset", "--out", tmp.resolve("v").toString(), "--engine", "espeak-ng",
                "--engine-path", tmp.resolve("bin/espeak-ng").toString(), "--limit", "1"));
        assertTrue(err.toString().contains("apt-get install espeak-ng"), err.toString());
    }

    @Test void progressLineShowsPercentCountAndEta() {
        StringWriter w = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(w, true), "render", false);
        long start = System.nanoTime();
        String line = bar.line(50, 200, start + 10_000_000_000L);
        assertTrue(line.contains(" 25.0%") && line.contains("50/200") && line.contains("ETA"), line);
        for (int i = 1; i <= 200; i++) bar.update(i, 200);
        long lines = w.toString().lines().count();
        assertTrue(lines >= 10 && lines <= 11, "one line per 10 % when not on a terminal, got " + lines);
        assertTrue(w.toString().contains("200/200"), w.toString());
    }
}
