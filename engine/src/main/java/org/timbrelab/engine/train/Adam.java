package org.timbrelab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.timbrelab.engine.nn.Scalars;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam written out, because DJL's PyTorch Adam keeps its moments where they cannot be saved
 * (so resume would not be exact) and its clipping clamps values instead of the global norm.
 * Update, per parameter w with gradient g (after global-norm clipping), PyTorch's form:
 * <pre>
 *   t += 1
 *   m = β1·m + (1−β1)·g          v = β2·v + (1−β2)·g²
 *   w -= lr/(1−β1^t) · m / (sqrt(v)/sqrt(1−β2^t) + eps)
 * </pre>
 * Moments live in this optimiser's own NDManager; {@link #saveTo}/{@link #loadFrom} move them in
 * and out of checkpoints. Call {@link #zeroGradients()} (on every group the backward reaches)
 * before each backward, and {@link #step()} after it.
 */
public final class Adam implements AutoCloseable {

    /**
     * What one step saw: the global gradient norm before clipping and the scale applied; a skipped
     * step (a NaN/∞ gradient, or finite gradients whose squared norm overflows float) has norm +∞ and scale 0.
     */
    public record StepReport(float gradNorm, float clipScale) {
        public boolean skipped() { return clipScale == 0f; }
    }

    /**
     * Non-finite steps in a row that are skipped before the run stops. A GAN occasionally spikes once; the n = 4
     * VAE-GAN also meets a lone NaN gradient every few hundred to thousand steps while every loss and input is
     * finite (docs/study-n-domains.md), and a skipped step leaves the weights exactly as they were.
     */
    public static final int MAX_SKIPPED_IN_A_ROW = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Adam.class);

    private final String name;
    private final AdamConfig config;
    private final NamedParameters params;
    private final Map<String, Parameter> trainable;
    private final NDManager manager;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long t;
    private int skippedInARow;
    private double lrScale = 1;

    /**
     * @param name   prefix of this optimiser's entries in a checkpoint (e.g. "optG")
     * @param params the parameters it updates (those with requiresGradient)
     */
    public Adam(String name, AdamConfig config, NamedParameters params) {
        this.name = name;
        this.config = config;
        this.params = params;
        this.trainable = params.trainable();
        if (trainable.isEmpty()) throw new IllegalArgumentException("optimiser " + name + " has no trainable parameters");
        this.manager = NDManager.newBaseManager();
        for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
            NDArray w = e.getValue().getArray();
            if (!w.hasGradient()) w.setRequiresGradient(true);
            m.put(e.getKey(), manager.zeros(w.getShape(), w.getDataType()));
            v.put(e.getKey(), manager.zeros(w.getShape(), w.getDataType()));
        }
    }

    /**
     * Multiplies the learning rate from the next step on (a schedule sets it before each step from the step index
     * alone, so a resumed run continues it exactly); 1 by default.
     */
    public void learningRateScale(double scale) {
        if (!(scale >= 0 && scale <= 1)) throw new IllegalArgumentException("learning-rate scale must be in [0, 1], got " + scale);
        this.lrScale = scale;
    }

    public NamedParameters parameters() {
        return params;
    }

    public AdamConfig config() {
        return config;
    }

    /** Number of steps taken so far (Adam's t). */
    public long steps() {
        return t;
    }

    public void zeroGradients() {
        Gradients.zero(params);
    }

    /**
     * Applies one update from the current gradients. A step with a NaN/Inf gradient, or with finite gradients so
     * large that their squared norm overflows, is skipped (nothing changes, t included) with a warning naming the
     * first bad parameter, as mixed-precision loss scalers do; more than {@link #MAX_SKIPPED_IN_A_ROW} in a row
     * stop the run with {@link NonFiniteException}, before anything is changed.
     */
    public StepReport step() {
        StepReport[] report = new StepReport[1];
        Gradients.withoutGrad(() -> report[0] = update());
        return report[0];
    }

    private StepReport update() {
        try (NDManager tmp = manager.newSubManager()) {
            List<NDArray> grads = new ArrayList<>(trainable.size());
            NDArray sumSq = null;
            for (Parameter p : trainable.values()) {
                NDArray g = p.getArray().getGradient();
                g.attach(tmp); // getGradient() attaches a new handle to the parameter's manager
                grads.add(g);
                NDArray s = g.square().sum();
                sumSq = sumSq == null ? s : sumSq.add(s);
            }
            float norm = (float) Math.sqrt(sumSq.getFloat());
            if (!Float.isFinite(norm)) {
                String why = describeNonFinite(grads);
                String what = why != null ? why : "gradient norm overflowed";
                if (++skippedInARow > MAX_SKIPPED_IN_A_ROW)
                    throw new NonFiniteException("optimiser " + name + " step " + (t + 1) + ": " + what + " " + skippedInARow
                            + " steps in a row; lower the learning rate, set clipNorm, or check the inputs");
                LOG.warn("optimiser {} step {}: {}; step skipped, weights unchanged ({} in a row)", name, t + 1, what, skippedInARow);
                return new StepReport(Float.POSITIVE_INFINITY, 0f);
            }
            skippedInARow = 0;
            float scale = config.clipNorm() > 0 && norm > config.clipNorm()
                    ? (float) (config.clipNorm() / (norm + 1e-6)) : 1f;

            t++;
            double b1 = config.beta1();
            double b2 = config.beta2();
            double bc1 = 1 - Math.pow(b1, t);
            double bc2 = 1 - Math.pow(b2, t);
            float stepSize = (float) (config.lr() * lrScale / bc1);
            float sqrtBc2 = (float) Math.sqrt(bc2);
            int i = 0;
            for (Map.Entry<String, Parameter> e : trainable.entrySet()) {
                NDArray g = grads.get(i++);
                NDArray mi = m.get(e.getKey());
                NDArray vi = v.get(e.getKey());
                mi.muli((float) b1).addi(Scalars.mul(g, (1 - b1) * scale));
                vi.muli((float) b2).addi(g.square().muli((float) ((1 - b2) * scale * scale)));
                // results of ops on the moments land in their manager: move temporaries to tmp
                NDArray denom = vi.sqrt();
                denom.attach(tmp);
                denom.divi(sqrtBc2).addi((float) config.eps());
                NDArray update = mi.div(denom);
                update.attach(tmp);
                e.getValue().getArray().subi(update.muli(stepSize));
            }
            return new StepReport(norm, scale);
        }
    }

    /** Names the first parameter with a NaN or infinite gradient element, or null if every element is finite. */
    private String describeNonFinite(List<NDArray> grads) {
        int i = 0;
        for (String key : trainable.keySet()) {
            NDArray g = grads.get(i++);
            if (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean()) {
                return "gradient of " + key + " is NaN or infinite";
            }
        }
        return null;
    }

    /** Stores the moments and t under "{name}/m/…", "{name}/v/…", "{name}/t". */
    public void saveTo(CheckpointData out) {
        out.putLong(name + "/t", t);
        m.forEach((k, a) -> out.put(name + "/m/" + k, a));
        v.forEach((k, a) -> out.put(name + "/v/" + k, a));
    }

    public void loadFrom(CheckpointData in) {
        t = in.requireLong(name + "/t");
        m.forEach((k, a) -> a.set(in.require(name + "/m/" + k, a.getShape())));
        v.forEach((k, a) -> a.set(in.require(name + "/v/" + k, a.getShape())));
    }

    @Override public void close() {
        manager.close();
    }
}
