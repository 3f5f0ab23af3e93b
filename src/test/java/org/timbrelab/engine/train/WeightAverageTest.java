package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightAverageTest {

    private static NamedParameters single(NDManager m, float[] init) {
        NDArray w = m.create(init);
        w.setRequiresGradient(true);
        return NamedParameters.of(Map.of("w", Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optArray(w).build()));
    }

    private static void setWeights(NamedParameters p, float... v) {
        Gradients.withoutGrad(() -> p.asMap().get("w").getArray().set(v));
    }

    @Test void averagesStepByStepAndCopiesIntoTheParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = single(m, new float[] {0f, 10f});
            try (WeightAverage avg = new WeightAverage("ema", 0.5, p)) {
                assertArrayEquals(new float[] {0f, 10f}, avg.valuesOf("w"), "starts at the weights");
                setWeights(p, 2f, 10f);
                avg.update();
                assertArrayEquals(new float[] {1f, 10f}, avg.valuesOf("w"), 1e-6f); // 0.5·0 + 0.5·2
                setWeights(p, 4f, 6f);
                avg.update();
                assertArrayEquals(new float[] {2.5f, 8f}, avg.valuesOf("w"), 1e-6f);
                assertArrayEquals(new float[] {4f, 6f}, p.asMap().get("w").getArray().toFloatArray(), "training weights untouched");
                avg.copyInto();
                assertArrayEquals(new float[] {2.5f, 8f}, p.asMap().get("w").getArray().toFloatArray(), 1e-6f);
            }
        }
    }

    @Test void checkpointRoundTripAndAStartWithoutASavedAverage() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters p = single(m, new float[] {1f, 1f});
            CheckpointData saved = new CheckpointData();
            try (WeightAverage avg = new WeightAverage("ema", 0.9, p)) {
                setWeights(p, 11f, 1f);
                avg.update(); // 0.9·1 + 0.1·11 = 2
                avg.saveTo(saved);
            }
            try (WeightAverage again = new WeightAverage("ema", 0.9, p)) {
                again.loadFrom(saved);
                assertArrayEquals(new float[] {2f, 1f}, again.valuesOf("w"), 1e-5f);
                again.loadFrom(new CheckpointData()); // a checkpoint from before averaging: start at the weights
                assertArrayEquals(new float[] {11f, 1f}, again.valuesOf("w"));
            }
            assertThrows(IllegalArgumentException.class, () -> new WeightAverage("ema", 1.0, p));
        }
    }
}
