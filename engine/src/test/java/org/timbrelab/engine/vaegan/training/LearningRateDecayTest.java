package org.timbrelab.engine.vaegan.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LearningRateDecayTest {
    @Test void fullRateUntilTheDecayStartsThenLinearlyDownToTheLastStep() {
        LearningRateDecay d = new LearningRateDecay(0.5, 1000);
        assertEquals(1.0, d.scale(0));
        assertEquals(1.0, d.scale(499));
        assertEquals(1.0, d.scale(500));
        assertEquals(0.5, d.scale(750), 1e-12);
        assertEquals(1 / 500.0, d.scale(999), 1e-12, "the last step still moves, a little");
        assertEquals(0.0, d.scale(1000), 1e-12);
        for (long i = 501; i < 1000; i++) assertTrue(d.scale(i) < d.scale(i - 1), "falls at every step: " + i);
    }

    @Test void oneMeansConstantAndBadFractionsAreRefused() {
        LearningRateDecay none = new LearningRateDecay(1, 1500);
        for (long i = 0; i <= 1500; i += 100) assertEquals(1.0, none.scale(i));
        assertEquals(1.0, LearningRateDecay.NONE.scale(123_456));
        assertThrows(IllegalArgumentException.class, () -> new LearningRateDecay(1.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new VaeGanTrainConfig.Schedule(-0.1));
    }
}
