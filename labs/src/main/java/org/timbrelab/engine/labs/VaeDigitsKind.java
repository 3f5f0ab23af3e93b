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
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code model: vae-digits} — Lab 1. Snapshots samples.png and reconstructions.png; scores the test set at the end. */
public final class VaeDigitsKind implements ModelKind<VaeDigitsConfig> {

    public static final String NAME = "vae-digits";

    @Override public String name() {
        return NAME;
    }

    @Override public Class<VaeDigitsConfig> configType() {
        return VaeDigitsConfig.class;
    }

    @Override public TrainingRecipe create(VaeDigitsConfig config, RunContext context) {
        try {
            VaeDigitsRecipe r = new VaeDigitsRecipe(config, context.manager(), DigitSources.load(config.data().source(), config.train().seed()));
            context.out().printf(Locale.ROOT, "vae-digits: %d train / %d test digits, %,d parameters, ≈ %.2f GFLOP per training step (6 × forward MACs)%n",
                    r.trainSet().count(), r.testSet().count(), r.model().parameters().count(),
                    r.model().trainFlopsPerStep(config.vae().batch()) / 1e9);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("data.source: " + e.getMessage(), e);
        }
    }

    @Override public List<TrainingListener> listeners(VaeDigitsConfig config, TrainingRecipe recipe, RunContext ctx) {
        VaeDigitsRecipe r = (VaeDigitsRecipe) recipe;
        return List.of(new TrainingListener() {
            @Override public void onStep(StepEvent e) {
                if (e.step() % config.train().reportEvery() == 0) snapshot(r, ctx);
            }

            @Override public void onStop(long completed, StopReason reason, Throwable error) {
                if (reason != StopReason.COMPLETED && reason != StopReason.CANCELLED) return;
                snapshot(r, ctx);
                VaeDigitsLab.TestScores s = VaeDigitsLab.evaluate(r, ctx.manager(), 1234);
                String text = String.format(Locale.ROOT,
                        "{\"step\": %d, \"test_images\": %d, \"test_bce_from_mean\": %.3f, \"test_kl\": %.3f, \"test_neg_elbo\": %.3f}%n",
                        completed, s.images(), s.bceFromMean(), s.kl(), s.negElbo());
                ctx.out().print("test scores (nats/image): " + text);
                write(ctx.runDir().resolve("test_scores.json"), text);
            }
        });
    }

    static void snapshot(VaeDigitsRecipe r, RunContext ctx) {
        try {
            LossCurvePlot.writePng(DigitImages.grid(VaeDigitsLab.samples(r, ctx.manager(), 64, 1), 28, 8, 2),
                    ctx.runDir().resolve("samples.png"));
            LossCurvePlot.writePng(DigitImages.grid(VaeDigitsLab.reconstructions(r, ctx.manager(), 32), 28, 8, 2),
                    ctx.runDir().resolve("reconstructions.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(ctx.runDir() + ": cannot write snapshots (" + e.getMessage() + ")", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
