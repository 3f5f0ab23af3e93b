package org.timbrelab.engine.vaegan.study;

import ai.djl.ndarray.NDArray;
import org.timbrelab.engine.data.StepBatch;
import org.timbrelab.engine.vaegan.ExtraGeneratorLoss;

import java.util.List;

/** Makes a study's extra generator term for each training step from that step's batch; the run closes it at its end. */
public interface ExtraLossSource extends AutoCloseable {
    /**
     * @param x     per domain, the step's crops (B, 1, mels, frames)
     * @param comb  per domain, their comb images, or null for a model without pitch conditioning
     * @param batch where the crops came from (files, offsets, octave shifts)
     */
    ExtraGeneratorLoss forStep(List<NDArray> x, List<NDArray> comb, StepBatch batch);

    @Override void close();
}
