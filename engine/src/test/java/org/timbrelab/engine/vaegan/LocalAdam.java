package org.timbrelab.engine.vaegan;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.List;

/** Test-only optimisers for the VAE-GAN step: DJL's Adam through optimizer.update (docs/ARCHITECTURE.md, "DJL facts"). */
final class LocalAdam implements Optimisers {
    private final List<Parameter> g;
    private final List<Parameter> d;
    private final Optimizer optG;
    private final Optimizer optD;

    LocalAdam(VaeGan model, float lr) {
        g = model.generatorSide().uniqueParameters();
        d = model.discriminatorSide().uniqueParameters();
        optG = Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).optBeta1(0.5f).build();
        optD = Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).optBeta1(0.5f).build();
        for (Parameter p : model.uniqueParameters()) p.getArray().setRequiresGradient(true);
    }

    @Override public void zeroAllGradients() {
        for (List<Parameter> side : List.of(g, d)) {
            for (Parameter p : side) {
                if (p.getArray().hasGradient()) JniUtils.zeroGrad((PtNDArray) p.getArray());
            }
        }
    }

    @Override public void stepGenerators() { update(optG, g); }

    @Override public void stepDiscriminators() { update(optD, d); }

    private static void update(Optimizer opt, List<Parameter> params) {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (Parameter p : params) {
                NDArray w = p.getArray();
                NDArray grad = w.getGradient();
                opt.update(p.getId(), w, grad);
                grad.close();
            }
        } finally {
            JniUtils.setGradMode(was);
        }
    }
}
