package org.timbrelab.engine.preset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.vaegan.VaeGan;
import org.timbrelab.engine.vaegan.VaeGanConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds small randomly initialised presets for tests (untrained: only plumbing is tested with them). */
public final class TestPresets {
    private TestPresets() { }

    public static final List<String> DOMAINS = List.of("voice", "violin", "cello");
    public static final double[] MEDIANS = {150, 300, 440};

    public static VaeGanConfig tinyConfig(boolean pitch) {
        return new VaeGanConfig(DOMAINS, 128, 4, 1, 1, 1, 4, 2, pitch);
    }

    public static PresetInfo info(VaeGanConfig cfg) {
        List<DomainInfo> d = new ArrayList<>();
        String[] colours = {"#1f77b4", "#d62728", "#2ca02c"};
        for (int i = 0; i < cfg.domains().size(); i++) d.add(new DomainInfo(cfg.domains().get(i), colours[i % 3], MEDIANS[i % 3]));
        return new PresetInfo(PresetStore.VERSION, "test", cfg, SpectrogramConfig.DEFAULT, d, cfg.pitchConditioning(),
                new TrainingSummary(0, 0, 0, Map.of("L_rec", 0.5), "random weights for tests"));
    }

    public static LatentPoints points(VaeGanConfig cfg, int n, long seed) {
        Random r = new Random(seed);
        int d = cfg.latentChannels() * cfg.melBins() / 4;
        List<LatentPoints.Source> s = new ArrayList<>();
        float[][] p = new float[n][d], c = new float[n][2], basis = new float[2][d];
        for (int i = 0; i < n; i++) {
            s.add(new LatentPoints.Source(cfg.domains().get(i % cfg.domains().size()), "f" + i + ".wav", i));
            for (int j = 0; j < d; j++) p[i][j] = (float) r.nextGaussian();
            c[i][0] = i; c[i][1] = -i;
        }
        basis[0][0] = 1; basis[1][1] = 1;
        return new LatentPoints(s, p, new float[d], basis, c);
    }

    /** Writes a random preset to {@code dir} and returns it. */
    public static Path write(Path dir, boolean pitch, long seed) {
        VaeGanConfig cfg = tinyConfig(pitch);
        Engine.getInstance().setRandomSeed((int) seed);
        try (NDManager m = NDManager.newBaseManager()) {
            VaeGan model = new VaeGan(cfg);
            model.initialize(m);
            PresetStore.save(dir, info(cfg), model, points(cfg, 5, seed), List.of());
        }
        return dir;
    }
}
