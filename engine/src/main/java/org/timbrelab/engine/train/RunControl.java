package org.timbrelab.engine.train;

/**
 * Pause, resume and cancel a running loop from another thread (the app's buttons, Ctrl-C).
 * The loop checks between steps, so a step is never cut in half.
 */
public final class RunControl {

    private boolean paused;
    private boolean cancelled;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Blocks while paused. Returns the milliseconds spent waiting (excluded from ETA), or -1 if the
     * run is cancelled.
     */
    synchronized long awaitRunnable() throws InterruptedException {
        long t0 = System.nanoTime();
        while (paused && !cancelled) wait();
        return cancelled ? -1 : (System.nanoTime() - t0) / 1_000_000;
    }
}
