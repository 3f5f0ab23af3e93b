package org.timbrelab.engine.labs;

import org.timbrelab.engine.data.digits.DigitSources;
import org.timbrelab.engine.train.LossCurvePlot;
import org.timbrelab.engine.train.ModelKind;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.StepEvent;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingListener;
import org.timbrelab.engine.train.TrainingRecipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code model: gan-digits} — Lab 2, one GAN loss per run; {@code gan-compare} runs all four. */
public final class GanDigitsKind implements ModelKind<GanDigitsConfig> {

    public static final String NAME = "gan-digits";

    @Override public String name() {
        return NAME;
    }

    @Override public Class<GanDigitsConfig> configType() {
        return GanDigitsConfig.class;
    }

    @Override public TrainingRecipe create(GanDigitsConfig config, RunContext context) {
        try {
            GanDigitsRecipe r = new GanDigitsRecipe(config, context.manager(), DigitSources.load(config.data().source(), config.train().seed()));
            long[] macs = r.model().forwardMacsPerImage();
            int b = config.gan().batch();
            int k = config.gan().criticSteps();
            // D step: G forward (2·MACs_G) + D fwd/bwd on real and fake (2 × 6·MACs_D); G step: 6·(MACs_G + MACs_D)
            double flops = b * (k * (2.0 * macs[0] + 12.0 * macs[1]) + 6.0 * (macs[0] + macs[1]));
            context.out().printf(Locale.ROOT, "gan-digits (%s): %d train digits, G %,d / D %,d parameters, ≈ %.2f GFLOP per step%n",
                    config.gan().loss(), r.trainSet().count(), r.model().generatorParameters().count(),
                    r.model().discriminatorParameters().count(), flops / 1e9);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("data.source: " + e.getMessage(), e);
        }
    }

    @Override public List<TrainingListener> listeners(GanDigitsConfig config, TrainingRecipe recipe, RunContext ctx) {
        GanDigitsRecipe r = (GanDigitsRecipe) recipe;
        return List.of(new TrainingListener() {
            @Override public void onStep(StepEvent e) {
                if (e.step() % config.train().reportEvery() == 0) snapshot(r, ctx);
            }

            @Override public void onStop(long completed, StopReason reason, Throwable error) {
                if (reason == StopReason.COMPLETED || reason == StopReason.CANCELLED) snapshot(r, ctx);
            }
        });
    }

    static void snapshot(GanDigitsRecipe r, RunContext ctx) {
        try {
            LossCurvePlot.writePng(DigitImages.grid(Arrays.asList(r.samples(ctx.manager(), 64, 1)), 28, 8, 2),
                    ctx.runDir().resolve("samples.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(ctx.runDir() + ": cannot write samples.png (" + e.getMessage() + ")", e);
        }
    }
}
