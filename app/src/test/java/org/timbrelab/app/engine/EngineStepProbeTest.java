package org.timbrelab.app.engine;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;
import org.timbrelab.app.training.TrainingPlan;

import static org.junit.jupiter.api.Assertions.*;

/** The wizard's speed probe times real steps with one thread, leaves libtorch's thread count as it was, and steps aside while training runs. */
class EngineStepProbeTest {
    @Test void timesRealStepsAndRestoresTheThreadCount() throws Exception {
        Engine.getEngine("PyTorch");
        int before = JniUtils.getNumThreads();
        double ms = new EngineStepProbe().msPerStep(2, TrainingPlan.ModelSize.SMALL);
        assertTrue(ms > 1 && ms < 120_000, "a slim two-domain step takes a real, finite time: " + ms + " ms");
        assertEquals(before, JniUtils.getNumThreads(), "thread count restored");

        // while a training run holds libtorch's thread setting, the probe refuses rather than changing it under the run
        Thread holder = new Thread(() -> {
            LibtorchThreads.LOCK.lock();
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            } finally {
                LibtorchThreads.LOCK.unlock();
            }
        });
        holder.start();
        while (!LibtorchThreads.LOCK.isLocked()) Thread.onSpinWait();
        var e = assertThrows(IllegalStateException.class, () -> new EngineStepProbe().msPerStep(2, TrainingPlan.ModelSize.SMALL));
        assertTrue(e.getMessage().contains("training run"), e.getMessage());
        holder.interrupt();
        holder.join();
    }
}
