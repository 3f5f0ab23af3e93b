package org.timbrelab.cli;

import ai.djl.ndarray.NDManager;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramImage;
import org.timbrelab.engine.labs.DigitImages;
import org.timbrelab.engine.labs.LatentPaths;
import org.timbrelab.engine.labs.SpectralLab;
import org.timbrelab.engine.labs.SpectralVaeRecipe;
import org.timbrelab.engine.labs.VaeDigitsLab;
import org.timbrelab.engine.labs.VaeDigitsRecipe;
import org.timbrelab.engine.train.LossCurvePlot;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunContext;
import org.timbrelab.engine.train.TrainingRecipe;
import org.timbrelab.engine.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code lab-interpolate --run RUN_DIR --mode lerp|slerp --out FILE}: walks between two latent
 * codes of a lab run. Lab 1 (vae-digits): image strips of held-out digit pairs (PNG). Lab 4
 * (spectral-vae): from note {@code --a} to note {@code --b} ("instrument:MIDI", e.g. violin:67),
 * decoded crops end to end, written as WAV (+ a spectrogram PNG beside it).
 * (Named lab-… because {@code interpolate} is the preset command.)
 */
@Command(name = "lab-interpolate", mixinStandardHelpOptions = true,
        description = "Walk between two latent codes of a lab run, lerp or slerp: digit strips (PNG) or a note morph (WAV).")
public final class LabInterpolateCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, description = "trained vae-digits or spectral-vae run directory") Path run;
    @Option(names = "--out", required = true, description = "PNG (digits) or WAV (notes) to write") Path out;
    @Option(names = "--mode", defaultValue = "slerp", description = "lerp or slerp (default ${DEFAULT-VALUE})") String mode;
    @Option(names = "--pairs", defaultValue = "6", description = "digits: number of strips") int pairs;
    @Option(names = "--steps", defaultValue = "10", description = "decoded points per path, ends included") int steps;
    @Option(names = "--seed", defaultValue = "0", description = "digits: picks the pairs") long seed;
    @Option(names = "--a", description = "notes: start note as instrument:MIDI (default: first instrument, middle pitch)") String a;
    @Option(names = "--b", description = "notes: end note as instrument:MIDI (default: last instrument, middle pitch)") String b;

    @Override public Integer call() throws Exception {
        LatentPaths.Mode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "lerp" -> LatentPaths.Mode.LERP;
            case "slerp" -> LatentPaths.Mode.SLERP;
            default -> throw new IllegalArgumentException("--mode must be lerp or slerp (got '" + mode + "')");
        };
        if (pairs < 1 || steps < 2) throw new IllegalArgumentException("--pairs must be >= 1 and --steps >= 2");
        try (NDManager nd = NDManager.newBaseManager();
             TrainingRecipe r = TrainingRun.restore(run, ModelRegistry.standard(), new RunContext(run, nd, System.out))) {
            if (r instanceof VaeDigitsRecipe digits) {
                Random rng = new Random(seed);
                int[][] p = new int[pairs][];
                int n = digits.testSet().count();
                for (int i = 0; i < pairs; i++) p[i] = new int[] {rng.nextInt(n), rng.nextInt(n)};
                LossCurvePlot.writePng(DigitImages.grid(VaeDigitsLab.interpolate(digits, nd, m, p, steps), 28, steps + 2, 2), out);
                System.out.println("wrote " + out + " (" + pairs + " strips: digit A, " + steps + " decoded points, digit B)");
            } else if (r instanceof SpectralVaeRecipe notes) {
                List<SpectralLab.NotePoint> pts = SpectralLab.notePoints(notes, nd);
                List<String> instruments = pts.stream().map(SpectralLab.NotePoint::instrument).distinct().toList();
                SpectralLab.NotePoint from = pick(pts, a, instruments.get(0));
                SpectralLab.NotePoint to = pick(pts, b, instruments.get(instruments.size() - 1));
                Spectrogram s = SpectralLab.interpolate(notes, nd, from.mu(), to.mu(), m, steps);
                AudioFiles.saveWav(out, SpectralLab.toAudio(s));
                Path png = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".png");
                SpectrogramImage.writePng(s, SpectrogramImage.Options.DEFAULT.withTitle(
                        from.instrument() + " MIDI " + from.pitch() + " → " + to.instrument() + " MIDI " + to.pitch() + " (" + mode + ")"), png);
                System.out.printf(Locale.ROOT, "wrote %s and %s: %s %s → %s %s, %d decoded crops of %.2f s%n", out, png,
                        from.instrument(), from.file(), to.instrument(), to.file(), steps,
                        notes.model().frames() / s.config().framesPerSecond());
            } else {
                throw new IllegalArgumentException(run + ": lab-interpolate works on vae-digits and spectral-vae runs");
            }
        }
        return 0;
    }

    /** "instrument:MIDI" → that instrument's note nearest in pitch; null → the instrument's middle note. */
    private static SpectralLab.NotePoint pick(List<SpectralLab.NotePoint> pts, String spec, String defaultInstrument) {
        String inst = defaultInstrument;
        Integer pitch = null;
        if (spec != null) {
            String[] parts = spec.split(":");
            inst = parts[0];
            if (parts.length > 1) {
                try {
                    pitch = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("note '" + spec + "': expected instrument:MIDI, e.g. violin:67");
                }
            }
        }
        String i = inst;
        List<SpectralLab.NotePoint> of = pts.stream().filter(p -> p.instrument().equals(i)).sorted(Comparator.comparingInt(SpectralLab.NotePoint::pitch)).toList();
        if (of.isEmpty()) {
            throw new IllegalArgumentException("no notes of instrument '" + inst + "' (have: "
                    + String.join(", ", pts.stream().map(SpectralLab.NotePoint::instrument).distinct().toList()) + ")");
        }
        if (pitch == null) return of.get(of.size() / 2);
        int target = pitch;
        return of.stream().min(Comparator.comparingInt(p -> Math.abs(p.pitch() - target))).orElseThrow();
    }
}
