package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFilesTest {

    @TempDir Path dir;

    @Test void loadMonoAveragesChannelsAndResamplesTo16k() throws Exception {
        int rate = 44100, n = rate;   // 1 s
        double[] left = new double[n], right = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.sin(2 * Math.PI * 440 * i / rate);
            left[i] = 0.5 * s;
            right[i] = 0.3 * s;
        }
        Path f = dir.resolve("stereo.wav");
        WavIO.write(f, new WavData(WavFormat.ieeeFloat(32, 2, rate), new double[][]{left, right}));
        AudioClip clip = AudioFiles.loadMono(f, 16000);
        assertEquals(16000, clip.sampleRate());
        assertEquals(16000, clip.length());
        // mono = 0.4 · sine → RMS 0.4/√2 away from the edges
        assertEquals(0.4 / Math.sqrt(2), Signals.rms(clip.samples(), 1000, 15000), 1e-3);
    }

    @Test void readsBigEndianAiffThroughJavaSound() throws Exception {
        int n = 8000;
        ByteBuffer bb = ByteBuffer.allocate(n * 2).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < n; i++) bb.putShort((short) Math.round(16000 * Math.sin(2 * Math.PI * 1000 * i / 16000.0)));
        AudioFormat af = new AudioFormat(16000, 16, 1, true, true);
        Path f = dir.resolve("tone.aiff");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bb.array()), af, n), AudioFileFormat.Type.AIFF, f.toFile());
        AudioClip clip = AudioFiles.loadMono(f, 16000);
        assertEquals(n, clip.length());
        for (int i = 0; i < n; i++) assertEquals(bb.getShort(2 * i) / 32768.0, clip.samples()[i], 1e-7);
    }

    /** The length of a WAV or AIFF comes from its header, before anything is decoded; other files say nothing. */
    @Test void secondsFromTheHeaderOfWavAndAiff() throws Exception {
        int n = 44_100;   // 2 s of stereo 16-bit at 22.05 kHz
        AudioFormat af = new AudioFormat(22_050, 16, 2, true, true);
        Path aiff = dir.resolve("two-seconds.aiff");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[n * 4]), af, n), AudioFileFormat.Type.AIFF, aiff.toFile());
        assertEquals(2.0, AudioFiles.seconds(aiff).orElseThrow(), 1e-9);
        Path wav = dir.resolve("three-seconds.wav");
        AudioFiles.saveWav(wav, new AudioClip(new float[48_000], 16_000));
        assertEquals(3.0, AudioFiles.seconds(wav).orElseThrow(), 1e-9);
        assertTrue(AudioFiles.seconds(java.nio.file.Files.writeString(dir.resolve("notes.aiff"), "FORM but not audio")).isEmpty());
        assertTrue(AudioFiles.seconds(dir.resolve("missing.wav")).isEmpty());
    }

    @Test void saveWavWritesSixteenBitPcmThatReadsBack() throws Exception {
        float[] x = Signals.sine(300, 0.8, 16000, 4000);
        x[10] = 1.5f;    // clipped to full scale
        Path f = dir.resolve("out/clip.wav");
        AudioFiles.saveWav(f, new AudioClip(x, 16000));
        WavData back = WavIO.read(f);
        assertEquals(WavFormat.pcm(16, 1, 16000), back.format());
        assertEquals(32767 / 32768.0, back.channels()[0][10], 0.0);
        for (int i = 0; i < x.length; i++) if (i != 10) assertEquals(x[i], back.channels()[0][i], 0.5 / 32768 + 1e-9);
    }

    @Test void saveWavRefusesNaN() {
        float[] x = {0f, Float.NaN};
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.saveWav(dir.resolve("bad.wav"), new AudioClip(x, 16000)));
        assertEquals(AudioFileException.Reason.NON_FINITE, e.reason());
        assertTrue(e.getMessage().contains("bad.wav"));
    }
}
