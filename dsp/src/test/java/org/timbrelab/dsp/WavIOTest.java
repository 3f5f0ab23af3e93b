package org.timbrelab.dsp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioFileException.Reason;

class WavIOTest {

    @TempDir Path dir;

    /** Random samples exactly representable in {@code f}. */
    private static WavData randomData(WavFormat f, int frames, long seed) {
        Random r = new Random(seed);
        double[][] ch = new double[f.channels()][frames];
        for (double[] c : ch)
            for (int i = 0; i < frames; i++) {
                if (f.encoding() == WavFormat.Encoding.FLOAT) {
                    c[i] = f.bitsPerSample() == 32 ? (float) r.nextGaussian() * 0.3f : r.nextGaussian() * 0.3;
                } else {
                    long range = 1L << (f.bitsPerSample() - 1);
                    long v = (long) Math.floor(r.nextDouble() * 2 * range) - range;   // full range incl. -2^(b-1)
                    c[i] = v / (double) range;
                }
            }
        return new WavData(f, ch);
    }

    @Test void everySupportedFormatRoundTripsBitExactly() throws Exception {
        List<WavFormat> formats = List.of(
                WavFormat.pcm(8, 1, 8000), WavFormat.pcm(16, 2, 44100), WavFormat.pcm(24, 1, 48000),
                WavFormat.pcm(32, 2, 16000), WavFormat.ieeeFloat(32, 1, 22050), WavFormat.ieeeFloat(64, 2, 96000),
                new WavFormat(WavFormat.Encoding.PCM, 2, 48000, 24, 24, true, 0x3),
                new WavFormat(WavFormat.Encoding.PCM, 1, 44100, 32, 24, true, 0x4),
                new WavFormat(WavFormat.Encoding.FLOAT, 6, 48000, 32, 32, true, 0x3F));
        for (WavFormat f : formats) {
            WavData data = randomData(f, 1001, f.hashCode());   // odd length: exercises the pad byte for 8-bit mono
            Path file = dir.resolve("rt-" + f.bitsPerSample() + "-" + f.channels() + "-" + f.extensible() + ".wav");
            WavIO.write(file, data);
            WavData back = WavIO.read(file);
            assertEquals(f, back.format(), "format of " + f);
            for (int c = 0; c < f.channels(); c++)
                assertArrayEquals(data.channels()[c], back.channels()[c], 0.0, "samples of " + f + " channel " + c);
            assertArrayEquals(Files.readAllBytes(file), WavIO.encode(back), "bytes of " + f);
        }
    }

    @Test void readsWhatJavaSoundWritesAndJavaSoundReadsWhatWeWrite() throws Exception {
        short[] pcm = {0, 1, -1, 32767, -32768, 1234, -4321};
        ByteBuffer bb = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : pcm) bb.putShort(s);
        AudioFormat af = new AudioFormat(16000, 16, 1, true, false);
        File theirs = dir.resolve("javasound.wav").toFile();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bb.array()), af, pcm.length), AudioFileFormat.Type.WAVE, theirs);
        WavData read = WavIO.read(theirs.toPath());
        assertEquals(WavFormat.pcm(16, 1, 16000), read.format());
        for (int i = 0; i < pcm.length; i++) assertEquals(pcm[i] / 32768.0, read.channels()[0][i], 0.0);

        Path ours = dir.resolve("ours.wav");
        WavIO.write(ours, read);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(ours.toFile())) {
            assertEquals(16000f, in.getFormat().getSampleRate());
            assertArrayEquals(bb.array(), in.readAllBytes());
        }
    }

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void assertRefused(Path p, Reason reason) {
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavIO.read(p));
        assertEquals(reason, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(p.getFileName().toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("What to do"), e.getMessage());
    }

    private static byte[] header(int tag, int channels, int rate, int bits, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits).put("data".getBytes()).putInt(dataBytes);
        return b.array();
    }

    @Test void emptyFileIsRefusedNamingTheFile() throws Exception {
        assertRefused(file("empty.wav", new byte[0]), Reason.EMPTY);
    }

    @Test void truncatedHeaderIsRefusedNamingTheFile() throws Exception {
        byte[] full = header(1, 1, 16000, 16, 0);
        assertRefused(file("cut.wav", java.util.Arrays.copyOf(full, 20)), Reason.TRUNCATED);
        assertRefused(file("cut8.wav", java.util.Arrays.copyOf(full, 8)), Reason.TRUNCATED);
    }

    @Test void nonRiffFileIsRefusedNamingTheFile() throws Exception {
        assertRefused(file("text.wav", "this is not audio at all, just text".getBytes()), Reason.NOT_RIFF);
    }

    @Test void muLawIsRefusedAsUnsupportedEncoding() throws Exception {
        assertRefused(file("ulaw.wav", header(7, 1, 8000, 8, 10)), Reason.UNSUPPORTED_ENCODING);
        assertRefused(file("pcm12.wav", header(1, 1, 8000, 12, 10)), Reason.UNSUPPORTED_ENCODING);
    }

    @Test void fileWithZeroSamplesIsRefused() throws Exception {
        assertRefused(file("nosamples.wav", header(1, 1, 16000, 16, 0)), Reason.NO_SAMPLES);
    }

    @Test void dataChunkLongerThanTheFileKeepsTheWholeFramesPresent() throws Exception {
        byte[] b = header(1, 2, 16000, 16, 10);                       // 2.5 stereo frames of 4 bytes
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFFF).putShort(44, (short) 16384).putShort(46, (short) -16384);
        WavData d = WavIO.read(file("stream.wav", b));
        assertEquals(2, d.frames());
        assertEquals(0.5, d.channels()[0][0]);
        assertEquals(-0.5, d.channels()[1][0]);
    }

    @Test void nanSampleIsRefusedNamingTheFile() throws Exception {
        byte[] b = header(3, 1, 16000, 32, 12);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(44, 0.5f).putFloat(48, Float.NaN).putFloat(52, 0f);
        assertRefused(file("nan.wav", b), Reason.NON_FINITE);
    }

    @Test void missingFileIsAnIoErrorNamingTheFile() {
        assertRefused(dir.resolve("nope.wav"), Reason.IO);
    }

    @Test void sixteenBitWriterWritesTheSameBytesAsTheGeneralOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        float[] x = new float[4_001];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < x.length; i++) x[i] = (float) (1.2 * (2 * r.nextDouble() - 1));   // some beyond full scale: clipped alike
        x[7] = 0.5f / 32768;   // a rounding tie
        java.nio.file.Path a = dir.resolve("a.wav"), b = dir.resolve("b.wav");
        WavIO.writePcm16(a, x, 22_050);
        WavIO.write(b, WavData.of(new AudioClip(x, 22_050), WavFormat.pcm(16, 1, 22_050)));
        assertArrayEquals(java.nio.file.Files.readAllBytes(b), java.nio.file.Files.readAllBytes(a));
    }
}
