package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;

/**
 * One extra term a study adds to the generators' loss, L_G += weight · term (the shipped recipe adds none). The step
 * knows nothing of what it means: it hands over μ = E(x) inside the generators' gradient scope and logs the term
 * under {@link #name()}. The studies' terms live in {@code org.timbrelab.engine.vaegan.study}.
 */
public interface ExtraGeneratorLoss {
    /** The name the term is logged under (starts with "L_"). */
    String name();

    /** λ of the term. */
    float weight();

    /**
     * The unweighted term, a scalar with gradient.
     *
     * @param mu the encoder's μ of every domain's crops, concatenated in domain order: (n·B, C, F, T)
     */
    NDArray term(NDArray mu);
}
