package org.timbrelab.engine.data.digits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitReadersTest {

    @TempDir Path dir;

    @Test void idxRoundTripPlainAndGzip() throws IOException {
        DigitSet set = DigitFixtures.generate(30, 1);
        for (boolean gz : new boolean[] {false, true}) {
            Path img = dir.resolve("i" + gz), lab = dir.resolve("l" + gz);
            IdxReader.write(set, img, lab, gz);
            if (gz) assertEquals(0x1f, Files.readAllBytes(img)[0] & 0xff);
            DigitSet back = IdxReader.read(img, lab);
            assertArrayEquals(set.labels(), back.labels());
            assertArrayEquals(set.pixels(), back.pixels(), 0.5f / 255 + 1e-6f); // 8-bit quantisation
        }
    }

    @Test void idxWithWrongMagicIsRejectedNamingTheFile() throws IOException {
        Path img = dir.resolve("img"), lab = dir.resolve("lab");
        IdxReader.write(DigitFixtures.generate(3, 1), img, lab, false);
        IOException e = assertThrows(IOException.class, () -> IdxReader.read(lab, lab));
        assertTrue(e.getMessage().contains(lab.toString()) && e.getMessage().contains("magic"), e.getMessage());
        byte[] bytes = Files.readAllBytes(img);
        Files.write(img, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        IOException t = assertThrows(IOException.class, () -> IdxReader.read(img, lab));
        assertTrue(t.getMessage().contains("truncated"), t.getMessage());
    }

    @Test void npmMnistJsonIsReadAndInterleavedByClass() throws IOException {
        // two images of each digit d, every pixel (d + 1) / 10 in the first and d / 20 in the second
        for (int d = 0; d < 10; d++) {
            StringBuilder sb = new StringBuilder("{ \"data\": [");
            for (int img = 0; img < 2; img++) {
                float v = img == 0 ? (d + 1) / 10f : d / 20f;
                for (int p = 0; p < 784; p++) sb.append(img + p == 0 ? "" : ",").append(v);
            }
            Files.writeString(dir.resolve(d + ".json"), sb.append("]}").toString());
        }
        assertTrue(MnistJsonReader.looksLike(dir));
        DigitSet s = DigitSources.load(dir.toString(), 0);
        assertEquals(20, s.count());
        assertEquals(28, s.size());
        assertEquals(3, s.labels()[3]);
        assertEquals(3, s.labels()[13]);
        assertEquals(0.4f, s.image(3)[100], 1e-6f);
        assertEquals(0.15f, s.image(13)[500], 1e-6f);
    }

    @Test void fixturesAreDeterministicAndDistinctPerClass() {
        DigitSet a = DigitFixtures.generate(20, 5);
        DigitSet b = DigitFixtures.generate(20, 5);
        assertArrayEquals(a.pixels(), b.pixels());
        float ink = 0;
        for (float p : a.image(1)) ink += p;
        assertTrue(ink > 10 && ink < 400, "a digit has some ink: " + ink);
        float diff = 0;
        float[] zero = a.image(0), eight = a.image(8);
        for (int i = 0; i < zero.length; i++) diff += Math.abs(zero[i] - eight[i]);
        assertTrue(diff > 5, "0 and 8 differ: " + diff);
    }

    @Test void splitKeepsEveryImageOnce() {
        DigitSet s = DigitFixtures.generate(100, 2);
        DigitSet[] parts = s.split(0.1);
        assertEquals(90, parts[0].count());
        assertEquals(10, parts[1].count());
        java.util.Set<Integer> testClasses = new java.util.HashSet<>();
        for (int l : parts[1].labels()) testClasses.add(l);
        assertTrue(testClasses.size() >= 5, "test digits of many classes, not a stride of the 0-9 cycle: " + testClasses);
    }

    @Test void missingDirectorySaysWhatToDo() {
        IOException e = assertThrows(IOException.class, () -> DigitSources.load(dir.resolve("none").toString(), 0));
        assertTrue(e.getMessage().contains("README"), e.getMessage());
    }
}
