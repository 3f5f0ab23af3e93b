package org.timbrelab.engine.data;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.WavData;
import org.timbrelab.dsp.WavFormat;
import org.timbrelab.dsp.WavIO;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tiny generated audio files for dataset tests. */
final class AudioFixtures {
    private AudioFixtures() { }

    /** {@code lead} s of silence, {@code tone} s of a sine at {@code hz} and amplitude {@code amp}, {@code tail} s of silence. */
    static AudioClip tone(int rate, double hz, double amp, double lead, double tone, double tail) {
        int a = (int) Math.round(lead * rate), b = (int) Math.round(tone * rate), c = (int) Math.round(tail * rate);
        float[] x = new float[a + b + c];
        for (int i = 0; i < b; i++) x[a + i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        return new AudioClip(x, rate);
    }

    static Path wav(Path file, AudioClip clip) throws Exception {
        Files.createDirectories(file.getParent());
        AudioFiles.saveWav(file, clip);
        return file;
    }

    /** The clip in both channels of a 24-bit stereo WAV. */
    static Path stereoWav(Path file, AudioClip clip) throws Exception {
        Files.createDirectories(file.getParent());
        double[] ch = new double[clip.length()];
        for (int i = 0; i < ch.length; i++) ch[i] = clip.samples()[i];
        WavIO.write(file, new WavData(WavFormat.pcm(24, 2, clip.sampleRate()), new double[][] {ch, ch.clone()}));
        return file;
    }

    /** A file that starts like a WAV but is garbage. */
    static Path corruptWav(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        byte[] junk = new byte[200];
        byte[] head = "RIFF\u0010\u0000\u0000\u0000WAVEjunk".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, junk, 0, head.length);
        Files.write(file, junk);
        return file;
    }
}
