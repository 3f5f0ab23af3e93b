package org.timbrelab.app.services;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one way the app runs work off the FX thread: a {@link Task} on a daemon worker, its message
 * and progress mirrored into status properties, success handed back on the FX thread, failure
 * turned into a {@link UserMessage} (the stack trace goes to the log only).
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    /** Work that reports progress (0..1) and a message while it runs. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Handle a work item uses to report; safe from any thread. */
    public interface Progress {
        void update(double fraction, String message);
        boolean isCancelled();
    }

    private final ExecutorService heavy = Executors.newSingleThreadExecutor(daemon("timbrelab-work"));
    private final ExecutorService light = Executors.newCachedThreadPool(daemon("timbrelab-io"));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final AtomicInteger running = new AtomicInteger();
    private Consumer<UserMessage> errorSink = m -> LOG.warn("{}: {}", m.title(), m.message());

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the FX thread and audio come first
            return t;
        };
    }

    /** Where failures are shown (the main window installs a dialog). */
    public void setErrorSink(Consumer<UserMessage> sink) { this.errorSink = sink; }

    /** Heavy work (tensors, vocoding) runs one at a time so it never fights for the 2 cores. */
    public <T> Task<T> heavy(String action, Work<T> work, Consumer<T> onSuccess) { return submit(heavy, action, work, onSuccess, e -> false, false); }

    /**
     * Closes a resource (e.g. the model being replaced) on the heavy worker, after the heavy work already queued, which
     * may still be using it; the FX thread never waits for it. No status line; a failure is logged only.
     */
    public void release(String what, AutoCloseable resource) {
        Runnable close = () -> {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", what, e.toString());
            }
        };
        try {
            heavy.execute(close);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) { // the app is closing: nothing else runs
            close.run();
        }
    }

    /** Short I/O (loading a file, listing presets). */
    public <T> Task<T> light(String action, Work<T> work, Consumer<T> onSuccess) { return submit(light, action, work, onSuccess, e -> false, false); }

    /**
     * Housekeeping I/O the user did not ask for (listing presets, reading the dashboard's snapshots, the recent-files
     * list): as {@link #light} but silent in the status bar unless it fails, which says what went wrong as any task does.
     */
    public <T> Task<T> quiet(String action, Work<T> work, Consumer<T> onSuccess) { return submit(light, action, work, onSuccess, e -> false, true); }

    /** As {@link #light} with {@code handled} seeing failures first (true: no dialog, e.g. a missing device shown as a notice). */
    public <T> Task<T> light(String action, Work<T> work, Consumer<T> onSuccess, Predicate<Throwable> handled) {
        return submit(light, action, work, onSuccess, handled, false);
    }

    /** As {@link #heavy} with a failure hook (true: handled, no dialog). */
    public <T> Task<T> heavy(String action, Work<T> work, Consumer<T> onSuccess, Predicate<Throwable> handled) {
        return submit(heavy, action, work, onSuccess, handled, false);
    }

    private <T> Task<T> submit(ExecutorService pool, String action, Work<T> work, Consumer<T> onSuccess, Predicate<Throwable> handled,
                               boolean quiet) {
        ReportingTask<T> task = new ReportingTask<>(action, work);
        if (!quiet) {
            task.messageProperty().addListener((o, a, b) -> status.set(b));
            task.progressProperty().addListener((o, a, b) -> progress.set(b.doubleValue()));
        }
        task.setOnSucceeded(e -> {
            finished();
            if (!quiet) status.set(action + ": done");
            if (onSuccess != null) onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished();
            UserMessage m = UserMessage.of(action, task.getException());
            status.set(m.title() + ": " + m.message());
            if (handled.test(task.getException())) { LOG.info("{} failed: {}", action, m.message()); return; }
            LOG.error("{} failed", action, task.getException());
            errorSink.accept(m);
        });
        task.setOnCancelled(e -> { finished(); if (!quiet) status.set(action + ": cancelled"); });
        running.incrementAndGet();
        busy.set(true);
        pool.execute(task);
        return task;
    }

    /** A Task that is its own progress handle. */
    private static final class ReportingTask<T> extends Task<T> implements Progress {
        private final String action;
        private final Work<T> work;

        ReportingTask(String action, Work<T> work) { this.action = action; this.work = work; }

        @Override protected T call() throws Exception {
            updateMessage(action + "…");
            return work.run(this);
        }

        @Override public void update(double fraction, String message) {
            updateProgress(fraction, 1.0);
            if (message != null) updateMessage(message);
        }
    }

    private void finished() {
        if (running.decrementAndGet() == 0) { busy.set(false); progress.set(0); }
    }

    /** Sets the status text from any thread. */
    public void status(String text) {
        if (Platform.isFxApplicationThread()) status.set(text);
        else Platform.runLater(() -> status.set(text));
    }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public void shutdown() { heavy.shutdownNow(); light.shutdownNow(); }
}
