package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Reading a WAV file a slice at a time gives exactly what reading it whole gives. */
class WavStreamTest {
    @TempDir Path tmp;

    private static WavData noise(WavFormat f, int frames, long seed) {
        Random r = new Random(seed);
        double[][] ch = new double[f.channels()][frames];
        // values on the format's grid, so writing keeps them exactly
        double q = f.encoding() == WavFormat.Encoding.FLOAT ? 0 : Math.pow(2, f.bitsPerSample() - 1);
        for (double[] c : ch) for (int i = 0; i < frames; i++) {
            double v = 0.8 * (2 * r.nextDouble() - 1);
            c[i] = q == 0 ? (float) v : Math.round(v * q) / q;
        }
        return new WavData(f, ch);
    }

    @Test void slicesEqualTheWholeFileInEveryFormat() throws Exception {
        for (WavFormat f : new WavFormat[]{WavFormat.pcm(16, 2, 44_100), WavFormat.pcm(24, 1, 48_000), WavFormat.pcm(8, 3, 8_000),
                WavFormat.ieeeFloat(32, 2, 22_050), WavFormat.ieeeFloat(64, 1, 16_000)}) {
            Path file = tmp.resolve("x" + f.bitsPerSample() + "-" + f.channels() + ".wav");
            WavIO.write(file, noise(f, 5_003, 7));
            float[] whole = WavIO.read(file).toMonoClip().samples();
            try (WavStream s = WavStream.open(file)) {
                assertEquals(5_003, s.frames());
                assertEquals(f.sampleRate(), s.format().sampleRate());
                float[] joined = new float[5_003];
                for (int at = 0; at < 5_003; at += 1_000) {
                    int n = Math.min(1_000, 5_003 - at);
                    System.arraycopy(s.readMono(at, n), 0, joined, at, n);
                }
                assertArrayEquals(whole, joined, f.toString());
                assertTrue(s.shortfall().isEmpty());
            }
        }
    }

    @Test void streamedMonoEqualsTheWholeFileResampledAndWarnsWhenCutShort() throws Exception {
        Path file = tmp.resolve("long.wav");
        int frames = (int) (44_100 * (AudioFiles.STREAM_BLOCK_SECONDS * 2.5));   // three blocks, the last one partial
        WavIO.write(file, noise(WavFormat.pcm(16, 2, 44_100), frames, 3));
        AudioClip whole = AudioFiles.loadMono(file, 16_000);
        AudioFiles.StreamedMono streamed = AudioFiles.streamMono(file, 16_000);
        assertArrayEquals(whole.samples(), streamed.clip().samples(), "block-wise resampling has no seams");
        assertTrue(streamed.shortfall().isEmpty());

        byte[] bytes = Files.readAllBytes(file);
        Path cut = tmp.resolve("cut.wav");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 4 * 44_100));   // one second missing
        AudioFiles.StreamedMono c = AudioFiles.streamMono(cut, 16_000);
        assertEquals(16_000L * (frames / 44_100 - 1), c.clip().length(), 16_000);
        assertTrue(c.shortfall().orElseThrow().contains("cut short"), c.shortfall().toString());
    }

    @Test void badFilesAreRefusedWithTheSameReasonsAsTheWholeReader() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.wav"), "these are my notes");
        var e = assertThrows(AudioFileException.class, () -> WavStream.open(text));
        assertEquals(AudioFileException.Reason.NOT_RIFF, e.reason());
        Path empty = Files.write(tmp.resolve("empty.wav"), new byte[0]);
        assertEquals(AudioFileException.Reason.EMPTY, assertThrows(AudioFileException.class, () -> WavStream.open(empty)).reason());
        Path file = tmp.resolve("ok.wav");
        WavIO.write(file, noise(WavFormat.pcm(16, 1, 16_000), 1_000, 1));
        Path headerOnly = Files.write(tmp.resolve("header.wav"), Arrays.copyOf(Files.readAllBytes(file), 30));
        assertEquals(AudioFileException.Reason.TRUNCATED, assertThrows(AudioFileException.class, () -> WavStream.open(headerOnly)).reason());
        try (WavStream s = WavStream.open(file)) {
            assertThrows(IllegalArgumentException.class, () -> s.readMono(900, 200), "past the end");
        }
    }
}
