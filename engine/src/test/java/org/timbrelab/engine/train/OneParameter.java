package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.util.Map;

/** Tests' parameter group of one learning weight vector "w", for optimiser and weight-average arithmetic. */
final class OneParameter {
    private OneParameter() { }

    static NamedParameters of(NDManager m, float[] init) {
        NDArray w = m.create(init);
        w.setRequiresGradient(true);
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).optArray(w).build();
        return NamedParameters.of(Map.of("w", p));
    }

    /** The group's weights, as the optimiser sees them now. */
    static NDArray w(NamedParameters p) {
        return p.asMap().get("w").getArray();
    }
}
