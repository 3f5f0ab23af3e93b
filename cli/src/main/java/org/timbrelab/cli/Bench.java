package org.timbrelab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A small benchmark harness for {@code bench} topics: each case runs {@code warmup} untimed
 * times, then {@code repeats} timed times; the table reports the median and minimum wall-clock
 * ms, the median CPU ms of the calling thread (on a shared machine the wall clock includes time
 * spent waiting for a core; CPU time does not, and equals wall time on an idle machine for
 * single-threaded work), × realtime (from the wall-clock median) for the audio it processed, and
 * the ratio of its median to a named baseline row. To add a topic, write a subcommand of {@link BenchCommand} that mixes
 * in {@link BenchCommand.Options}, calls {@link #measure} per case and {@link #printTable()}
 * (see {@link BenchDspCommand}), and register it in {@link BenchCommand}'s subcommands.
 */
public final class Bench {

    /** One measured case. {@code audioSeconds} 0 means "not audio" (no × realtime). */
    public record Row(String name, double medianMs, double minMs, double cpuMedianMs, double audioSeconds, String baseline, double ratio) {

        /** Seconds of audio processed per second of wall time. */
        public double timesRealtime() { return audioSeconds > 0 ? audioSeconds * 1000 / medianMs : Double.NaN; }
    }

    private final PrintStream out;
    private final int warmup, repeats;
    private final List<Row> rows = new ArrayList<>();
    /** Rows whose ratio is the median of alternating pairs ({@link #measureAlternating}). */
    private final java.util.Set<String> alternated = new java.util.HashSet<>();
    /** Results are kept here so the JIT cannot drop the benchmarked work. */
    private volatile Object sink;

    public Bench(PrintStream out, int warmup, int repeats) {
        if (warmup < 0 || repeats < 1) throw new IllegalArgumentException("need warmup >= 0 and repeats >= 1, got " + warmup + ", " + repeats);
        this.out = out;
        this.warmup = warmup;
        this.repeats = repeats;
    }

    /** Times {@code body} with no baseline. */
    public Row measure(String name, double audioSeconds, Supplier<?> body) {
        return measure(name, audioSeconds, null, body);
    }

    /**
     * Times {@code body}; {@code baseline} names an earlier row to compare with (ratio = this
     * median / baseline median), or null.
     */
    public Row measure(String name, double audioSeconds, String baseline, Supplier<?> body) {
        Row base = baseline == null ? null : rows.stream().filter(r -> r.name().equals(baseline)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no bench row named '" + baseline + "' measured before '" + name + "'"));
        out.printf(Locale.ROOT, "  %s: %d warm-up + %d timed runs...%n", name, warmup, repeats);
        out.flush();
        for (int i = 0; i < warmup; i++) sink = body.get();
        double[] ms = new double[repeats], cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long c0 = cpuNanos(), t0 = System.nanoTime();
            sink = body.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (cpuNanos() - c0) / 1e6;
        }
        double median = median(ms), min = Arrays.stream(ms).min().orElseThrow();
        Row row = new Row(name, median, min, median(cpu), audioSeconds, baseline, base == null ? Double.NaN : median / base.medianMs());
        rows.add(row);
        return row;
    }

    /** One timed pass of a baseline measured elsewhere (e.g. another process), in ms. */
    public interface ExternalPass { double ms() throws Exception; }

    /**
     * Times {@code body} and {@code baseline} in alternation — a baseline pass, then one of the body, {@code warmup} times
     * untimed and {@code repeats} times timed, each after {@code settleMs} of idle time (so neither side's worker
     * threads, which may keep spinning for a while after a pass, still hold the cores when the other starts) — and adds
     * two rows: {@code baselineName} (its own reported times) and {@code name}, whose ratio is the median of the
     * per-pair ratios (on a machine whose speed drifts, a pair's ratio is steadier than a ratio of separate medians).
     */
    public Row measureAlternating(String name, double audioSeconds, String baselineName, ExternalPass baseline, Supplier<?> body,
                                  long settleMs) throws Exception {
        out.printf(Locale.ROOT, "  %s against %s, alternating (%d ms apart): %d warm-up + %d timed pairs...%n", name, baselineName,
                settleMs, warmup, repeats);
        out.flush();
        for (int i = 0; i < warmup; i++) {
            Thread.sleep(settleMs);
            baseline.ms();
            Thread.sleep(settleMs);
            sink = body.get();
        }
        double[] base = new double[repeats], ms = new double[repeats], cpu = new double[repeats], ratio = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Thread.sleep(settleMs);
            base[i] = baseline.ms();
            Thread.sleep(settleMs);
            long c0 = cpuNanos(), t0 = System.nanoTime();
            sink = body.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (cpuNanos() - c0) / 1e6;
            ratio[i] = ms[i] / base[i];
        }
        rows.add(new Row(baselineName, median(base), Arrays.stream(base).min().orElseThrow(), Double.NaN, 0, null, Double.NaN));
        Row row = new Row(name, median(ms), Arrays.stream(ms).min().orElseThrow(), median(cpu), audioSeconds, baselineName, median(ratio));
        rows.add(row);
        alternated.add(name);
        return row;
    }

    /**
     * A figure measured elsewhere (another process, e.g. the PyTorch reference), entered as a row so later rows can
     * name it as their baseline. Its min and CPU columns are unknown.
     */
    public Row record(String name, double medianMs) {
        Row row = new Row(name, medianMs, Double.NaN, Double.NaN, 0, null, Double.NaN);
        rows.add(row);
        return row;
    }

    public List<Row> rows() { return List.copyOf(rows); }

    /** Prints all rows measured so far as an aligned table. */
    public void printTable() {
        int w = Math.max(4, rows.stream().mapToInt(r -> r.name().length()).max().orElse(4));
        String head = "%-" + w + "s  %10s  %10s  %10s  %12s  %s%n";
        out.printf(Locale.ROOT, head, "case", "median ms", "min ms", "cpu ms", "x realtime", "vs baseline");
        for (Row r : rows) {
            String rt = Double.isNaN(r.timesRealtime()) ? "-" : String.format(Locale.ROOT, "%.1f", r.timesRealtime());
            String vs = r.baseline() == null ? "" : String.format(Locale.ROOT, "%.2fx %s", r.ratio(), r.baseline())
                    + (alternated.contains(r.name()) ? " (median of alternating pairs)" : "");
            String c = Double.isNaN(r.cpuMedianMs()) ? "-" : String.format(Locale.ROOT, "%.1f", r.cpuMedianMs());
            out.printf(Locale.ROOT, "%-" + w + "s  %10.1f  %10s  %10s  %12s  %s%n", r.name(), r.medianMs(),
                    Double.isNaN(r.minMs()) ? "-" : String.format(Locale.ROOT, "%.1f", r.minMs()), c, rt, vs);
        }
        out.printf(Locale.ROOT, "(%d warm-up + %d timed runs each; ms are wall clock except cpu ms = this thread's CPU time; "
                + "%d available processors, load average %.1f)%n", warmup, repeats, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.flush();
    }

    /** CPU time of the calling thread in ns (0 where the JVM cannot measure it). */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : 0;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
