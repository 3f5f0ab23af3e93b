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
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code reconstruct --run RUN_DIR --out pairs.png [--n 16]}: held-out digits next to their reconstructions, plus test scores. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Held-out digits beside their reconstructions (PNG) and the test BCE / -ELBO (Lab 1 VAE run).")
public final class ReconstructCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "trained vae-digits run directory") Path run;
    @Option(names = "--out", required = true, description = "PNG to write") Path out;
    @Option(names = "--n", defaultValue = "16", description = "number of test digits (default ${DEFAULT-VALUE})") int n;

    @Override public Integer call() throws Exception {
        if (n < 1) throw new IllegalArgumentException("--n must be >= 1");
        try (NDManager m = NDManager.newBaseManager();
             VaeDigitsRecipe r = LabRunOptions.open(run, VaeDigitsRecipe.class, VaeDigitsKind.NAME, m, System.out)) {
            LossCurvePlot.writePng(DigitImages.grid(VaeDigitsLab.reconstructions(r, m, n), 28, 8, 3), out);
            VaeDigitsLab.TestScores s = VaeDigitsLab.evaluate(r, m, 1234);
            System.out.printf(Locale.ROOT, "test (%d digits): BCE from mu %.2f, KL %.2f, -ELBO %.2f nats/image%n",
                    s.images(), s.bceFromMean(), s.kl(), s.negElbo());
        }
        System.out.println("wrote " + out + " (pairs: original, reconstruction)");
        return 0;
    }
}
