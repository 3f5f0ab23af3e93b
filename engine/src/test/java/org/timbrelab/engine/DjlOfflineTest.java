package org.timbrelab.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PyTorch engine loads from the Maven native jar with the network forbidden. */
class DjlOfflineTest {
    @Test void pytorchEngineComputesOffline() {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals("PyTorch", Engine.getInstance().getEngineName());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            NDArray b = a.matMul(a);
            assertTrue(java.util.Arrays.equals(new float[] {7, 10, 15, 22}, b.toFloatArray()));
        }
    }
}
