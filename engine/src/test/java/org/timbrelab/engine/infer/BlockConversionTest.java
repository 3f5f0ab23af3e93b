package org.timbrelab.engine.infer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.engine.preset.TestPresets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.*;

/** A long input converted in blocks: no seams, one register for the whole input, progress, cancellation. */
class BlockConversionTest {
    @TempDir static Path tmp;
    static Converter converter;

    @BeforeAll static void preset() {
        converter = Converter.load(TestPresets.write(tmp.resolve("p"), true, 5));
    }

    @AfterAll static void close() { converter.close(); }

    @Test void overlappingFadesAddUpToOne() {
        int n = 1000, block = 300, fade = 40;
        float[] out = new float[n];
        int blocks = (n + block - 1) / block;
        for (int k = 0; k < blocks; k++) {
            int core = k * block, start = Math.max(0, core - fade), end = Math.min(n, core + block + fade);
            float[] ones = new float[end - start];
            Arrays.fill(ones, 1f);
            BlockConversion.addFaded(out, ones, start, end, core, Math.min(n, core + block), fade, k > 0, k < blocks - 1);
        }
        for (int t = 0; t < n; t++) assertEquals(1f, out[t], 1e-5f, "sample " + t);
    }

    @Test void aSteadyToneConvertedInBlocksHasNoSeamsAndOneRegister() {
        AudioClip tone = ConverterTest.harmonicTone(150, 2.5 * BlockConversion.BLOCK_SECONDS, 0.3);
        List<String> seen = new ArrayList<>();
        Map<String, Converter.Converted> y = BlockConversion.convert(converter, tone, List.of("violin"), Register.AUTO, converter.defaults(),
                (done, blocks) -> seen.add(done + "/" + blocks));
        assertEquals(List.of("1/3", "2/3", "3/3"), seen);
        Converter.Converted v = y.get("violin");
        assertEquals(tone.length(), v.audio().length());
        assertEquals(converter.shiftFor(tone, "violin", Register.AUTO), v.octaves(), "the whole input's register");
        // 100-ms RMS across each seam stays within 3 dB of the one-piece conversion's level: no dip, no click
        AudioClip onePiece = converter.convert(tone, "violin", Register.octaves(v.octaves())).audio();
        double level = rmsDb(onePiece.samples(), 16_000, onePiece.length() - 16_000);
        for (int seam = 1; seam < 3; seam++) {
            int at = (int) (seam * BlockConversion.BLOCK_SECONDS * 16_000);
            for (int s = at - 16_000; s < at + 16_000; s += 1_600) {
                double db = rmsDb(v.audio().samples(), s, s + 1_600);
                assertEquals(level, db, 3.0, "100 ms at " + s / 16_000.0 + " s, seam at " + at / 16_000.0 + " s");
            }
        }
    }

    @Test void anInterruptedConversionStopsBetweenBlocks() {
        AudioClip tone = ConverterTest.harmonicTone(150, 2.5 * BlockConversion.BLOCK_SECONDS, 0.3);
        try {
            assertThrows(CancellationException.class, () -> BlockConversion.convert(converter, tone, List.of("violin"), Register.octaves(1), converter.defaults(),
                    (done, blocks) -> Thread.currentThread().interrupt()));
        } finally {
            Thread.interrupted();   // clear the flag for the next test
        }
    }

    private static double rmsDb(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i] * x[i];
        return 10 * Math.log10(s / (to - from) + 1e-20);
    }
}
