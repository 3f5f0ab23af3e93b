package org.timbrelab.cli;

import org.timbrelab.engine.labs.GanCompare;
import org.timbrelab.engine.labs.GanLoss;
import org.timbrelab.engine.train.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code gan-compare --steps N [--config C] [--out DIR] [--seed S] [--losses bce,lsgan,hinge,wgan]}. */
@Command(name = "gan-compare", mixinStandardHelpOptions = true,
        description = "Lab 2: train the DCGAN once per loss (BCE, LSGAN, hinge, weight-clipped WGAN) for the same steps; "
                + "write comparison.png and a scored table (comparison.md/.csv).")
public final class GanCompareCommand implements Callable<Integer> {

    @Option(names = "--steps", required = true, paramLabel = "N", description = "generator steps per loss") long steps;
    @Option(names = "--config", defaultValue = "config/gan-digits.yaml", description = "base config (default ${DEFAULT-VALUE})") Path config;
    @Option(names = "--out", defaultValue = "runs/gan-compare", description = "output directory (default ${DEFAULT-VALUE})") Path out;
    @Option(names = "--seed", description = "override train.seed") Long seed;
    @Option(names = "--losses", defaultValue = "bce,lsgan,hinge,wgan", split = ",", description = "losses to compare") List<String> losses;

    @Override public Integer call() throws Exception {
        if (steps < 1) throw new IllegalArgumentException("--steps must be >= 1");
        List<GanLoss> kinds = new ArrayList<>();
        for (String l : losses) {
            try {
                kinds.add(GanLoss.valueOf(l.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--losses: unknown loss '" + l + "' (use bce, lsgan, hinge, wgan)");
            }
        }
        GanCompare.Result r = GanCompare.run(config, out, steps, seed, kinds, 600, ModelRegistry.standard(), System.out);
        System.out.println("wrote " + out.resolve("comparison.png") + ", comparison.md, comparison.csv ("
                + r.rows().size() + " losses)");
        return 0;
    }
}
