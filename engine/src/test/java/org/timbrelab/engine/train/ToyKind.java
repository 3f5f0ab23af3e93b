package org.timbrelab.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.timbrelab.engine.config.ModelConfig;
import org.timbrelab.engine.config.TrainSettings;

import java.util.Map;
import java.util.Random;

/**
 * A tiny regression model for loop tests. It draws from both RNGs every step (Java: batch
 * indices; engine: input noise), so resume tests fail if either is not re-seeded.
 */
final class ToyKind implements ModelKind<ToyKind.Config> {

    record Config(String model, TrainSettings train, double lr, int hidden, boolean poison) implements ModelConfig {
        Config {
            if (hidden < 1) throw new IllegalArgumentException("hidden must be >= 1 (got " + hidden + ")");
        }
    }

    @Override public String name() {
        return "toy";
    }

    @Override public Class<Config> configType() {
        return Config.class;
    }

    @Override public TrainingRecipe create(Config config, RunContext context) {
        return new Recipe(config, context.manager());
    }

    static final class Recipe implements TrainingRecipe {
        final SequentialBlock mlp;
        final Adam adam;
        final NamedParameters params;
        private final NDArray x;
        private final NDArray y;
        private final Random random = new Random();
        private final boolean poison;

        Recipe(Config c, NDManager manager) {
            poison = c.poison();
            mlp = new SequentialBlock().add(Linear.builder().setUnits(c.hidden()).build()).add(Activation::tanh)
                    .add(Linear.builder().setUnits(1).build());
            mlp.initialize(manager, DataType.FLOAT32, new Shape(8, 2));
            params = NamedParameters.of("mlp", mlp);
            adam = new Adam("adam", AdamConfig.of(c.lr()), params);
            Random data = new Random(0);
            float[] xs = new float[64 * 2];
            float[] ys = new float[64];
            for (int i = 0; i < 64; i++) {
                xs[2 * i] = (float) data.nextGaussian();
                xs[2 * i + 1] = (float) data.nextGaussian();
                ys[i] = (float) (Math.sin(xs[2 * i]) + 0.5 * xs[2 * i + 1] * xs[2 * i + 1]);
            }
            x = manager.create(xs, new Shape(64, 2));
            y = manager.create(ys, new Shape(64, 1));
        }

        @Override public void reseed(long stepSeed) {
            random.setSeed(stepSeed);
        }

        @Override public Map<String, Float> step(NDManager sm, long step) {
            long[] idx = new long[8];
            for (int i = 0; i < 8; i++) idx[i] = random.nextInt(64);
            NDArray index = sm.create(idx);
            NDArray xb = x.get(index);
            xb.attach(sm);
            NDArray yb = y.get(index);
            yb.attach(sm);
            NDArray noisy = xb.add(sm.randomNormal(0, 0.05f, xb.getShape(), DataType.FLOAT32));
            float loss;
            adam.zeroGradients();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray pred = mlp.forward(new ParameterStore(sm, false), new NDList(noisy), true).singletonOrThrow();
                NDArray l = pred.sub(yb).square().mean();
                if (poison && step == 6) l = l.mul(Float.NaN);
                gc.backward(l);
                loss = l.getFloat();
            }
            if (!(poison && step == 6)) adam.step();
            return Map.of("mse", loss);
        }

        @Override public void saveState(CheckpointData out) {
            params.saveTo(out);
            adam.saveTo(out);
        }

        @Override public void loadState(CheckpointData in) {
            params.loadFrom(in);
            adam.loadFrom(in);
        }

        @Override public void close() {
            adam.close();
        }
    }
}
