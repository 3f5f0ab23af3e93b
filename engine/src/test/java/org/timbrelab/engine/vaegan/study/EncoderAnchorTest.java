package org.timbrelab.engine.vaegan.study;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** L_anchor on hand-made latents; the whole anchor in a run is exercised by VaeGanKindTest. */
class EncoderAnchorTest {

    @Test void anchorLossAveragesOnlyTheHeldCropsOfTheAnchoredDomains() {
        try (NDManager m = NDManager.newBaseManager()) {
            // 2 domains x 2 crops, latent (3, 2, 5); domain 1 is anchored to zeros, its crop 0 at |μ| = 2, crop 1 at 4
            NDArray[] mu = {m.ones(new Shape(2, 3, 2, 5)), m.full(new Shape(1, 3, 2, 5), 2f).concat(m.full(new Shape(1, 3, 2, 5), 4f), 0)};
            NDArray zeros = m.zeros(new Shape(2, 3, 2, 5));
            NDArray both = m.ones(new Shape(2, 1, 1, 1)), first = m.create(new float[] {1, 0}, new Shape(2, 1, 1, 1));
            assertEquals(3f, EncoderAnchor.loss(mu, new NDArray[] {null, zeros}, new NDArray[] {null, both}).getFloat(), 1e-6);
            assertEquals(2f, EncoderAnchor.loss(mu, new NDArray[] {null, zeros}, new NDArray[] {null, first}).getFloat(), 1e-6);
            NDArray none = m.zeros(new Shape(2, 1, 1, 1));
            assertEquals(0f, EncoderAnchor.loss(mu, new NDArray[] {null, zeros}, new NDArray[] {null, none}).getFloat(), 1e-6);
            // both domains anchored to zeros: (1 + 3) / 2
            assertEquals(2f, EncoderAnchor.loss(mu, new NDArray[] {zeros, zeros}, new NDArray[] {both, both}).getFloat(), 1e-6);
        }
    }
}
