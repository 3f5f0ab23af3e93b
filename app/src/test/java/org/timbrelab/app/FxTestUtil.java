package org.timbrelab.app;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small helpers for tests that run code on the FX thread and wait for background work. */
public final class FxTestUtil {
    private FxTestUtil() { }

    /** Runs {@code c} on the FX thread after pending events, returning its result. */
    public static <T> T onFx(Callable<T> c) {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed: " + e, e);
        }
    }

    /** Waits (≤ seconds) until the condition, checked on the FX thread, holds. */
    public static void waitUntil(double seconds, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (onFx(condition::getAsBoolean)) return;
            try { Thread.sleep(50); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return; }
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
    }
}
