package org.timbrelab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchTest {

    @Test void harnessRunsWarmupPlusRepeatsAndReportsMedianAndBaselineRatio() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Bench b = new Bench(new PrintStream(buf, true, StandardCharsets.UTF_8), 2, 5);
        int[] calls = {0};
        Bench.Row fast = b.measure("fast", 1.0, () -> { calls[0]++; return sleep(2); });
        assertEquals(7, calls[0]);
        Bench.Row slow = b.measure("slow", 1.0, "fast", () -> sleep(12));
        assertTrue(fast.medianMs() >= 2 && slow.medianMs() >= 12, fast + " " + slow);
        assertEquals(slow.medianMs() / fast.medianMs(), slow.ratio(), 1e-9);
        assertEquals(1000 / fast.medianMs(), fast.timesRealtime(), 1e-9);
        assertTrue(slow.cpuMedianMs() < slow.medianMs() / 2, "sleeping costs wall time, not CPU: " + slow);
        b.printTable();
        String table = buf.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("x realtime") && table.contains("cpu ms") && table.contains("x fast"), table);
        assertThrows(IllegalArgumentException.class, () -> b.measure("other", 1, "missing", () -> 0));
    }

    @Test void aFigureMeasuredElsewhereIsABaselineForTheNextRow() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Bench b = new Bench(new PrintStream(buf, true, StandardCharsets.UTF_8), 0, 3);
        b.record("reference", 1000.0);   // e.g. the PyTorch reference's ms/step, from its own process
        Bench.Row row = b.measure("ours", 0, "reference", () -> { try { Thread.sleep(20); } catch (InterruptedException e) { } return 0; });
        assertEquals(row.medianMs() / 1000.0, row.ratio(), 1e-12);
        b.printTable();
        String table = buf.toString(StandardCharsets.UTF_8);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("reference") && l.contains("1000.0") && l.contains(" - ")), table);
        assertTrue(table.contains("x reference"), table);
    }

    @Test void alternatingPairsTakeTheMedianOfTheirRatiosOnADriftingMachine() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Bench b = new Bench(new PrintStream(buf, true, StandardCharsets.UTF_8), 1, 5);
        List<String> order = new ArrayList<>();
        double[] speed = {0.5};
        // the machine slows by 2x before every pair: the baseline reports 100 ms x slowness, the body sleeps 10 ms x slowness
        Bench.Row row = b.measureAlternating("ours", 30, "reference", () -> { speed[0] *= 2; order.add("ref"); return 100 * speed[0]; },
                () -> { order.add("ours"); return sleep((long) (10 * speed[0])); }, 0);
        assertEquals(List.of("ref", "ours", "ref", "ours", "ref", "ours", "ref", "ours", "ref", "ours", "ref", "ours"), order);
        assertEquals(800, b.rows().get(0).medianMs(), 1e-9, "timed baseline passes report 200, 400, 800, 1600, 3200 ms");
        assertEquals("reference", b.rows().get(0).name());
        assertTrue(row.ratio() >= 0.1 && row.ratio() < 0.2, "each pair is 10 ms against 100 ms at the same speed: " + row);
        b.printTable();
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("x reference (median of alternating pairs)"), buf.toString(StandardCharsets.UTF_8));
    }

    @Test void medianOfEvenAndOddCounts() {
        assertEquals(2.0, Bench.median(new double[]{3, 1, 2}));
        assertEquals(2.5, Bench.median(new double[]{4, 1, 2, 3}));
    }

    @Test void benchListsTheDspTopic() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            assertEquals(0, TimbreLabCli.execute("bench"));
        } finally {
            System.setOut(old);
        }
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("dsp"), buf.toString(StandardCharsets.UTF_8));
    }

    private static Object sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        return ms;
    }
}
