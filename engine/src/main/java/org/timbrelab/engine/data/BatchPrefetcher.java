package org.timbrelab.engine.data;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongFunction;

/**
 * Prepares the next batches on one background thread while the caller trains: a bounded queue
 * of {@code capacity} {@link StepBatch}es for consecutive steps from {@code firstStep}. Batches
 * are plain float arrays; the caller makes NDArrays in its own manager
 * ({@link DomainBatch#mels(ai.djl.ndarray.NDManager)}), so no native memory crosses threads.
 * {@link #next()} returns exactly {@code sampler.batch(firstStep)}, then {@code firstStep + 1}, …
 * A failure on the background thread is rethrown by {@code next()}. {@link #close()} stops and
 * joins the thread; use try-with-resources.
 */
public final class BatchPrefetcher implements AutoCloseable {

    private final BlockingQueue<Object> queue;
    private final Thread worker;
    private long nextStep;
    private volatile boolean closed;

    public BatchPrefetcher(BalancedSampler sampler, long firstStep, int capacity) {
        this(sampler::batch, firstStep, capacity);
    }

    /** Prefetches {@code source.apply(step)} for consecutive steps (any deterministic batch source). */
    BatchPrefetcher(LongFunction<StepBatch> source, long firstStep, int capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("capacity must be > 0, got " + capacity);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.nextStep = firstStep;
        this.worker = new Thread(() -> produce(source, firstStep), "dataset-prefetch");
        worker.setDaemon(true); // never keeps the JVM alive if a caller forgets close()
        worker.start();
    }

    private void produce(LongFunction<StepBatch> source, long firstStep) {
        try {
            for (long step = firstStep; !closed; step++) queue.put(source.apply(step));
        } catch (InterruptedException stop) {
            // close() asked us to stop
        } catch (RuntimeException | Error e) {
            try {
                queue.put(e);
            } catch (InterruptedException ignored) {
                // closing anyway
            }
        }
    }

    /** The batch of the next step; blocks until it is ready. */
    public StepBatch next() {
        if (closed) throw new IllegalStateException("prefetcher is closed");
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
        if (o instanceof RuntimeException e) throw new IllegalStateException("batch preparation failed: " + e.getMessage(), e);
        if (o instanceof Error e) throw e;
        StepBatch b = (StepBatch) o;
        if (b.step() != nextStep) throw new IllegalStateException("prefetcher out of order: got step " + b.step() + ", expected " + nextStep);
        nextStep++;
        return b;
    }

    /** Whether the background thread is still running (false after close). */
    public boolean isRunning() { return worker.isAlive(); }

    /** Stops the background thread and waits for it to end. Idempotent. */
    @Override public void close() {
        closed = true;
        worker.interrupt();
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (interrupted) Thread.currentThread().interrupt();
    }
}
