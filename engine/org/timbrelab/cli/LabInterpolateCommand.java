package org.timbrelab.cli;

import ai.djl.ndarray.NDManager;
import org.timbrelab.engine.labs.DigitImages;
import org.timbrelab.engine.labs.LatentPaths;
import org.timbrelab.engine.labs.VaeDigitsKind;
import org.timbrelab.engine.labs.VaeDigitsLab;
import org.timbrelab.engine.labs.VaeDigitsRecipe;
import org.timbrelab.engine.train.LossCurvePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code lab-interpolate --run RUN_DIR --mode lerp|slerp --out strips.png}: walks between the
 * codes of held-out digit pairs. (Named lab-… because {@code interpolate} is the preset command.)
 */
@Command(name = "lab-interpolate", mixinStandardHelpOptions = true,
        description = "Image strips walking between two held-out digits' latent codes, lerp or slerp (Lab 1 VAE run).")
public final class LabInterpolateCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "trained vae-digits run directory") Path run;
    @Option(names = "--out", required = true, description = "PNG to write") Path out;
    @Option(names = "--mode", defaultValue = "slerp", description = "lerp or slerp (default ${DEFAULT-VALUE})") String mode;
    @Option(names = "--pairs", defaultValue = "6", description = "number of strips") int pairs;
    @Option(names = "--steps", defaultValue = "10", description = "decoded points per strip, ends included") int steps;
    @Option(names = "--seed", defaultValue = "0", description = "picks the digit pairs") long seed;

    @Override public Integer call() throws Exception {
        LatentPaths.Mode m = switch (mode.toLowerCase(java.util.Locale.ROOT)) {
            case "lerp" -> LatentPaths.Mode.LERP;
            case "slerp" -> LatentPaths.Mode.SLERP;
            default -> throw new IllegalArgumentException("--mode must be lerp or slerp (got '" + mode + "')");
        };
        if (pairs < 1 || steps < 2) throw new IllegalArgumentException("--pairs must be >= 1 and --steps >= 2");
        try (NDManager nd = NDManager.newBaseManager();
             VaeDigitsRecipe r = LabRunOptions.open(run, VaeDigitsRecipe.class, VaeDigitsKind.NAME, nd, System.out)) {
            Random rng = new Random(seed);
            int[][] p = new int[pairs][];
            for (int i = 0; i < pairs; i++) p[i] = new int[] {rng.nextInt(r.testSet().count()), rng.nextInt(r.testSet().count())};
            LossCurvePlot.writePng(DigitImages.grid(VaeDigitsLab.interpolate(r, nd, m, p, steps), 28, steps + 2, 2), out);
        }
        System.out.println("wrote " + out + " (" + pairs + " strips: digit A, " + steps + " decoded points, digit B)");
        return 0;
    }
}
