package org.timbrelab.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A console progress bar for long commands: percent, count and ETA. On a terminal it redraws one line
 * (at most 4 times a second); when output is redirected it prints a line every 10 %. Thread-safe.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final String label;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos;
    private int lastDecile = -1;

    public ProgressBar(java.io.PrintStream out, String label) {
        this(new PrintWriter(out, true), label);
    }

    public ProgressBar(PrintWriter out, String label) {
        this(out, label, System.console() != null);
    }

    ProgressBar(PrintWriter out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    public synchronized void update(int done, int total) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (terminal) {
            if (!finished && now - lastDrawNanos < 250_000_000L) return;
            lastDrawNanos = now;
            out.print("\r" + line(done, total, now));
            if (finished) out.println();
        } else {
            int decile = total == 0 ? 10 : (int) (10L * done / total);
            if (decile == lastDecile) return;
            lastDecile = decile;
            out.println(line(done, total, now));
        }
        out.flush();
    }

    /** "label [#######-------]  45.0%  900/2000  ETA 0m12s". */
    String line(int done, int total, long now) {
        double fraction = total == 0 ? 1 : Math.min(1, done / (double) total);
        int filled = (int) Math.round(fraction * WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        String eta = done == 0 ? "--" : format(elapsed / done * (total - done));
        return String.format(Locale.ROOT, "%s [%s%s] %5.1f%%  %d/%d  %s %s", label, "#".repeat(filled), "-".repeat(WIDTH - filled),
                100 * fraction, done, total, done >= total ? "took" : "ETA", done >= total ? format(elapsed) : eta);
    }

    static String format(double seconds) {
        long s = Math.round(seconds);
        return s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
}
