package org.timbrelab.app.engine;

import java.util.concurrent.locks.ReentrantLock;

/**
 * libtorch's intra-op thread count is process-wide: whoever changes it (a training run, the wizard's speed probe)
 * holds this lock from setting it to restoring it, so one cannot restore the other's setting mid-run.
 */
final class LibtorchThreads {
    static final ReentrantLock LOCK = new ReentrantLock();

    private LibtorchThreads() { }
}
