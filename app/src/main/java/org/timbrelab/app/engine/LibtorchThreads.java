package org.timbrelab.app.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import java.util.concurrent.locks.ReentrantLock;

/**
 * libtorch's intra-op thread count is process-wide: whoever runs engine work at one thread (a training run, the
 * wizard's speed probe) holds this lock from setting it to restoring it, so one cannot restore the other's setting
 * mid-run; the window and audio keep the other core meanwhile.
 */
final class LibtorchThreads {
    static final ReentrantLock LOCK = new ReentrantLock();

    /** Work run with one intra-op thread. */
    interface Work<T> {
        T run() throws Exception;
    }

    private LibtorchThreads() { }

    /** Runs {@code work} with one intra-op thread, waiting for whoever holds the setting now. */
    static <T> T withOne(Work<T> work) throws Exception {
        LOCK.lock();
        return runHolding(work);
    }

    /** As {@link #withOne}, but refuses at once when another run holds the setting. */
    static <T> T withOneIfFree(Work<T> work) throws Exception {
        if (!LOCK.tryLock()) throw new IllegalStateException("a training run is using the engine");
        return runHolding(work);
    }

    private static <T> T runHolding(Work<T> work) throws Exception {
        try {
            Engine.getEngine("PyTorch");
            int before = JniUtils.getNumThreads();
            JniUtils.setNumThreads(1);
            try {
                return work.run();
            } finally {
                if (before > 0) JniUtils.setNumThreads(before);
            }
        } finally {
            LOCK.unlock();
        }
    }
}
