package org.timbrelab.cli;

import ai.djl.ndarray.NDManager;
import org.timbrelab.engine.labs.SpectralLab;
import org.timbrelab.engine.labs.SpectralVaeKind;
import org.timbrelab.engine.labs.SpectralVaeRecipe;
import org.timbrelab.engine.train.LossCurvePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code latent-map --run RUN_DIR --out pca.png [--csv points.csv]}: Lab 4's note latents, PCA by pitch and instrument. */
@Command(name = "latent-map", mixinStandardHelpOptions = true,
        description = "Lab 4: PCA of every note's latent code, coloured by pitch and by instrument (PNG, optional CSV).")
public final class LatentMapCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "trained spectral-vae run directory") Path run;
    @Option(names = "--out", required = true, description = "PNG to write") Path out;
    @Option(names = "--csv", description = "also write instrument,file,pitch,pc1,pc2 per note") Path csv;

    @Override public Integer call() throws Exception {
        try (NDManager m = NDManager.newBaseManager();
             SpectralVaeRecipe r = LabRunOptions.open(run, SpectralVaeRecipe.class, SpectralVaeKind.NAME, m, System.out)) {
            List<SpectralLab.NotePoint> pts = SpectralLab.notePoints(r, m);
            LossCurvePlot.writePng(SpectralLab.scatter(pts), out);
            if (csv != null) {
                double[][] xy = SpectralLab.pca2(pts.stream().map(SpectralLab.NotePoint::mu).toList());
                StringBuilder sb = new StringBuilder("instrument,file,pitch,pc1,pc2\n");
                for (int i = 0; i < pts.size(); i++) {
                    sb.append(String.format(Locale.ROOT, "%s,%s,%d,%.5f,%.5f%n", pts.get(i).instrument(), pts.get(i).file(),
                            pts.get(i).pitch(), xy[i][0], xy[i][1]));
                }
                Files.writeString(csv, sb.toString());
            }
            System.out.println("wrote " + out + " (" + pts.size() + " notes)");
        }
        return 0;
    }
}
