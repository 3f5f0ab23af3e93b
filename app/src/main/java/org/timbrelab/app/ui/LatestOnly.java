package org.timbrelab.app.ui;

import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.util.Duration;

import java.util.function.Supplier;

/**
 * Debounced "latest wins" runner for slider/drag driven work: requests within the quiet time
 * collapse into one; while a task runs, only the newest request is kept and runs after it.
 * The FX thread never waits. FX thread only.
 */
final class LatestOnly {
    private final PauseTransition quiet;
    private Supplier<Task<?>> pending;
    private Task<?> running;

    LatestOnly(Duration quietTime) {
        quiet = new PauseTransition(quietTime);
        quiet.setOnFinished(e -> startIfIdle());
    }

    void request(Supplier<Task<?>> starter) {
        pending = starter;
        quiet.playFromStart();
    }

    private void startIfIdle() {
        if (running != null || pending == null) return;
        Supplier<Task<?>> s = pending;
        pending = null;
        running = s.get();
        if (running == null) return;
        running.stateProperty().addListener((o, a, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                running = null;
                startIfIdle();
            }
        });
    }
}
