package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WeightAverageTest {

    @Test void theAverageFollowsTheWeightsAtItsDecay() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {1f, -2f});
            try (WeightAverage avg = new WeightAverage("ema", 0.75, params)) {
                assertArrayEquals(new float[] {1f, -2f}, avg.valuesOf("w"), 0f, "starts at the weights");
                OneParameter.w(params).set(new float[] {5f, 2f});
                avg.update(); // 0.75·1 + 0.25·5 = 2; 0.75·(−2) + 0.25·2 = −1
                assertArrayEquals(new float[] {2f, -1f}, avg.valuesOf("w"), 1e-6f);
                avg.update(); // 0.75·2 + 0.25·5 = 2.75; 0.75·(−1) + 0.25·2 = −0.25
                assertArrayEquals(new float[] {2.75f, -0.25f}, avg.valuesOf("w"), 1e-6f);
                assertArrayEquals(new float[] {5f, 2f}, OneParameter.w(params).toFloatArray(), 0f, "the weights themselves are untouched");
            }
        }
    }

    @Test void swappingTwiceGivesTheRawWeightsBack() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {0f, 4f});
            try (WeightAverage avg = new WeightAverage("ema", 0.5, params)) {
                OneParameter.w(params).set(new float[] {2f, 8f});
                avg.update(); // average 1, 6
                NDArray same = OneParameter.w(params);
                avg.swap();
                assertArrayEquals(new float[] {1f, 6f}, OneParameter.w(params).toFloatArray(), 1e-6f, "the model holds the average");
                avg.swap();
                assertArrayEquals(new float[] {2f, 8f}, OneParameter.w(params).toFloatArray(), 0f, "and the raw weights again");
                assertArrayEquals(new float[] {1f, 6f}, avg.valuesOf("w"), 1e-6f);
                assertArrayEquals(same.toFloatArray(), OneParameter.w(params).toFloatArray(), 0f, "in place: the same array");
            }
        }
    }

    @Test void aCheckpointCarriesTheAverageAndOneWithoutItStartsAtTheWeights() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {0f, 0f});
            CheckpointData saved = new CheckpointData();
            try (WeightAverage avg = new WeightAverage("ema", 0.5, params)) {
                OneParameter.w(params).set(new float[] {4f, -4f});
                avg.update();
                avg.saveTo(saved);
            }
            try (WeightAverage restored = new WeightAverage("ema", 0.5, params)) {
                restored.loadFrom(saved);
                assertArrayEquals(new float[] {2f, -2f}, restored.valuesOf("w"), 1e-6f);
                restored.loadFrom(new CheckpointData());
                assertArrayEquals(new float[] {4f, -4f}, restored.valuesOf("w"), 0f);
            }
        }
    }

    @Test void aDecayOutsideZeroToOneIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            NamedParameters params = OneParameter.of(m, new float[] {1f});
            assertThrows(IllegalArgumentException.class, () -> new WeightAverage("ema", 1.0, params));
            assertThrows(IllegalArgumentException.class, () -> new WeightAverage("ema", 0.0, params));
        }
    }
}
