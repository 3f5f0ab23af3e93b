package org.timbrelab.engine.nn;

import ai.djl.nn.Block;
import ai.djl.training.initializer.Initializer;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a model's convolutions draw their starting weights, set before {@link Layer#initialize}. Only a training run
 * from scratch draws them; a preset's weights are loaded over whatever was drawn.
 */
public enum WeightInit {
    /** DJL's default for weights: normal with std √(2 / fan_in) (He); biases zero. Every shipped preset was trained with it. */
    HE_NORMAL("he-normal"),
    /**
     * PyTorch's default for {@code nn.Conv2d}: weights and biases uniform in ±1/√fan_in ({@code kaiming_uniform_} with
     * a = √5), so weights have std 1/√(3 fan_in), 2.45× smaller than He-normal. With instance norms after most
     * convolutions a smaller weight is a larger step for Adam relative to the weight, so the starting scale changes how a
     * run trains, not just where it starts (docs/ARCHITECTURE.md, "The training step").
     */
    PYTORCH("pytorch");

    private final String key;

    WeightInit(String key) { this.key = key; }

    /** The name used in configs. */
    public String key() { return key; }

    /** The scheme named {@code key} in a config; fails naming the known ones. */
    public static WeightInit of(String key) {
        for (WeightInit w : values()) if (w.key.equals(key == null ? null : key.toLowerCase(Locale.ROOT))) return w;
        throw new IllegalArgumentException("init.weights must be one of " + Arrays.stream(values()).map(WeightInit::key).toList() + ", got '" + key + "'");
    }

    /** Sets this scheme on every convolution under {@code root}; call before the model is initialised. */
    public void applyTo(Block root) {
        if (root instanceof Conv conv) setOn(conv);
        for (Block child : root.getChildren().values()) applyTo(child);
    }

    private void setOn(Conv conv) {
        if (this == HE_NORMAL) return; // DJL's default, set by the parameter's type
        ConvSpec s = conv.spec();
        float bound = (float) (1 / Math.sqrt((double) s.in() * s.kernel() * s.kernel())); // 1/√fan_in, for weights and biases alike
        Initializer uniform = (manager, shape, type) -> manager.randomUniform(-bound, bound, shape, type, manager.getDevice());
        conv.weightParameter().setInitializer(uniform);
        conv.biasParameter().setInitializer(uniform);
    }
}
