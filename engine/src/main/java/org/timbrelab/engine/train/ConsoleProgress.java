package org.timbrelab.engine.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** Prints one progress line (percent, losses, ms/step, ETA) every {@code every} steps and at the end. */
public final class ConsoleProgress implements TrainingListener {

    private final PrintStream out;
    private final long every;
    private StepEvent last;

    public ConsoleProgress(PrintStream out, long every) {
        this.out = out;
        this.every = Math.max(1, every);
    }

    @Override public void onStart(long startStep, long totalSteps) {
        out.printf(Locale.ROOT, "%s at step %d of %d%n", startStep > 0 ? "resuming" : "starting", startStep, totalSteps);
    }

    @Override public void onStep(StepEvent e) {
        last = e;
        if (e.step() % every == 0 || e.step() == e.totalSteps()) out.println(format(e));
    }

    @Override public void onStop(long completedSteps, StopReason reason, Throwable error) {
        String ms = last == null ? "" : String.format(Locale.ROOT, ", %.1f ms/step", last.msPerStep());
        out.printf(Locale.ROOT, "stopped after step %d: %s%s%s%n", completedSteps, reason.name().toLowerCase(Locale.ROOT),
                ms, error == null ? "" : " (" + error.getMessage() + ")");
    }

    /** "step 120/2000 (6.0%) loss=0.1234 kl=2.5 | 35.2 ms/step | ETA 1m06s". */
    public static String format(StepEvent e) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "step %d/%d (%.1f%%)", e.step(), e.totalSteps(), e.percent()));
        for (Map.Entry<String, Float> l : e.losses().entrySet()) {
            sb.append(String.format(Locale.ROOT, " %s=%.4g", l.getKey(), l.getValue()));
        }
        long eta = Math.round(e.etaSeconds());
        sb.append(String.format(Locale.ROOT, " | %.1f ms/step | ETA %dm%02ds", e.msPerStep(), eta / 60, eta % 60));
        return sb.toString();
    }
}
