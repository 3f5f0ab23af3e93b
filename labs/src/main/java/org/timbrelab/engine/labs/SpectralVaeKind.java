package org.timbrelab.engine.labs;

import org.timbrelab.dsp.SpectrogramImage;
import org.timbrelab.engine.data.DatasetOptions;
import org.timbrelab.engine.data.DatasetListener;
import org.timbrelab.engine.data.DomainDataset;
import org.timbrelab.engine.train.ModelKind;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.StepEvent;
import org.timbrelab.engine.train.StopReason;
import org.timbrelab.engine.train.TrainingListener;
import org.timbrelab.engine.train.TrainingRecipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code model: spectral-vae} — Lab 4. Snapshots a latent PCA map; writes it again at the end. */
public final class SpectralVaeKind implements ModelKind<SpectralVaeConfig> {

    public static final String NAME = "spectral-vae";

    @Override public String name() {
        return NAME;
    }

    @Override public Class<SpectralVaeConfig> configType() {
        return SpectralVaeConfig.class;
    }

    @Override public TrainingRecipe create(SpectralVaeConfig config, RunContext context) {
        DatasetOptions opts = DatasetOptions.defaults().withCacheRoot(Path.of(config.data().cacheRoot())).withTrackPitch(false);
        List<DomainDataset> domains = new ArrayList<>();
        for (String dir : config.data().domains()) {
            domains.add(DomainDataset.open(Path.of(dir), opts, DatasetListener.LOGGING));
        }
        SpectralVaeRecipe r = new SpectralVaeRecipe(config, context.manager(), domains);
        double flops = 6.0 * r.model().forwardMacsPerCrop() * r.batchSize();
        StringBuilder sb = new StringBuilder();
        for (DomainDataset d : domains) sb.append(String.format(Locale.ROOT, " %s: %d files", SpectralLab.instrumentOf(d), d.files().size()));
        context.out().printf(Locale.ROOT, "spectral-vae:%s; %,d parameters, batch %d crops of %d frames, ≈ %.2f GFLOP per step%n",
                sb, r.model().parameters().count(), r.batchSize(), config.vae().cropFrames(), flops / 1e9);
        return r;
    }

    @Override public List<TrainingListener> listeners(SpectralVaeConfig config, TrainingRecipe recipe, RunContext ctx) {
        SpectralVaeRecipe r = (SpectralVaeRecipe) recipe;
        return List.of(new TrainingListener() {
            @Override public void onStep(StepEvent e) {
                if (e.step() % config.train().reportEvery() == 0) snapshot(r, ctx);
            }

            @Override public void onStop(long completed, StopReason reason, Throwable error) {
                if (reason == StopReason.COMPLETED || reason == StopReason.CANCELLED) snapshot(r, ctx);
            }
        });
    }

    static void snapshot(SpectralVaeRecipe r, RunContext ctx) {
        try {
            org.timbrelab.engine.train.LossCurvePlot.writePng(SpectralLab.scatter(SpectralLab.notePoints(r, ctx.manager())),
                    ctx.runDir().resolve("latents_pca.png"));
            DomainDataset first = r.domains().get(0);
            float[] crop = SpectralLab.firstCrop(first, 0, r.model().frames());
            float[] mu;
            try (ai.djl.ndarray.NDManager m = ctx.manager().newSubManager()) {
                mu = r.model().encode(m.create(crop, new ai.djl.ndarray.types.Shape(1, 1, r.model().mels(), r.model().frames())))[0]
                        .toFloatArray();
            }
            var recon = SpectralLab.interpolate(r, ctx.manager(), mu, mu, LatentPaths.Mode.LERP, 2).sliceFrames(0, r.model().frames());
            var orig = new org.timbrelab.dsp.Spectrogram(crop, r.model().mels(), r.model().frames(), first.config());
            SpectrogramImage.writePng(orig, SpectrogramImage.Options.DEFAULT.withTitle("input: " + first.chunks().get(0).file()),
                    ctx.runDir().resolve("input.png"));
            SpectrogramImage.writePng(recon, SpectrogramImage.Options.DEFAULT.withTitle("reconstruction from μ"),
                    ctx.runDir().resolve("reconstruction.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(ctx.runDir() + ": cannot write snapshots (" + e.getMessage() + ")", e);
        }
    }
}
