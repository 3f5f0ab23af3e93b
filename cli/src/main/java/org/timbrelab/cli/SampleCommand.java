package org.timbrelab.cli;

import ai.djl.ndarray.NDManager;
import org.timbrelab.engine.labs.DigitImages;
import org.timbrelab.engine.labs.VaeDigitsKind;
import org.timbrelab.engine.labs.VaeDigitsLab;
import org.timbrelab.engine.labs.VaeDigitsRecipe;
import org.timbrelab.engine.train.LossCurvePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sample --run RUN_DIR --out grid.png [--n 64] [--seed S]}: decodes z ~ N(0, I) of a Lab 1 VAE run. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Grid PNG of digits decoded from z ~ N(0, I) (Lab 1 VAE run).")
public final class SampleCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "trained vae-digits run directory") Path run;
    @Option(names = "--out", required = true, description = "PNG to write") Path out;
    @Option(names = "--n", defaultValue = "64", description = "number of samples (default ${DEFAULT-VALUE})") int n;
    @Option(names = "--seed", defaultValue = "0", description = "seed of the latent draws") long seed;

    @Override public Integer call() throws Exception {
        if (n < 1) throw new IllegalArgumentException("--n must be >= 1");
        try (NDManager m = NDManager.newBaseManager();
             VaeDigitsRecipe r = LabRunOptions.open(run, VaeDigitsRecipe.class, VaeDigitsKind.NAME, m, System.out)) {
            LossCurvePlot.writePng(DigitImages.grid(VaeDigitsLab.samples(r, m, n, seed), 28, (int) Math.ceil(Math.sqrt(n)), 3), out);
        }
        System.out.println("wrote " + out);
        return 0;
    }
}
