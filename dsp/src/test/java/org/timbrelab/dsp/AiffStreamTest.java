package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** An AIFF read forward a range at a time gives what reading it whole gives, in bounded memory. */
class AiffStreamTest {
    @TempDir Path tmp;

    /** A big-endian 16-bit AIFF of noise; returns its channel-mean samples as the reader should see them. */
    private static float[] writeNoise(Path file, int channels, int rate, int frames, long seed) throws Exception {
        Random r = new Random(seed);
        ByteBuffer bb = ByteBuffer.allocate(frames * channels * 2); // big-endian by default, as AIFF stores it
        float[] mono = new float[frames];
        for (int i = 0; i < frames; i++) {
            double s = 0;
            for (int c = 0; c < channels; c++) {
                short v = (short) (r.nextInt(52_000) - 26_000);
                bb.putShort(v);
                s += v / 32768.0;
            }
            mono[i] = (float) (s / channels);
        }
        AudioFormat af = new AudioFormat(rate, 16, channels, true, true);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bb.array()), af, frames), AudioFileFormat.Type.AIFF, file.toFile());
        return mono;
    }

    @Test void forwardRangesThatOverlapOrSkipEqualTheWholeFile() throws Exception {
        Path file = tmp.resolve("noise.aiff");
        float[] mono = writeNoise(file, 2, 22_050, 10_007, 5);
        try (AiffStream s = AiffStream.open(file)) {
            assertEquals(10_007, s.frames());
            assertEquals(22_050, s.format().sampleRate());
            assertArrayEquals(Arrays.copyOfRange(mono, 0, 1_000), s.readMono(0, 1_000));
            assertArrayEquals(Arrays.copyOfRange(mono, 900, 2_100), s.readMono(900, 1_200), "overlaps the previous range");
            assertArrayEquals(Arrays.copyOfRange(mono, 1_000, 1_500), s.readMono(1_000, 500), "inside the previous range");
            assertArrayEquals(Arrays.copyOfRange(mono, 6_000, 10_007), s.readMono(6_000, 4_007), "skips ahead to the end");
            assertThrows(IllegalArgumentException.class, () -> s.readMono(5_000, 10), "backwards");
            assertThrows(IllegalArgumentException.class, () -> s.readMono(9_000, 2_000), "past the end");
            assertTrue(s.shortfall().isEmpty());
        }
    }

    @Test void aLongAiffStreamsToWhatTheWholeReaderGivesAndACutOneWarns() throws Exception {
        Path file = tmp.resolve("long.aiff");
        int frames = (int) (44_100 * AudioFiles.STREAM_BLOCK_SECONDS * 2.5);   // three blocks, the last one partial
        writeNoise(file, 2, 44_100, frames, 3);
        AudioClip whole = AudioFiles.loadMono(file, 16_000);
        AudioFiles.StreamedMono streamed = AudioFiles.streamMono(file, 16_000);
        assertArrayEquals(whole.samples(), streamed.clip().samples(), "block-wise resampling has no seams");
        assertTrue(streamed.shortfall().isEmpty());
        assertEquals(2, streamed.fileFormat().channels());

        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(tmp.resolve("cut.aiff"), Arrays.copyOf(bytes, bytes.length - 4 * 44_100));   // the last second missing
        AudioFiles.StreamedMono c = AudioFiles.streamMono(cut, 16_000);
        assertEquals(whole.length(), c.clip().length(), "the header's length, the missing second silent");
        float tail = 0;
        for (int i = c.clip().length() - 15_000; i < c.clip().length(); i++) tail = Math.max(tail, Math.abs(c.clip().samples()[i]));
        assertEquals(0f, tail, "the missing second reads as silence");
        assertTrue(c.shortfall().orElseThrow().contains("cut short"), c.shortfall().toString());
    }

    @Test void aFileThatIsNotAudioIsRefusedNamingIt() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.aiff"), "FORM but not audio");
        AudioFileException e = assertThrows(AudioFileException.class, () -> AiffStream.open(notes));
        assertTrue(e.getMessage().contains("notes.aiff"), e.getMessage());
    }
}
