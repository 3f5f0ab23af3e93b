package org.timbrelab.engine.labs;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.timbrelab.engine.config.ConfigLoader;
import org.timbrelab.engine.data.digits.DigitSet;
import org.timbrelab.engine.data.digits.DigitSources;
import org.timbrelab.engine.train.LossCurvePlot;
import org.timbrelab.engine.train.MetricsJsonl;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.RunControl;
import org.timbrelab.engine.train.TrainingRun;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lab 2: trains the same DCGAN once per loss (BCE, LSGAN, hinge, weight-clipped WGAN) for the same
 * number of generator steps, then scores 1,000 samples of each with a digit classifier trained on
 * the real training digits, and writes one comparison figure plus a table (Markdown and CSV).
 */
public final class GanCompare {

    /** One loss's outcome. */
    public record Row(GanLoss loss, long steps, int criticSteps, double msPerStep, double trainSeconds,
                      double finalLossD, double finalLossG, DigitClassifier.Scores scores) { }

    /** All rows plus the classifier's own accuracy on real held-out digits (and the real digits' scores). */
    public record Result(List<Row> rows, double classifierAccuracy, DigitClassifier.Scores realScores) { }

    private static final int SAMPLES = 1000;

    private GanCompare() { }

    public static Result run(Path baseConfig, Path outDir, long steps, Long seed, List<GanLoss> losses, int classifierSteps,
                             ModelRegistry registry, PrintStream out) throws IOException {
        ObjectNode base = ConfigLoader.readTree(baseConfig);
        GanDigitsConfig cfg = ConfigLoader.bind(base, GanDigitsConfig.class, baseConfig);
        long s = seed != null ? seed : cfg.train().seed();
        Files.createDirectories(outDir);
        List<Row> rows = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            DigitSet[] split = DigitSources.load(cfg.data().source(), s).split(cfg.data().testFraction());
            Engine.getInstance().setRandomSeed((int) s);
            try (DigitClassifier cls = new DigitClassifier(m)) {
                out.println("gan-compare: training the scoring classifier on " + split[0].count() + " real digits");
                cls.train(m, split[0], classifierSteps, 64, s);
                double acc = cls.accuracy(m, split[1]);
                float[][] real = new float[Math.min(SAMPLES, split[1].count())][];
                for (int i = 0; i < real.length; i++) real[i] = split[1].image(i);
                DigitClassifier.Scores realScores = cls.score(m, real);
                out.printf(Locale.ROOT, "classifier accuracy on %d held-out real digits: %.1f %%%n", split[1].count(), 100 * acc);
                for (GanLoss loss : losses) {
                    rows.add(trainOne(base, baseConfig, outDir, loss, steps, s, cls, m, registry, out));
                }
                Result result = new Result(rows, acc, realScores);
                writeTable(result, outDir);
                LossCurvePlot.writePng(figure(result, outDir, m, registry, out), outDir.resolve("comparison.png"));
                return result;
            }
        }
    }

    private static Row trainOne(ObjectNode base, Path baseConfig, Path outDir, GanLoss loss, long steps, long seed,
                                DigitClassifier cls, NDManager m, ModelRegistry registry, PrintStream out) throws IOException {
        String name = loss.name().toLowerCase(Locale.ROOT);
        ObjectNode tree = base.deepCopy();
        ((ObjectNode) tree.get("gan")).put("loss", name);
        Path config = outDir.resolve("gan-" + name + ".yaml");
        Files.writeString(config, ConfigLoader.toYaml(tree));
        Path run = outDir.resolve(name);
        out.println("== " + name + " (" + steps + " steps)");
        long t0 = System.nanoTime();
        TrainingRun.Result r = TrainingRun.execute(new TrainingRun.Request(config, run, steps, seed, false), registry, out, new RunControl());
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<MetricsJsonl.StepRecord> metrics = MetricsJsonl.read(run.resolve(MetricsJsonl.FILE_NAME));
        int from = (int) (metrics.size() * 0.9);
        double d = 0, g = 0, ms = 0;
        for (int i = from; i < metrics.size(); i++) {
            d += metrics.get(i).losses().get("loss_d");
            g += metrics.get(i).losses().get("loss_g");
        }
        for (MetricsJsonl.StepRecord rec : metrics) ms += rec.msPerStep();
        int n = metrics.size() - from;
        try (GanDigitsRecipe recipe = (GanDigitsRecipe) TrainingRun.restore(run, registry, new RunContext(run, m, out))) {
            DigitClassifier.Scores sc = cls.score(m, recipe.samples(m, SAMPLES, 7));
            return new Row(loss, r.completedSteps(), recipe.config().gan().criticSteps(), ms / metrics.size(), seconds,
                    d / n, g / n, sc);
        }
    }

    private static void writeTable(Result res, Path outDir) throws IOException {
        StringBuilder csv = new StringBuilder("loss,steps,d_updates_per_step,ms_per_step,train_seconds,final_loss_d,final_loss_g,"
                + "confidence,class_entropy_nats,is_score\n");
        StringBuilder md = new StringBuilder("""
                # Lab 2: GAN losses side by side

                Same DCGAN (nearest ×2 up-sampling + conv generator, strided-conv discriminator), same data,
                seed and number of generator steps for each loss. WGAN is the weight-clipped original:
                DJL's backward builds no graph of the gradient, so WGAN-GP's gradient penalty is not
                available. Scores come from a small CNN digit classifier trained on the real training digits
                (not a Fréchet distance), over 1,000 samples per GAN:
                *confidence* = mean max-softmax, *class entropy* = entropy of the mean class distribution
                (ln 10 = 2.30 when all digits appear equally), *IS* = exp(E KL(p(y|x) ‖ p(y))) (1–10).
                Final losses are means over the last 10 % of steps.

                | loss | steps | D updates/step | ms/step | train s | final L_D | final L_G | confidence | class entropy | IS |
                |---|---|---|---|---|---|---|---|---|---|
                """);
        for (Row r : res.rows()) {
            String name = r.loss().name().toLowerCase(Locale.ROOT);
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%.1f,%.1f,%.4f,%.4f,%.3f,%.3f,%.2f%n", name, r.steps(), r.criticSteps(),
                    r.msPerStep(), r.trainSeconds(), r.finalLossD(), r.finalLossG(), r.scores().confidence(),
                    r.scores().classEntropy(), r.scores().isScore()));
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.3f | %.3f | %.3f | %.3f | %.2f |%n", name, r.steps(),
                    r.criticSteps(), r.msPerStep(), r.trainSeconds(), r.finalLossD(), r.finalLossG(), r.scores().confidence(),
                    r.scores().classEntropy(), r.scores().isScore()));
        }
        DigitClassifier.Scores real = res.realScores();
        md.append(String.format(Locale.ROOT, "| *real held-out digits* | | | | | | | %.3f | %.3f | %.2f |%n%n",
                real.confidence(), real.classEntropy(), real.isScore()));
        md.append(String.format(Locale.ROOT, "Classifier accuracy on held-out real digits: %.1f %%.%n", 100 * res.classifierAccuracy()));
        Files.writeString(outDir.resolve("comparison.csv"), csv.toString());
        Files.writeString(outDir.resolve("comparison.md"), md.toString());
    }

    /** One column per loss: title with scores, 8×8 sample grid, D and G loss curves. */
    private static BufferedImage figure(Result res, Path outDir, NDManager m, ModelRegistry registry, PrintStream out) throws IOException {
        List<BufferedImage> grids = new ArrayList<>();
        List<BufferedImage> curves = new ArrayList<>();
        for (Row r : res.rows()) {
            Path run = outDir.resolve(r.loss().name().toLowerCase(Locale.ROOT));
            try (GanDigitsRecipe recipe = (GanDigitsRecipe) TrainingRun.restore(run, registry, new RunContext(run, m, out))) {
                grids.add(DigitImages.grid(Arrays.asList(recipe.samples(m, 64, 1)), 28, 8, 2));
            }
            List<MetricsJsonl.StepRecord> metrics = MetricsJsonl.read(run.resolve(MetricsJsonl.FILE_NAME));
            double[] x = new double[metrics.size()], d = new double[metrics.size()], g = new double[metrics.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = metrics.get(i).step();
                d[i] = metrics.get(i).losses().get("loss_d");
                g[i] = metrics.get(i).losses().get("loss_g");
            }
            curves.add(LossCurvePlot.render(List.of(new LossCurvePlot.Panel("losses (smoothed)", List.of(
                    new LossCurvePlot.Series("D", x, d), new LossCurvePlot.Series("G", x, g)))), 1, grids.get(0).getWidth(), 240));
        }
        int colW = grids.get(0).getWidth() + 16;
        int titleH = 44;
        int h = titleH + grids.get(0).getHeight() + 8 + 240;
        BufferedImage img = new BufferedImage(colW * grids.size(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = img.createGraphics();
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setColor(Color.WHITE);
        g2.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < grids.size(); i++) {
            Row r = res.rows().get(i);
            int x0 = i * colW + 8;
            g2.setColor(Color.BLACK);
            g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g2.drawString(r.loss() == GanLoss.WGAN ? "WGAN (weight clip)" : r.loss().name(), x0, 18);
            g2.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g2.drawString(String.format(Locale.ROOT, "%d steps · conf %.2f · class H %.2f · IS %.2f", r.steps(),
                    r.scores().confidence(), r.scores().classEntropy(), r.scores().isScore()), x0, 36);
            g2.drawImage(grids.get(i), x0, titleH, null);
            g2.drawImage(curves.get(i), x0, titleH + grids.get(i).getHeight() + 8, null);
        }
        g2.dispose();
        return img;
    }
}
