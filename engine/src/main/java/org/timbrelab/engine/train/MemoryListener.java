package org.timbrelab.engine.train;

import java.io.PrintStream;
import java.util.Locale;

/** Prints RSS at start, every {@code every} steps and at stop: native memory must stay flat over a run. */
public final class MemoryListener implements TrainingListener {

    private final PrintStream out;
    private final long every;
    private double startRss;

    public MemoryListener(PrintStream out, long every) {
        this.out = out;
        this.every = every;
    }

    @Override public void onStart(long startStep, long totalSteps) {
        startRss = NativeMemory.rssMiB();
        out.printf(Locale.ROOT, "RSS at start: %.0f MiB (JVM heap committed %.0f MiB)%n", startRss, heapMiB());
    }

    @Override public void onStep(StepEvent e) {
        if (every > 0 && e.step() % every == 0) out.printf(Locale.ROOT, "RSS at step %d: %.0f MiB (JVM heap committed %.0f MiB)%n", e.step(), NativeMemory.rssMiB(), heapMiB());
    }

    @Override public void onStop(long completedSteps, StopReason reason, Throwable error) {
        double end = NativeMemory.rssMiB();
        out.printf(Locale.ROOT, "RSS at end: %.0f MiB (start %.0f MiB, change %+.0f MiB; JVM heap committed %.0f MiB)%n",
                end, startRss, end - startRss, heapMiB());
    }

    /** Committed Java heap: part of RSS that is not native (libtorch) memory. */
    private static double heapMiB() {
        return Runtime.getRuntime().totalMemory() / (1024.0 * 1024.0);
    }
}
