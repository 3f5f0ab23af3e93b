package org.timbrelab.cli;

import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.engine.data.DatasetListener;
import org.timbrelab.engine.data.DatasetOptions;
import org.timbrelab.engine.data.DomainDataset;
import org.timbrelab.engine.data.NoteLabel;
import org.timbrelab.engine.data.SpectrogramMontage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code dataset-info DIR}: what a domain folder holds (files, duration, pitch histogram for note
 * sets, median f0) and a PNG montage of random examples' mel spectrograms. Builds the dataset
 * cache as a side effect, so a later training run starts at once.
 */
@Command(name = "dataset-info", mixinStandardHelpOptions = true,
        description = "Counts, total duration, pitch histogram and a spectrogram montage of a dataset folder (WAV/AIFF files or NSynth jsonwav).")
public final class DatasetInfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Dataset folder (searched recursively) or NSynth jsonwav set.")
    Path dir;

    @Option(names = "--png", paramLabel = "FILE", description = "Montage output (default: <DIR name>-montage.png in the current folder).")
    Path png;

    @Option(names = "--examples", description = "Examples in the montage (default: ${DEFAULT-VALUE}).", defaultValue = "16")
    int examples;

    @Option(names = "--seed", description = "Seed for choosing montage examples (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--cache", paramLabel = "DIR", description = "Dataset cache folder (default: data/.cache).")
    Path cacheRoot;

    @Option(names = "--no-pitch", description = "Do not track f0 (faster first run; the cache then differs from training's).")
    boolean noPitch;

    @Spec CommandSpec spec;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DatasetOptions options = DatasetOptions.defaults().withTrackPitch(!noPitch);
        if (cacheRoot != null) options = options.withCacheRoot(cacheRoot);
        long t0 = System.nanoTime();
        DomainDataset d = DomainDataset.open(dir, options, new ConsoleListener(spec.commandLine().getErr()));
        double openSeconds = (System.nanoTime() - t0) / 1e9;

        out.printf(Locale.ROOT, "dataset     %s (%s)%n", dir, d.name());
        out.printf(Locale.ROOT, "cache       %s (%s in %.1f s)%n", d.cacheDir(), d.loadedFromCache() ? "reused" : "built", openSeconds);
        long usable = d.files().stream().filter(DomainDataset.SourceFile::usable).count();
        out.printf(Locale.ROOT, "files       %d audio, %d usable, %d skipped%n", d.files().size(), usable, d.files().size() - usable);
        d.skippedFiles().forEach((f, why) -> out.printf(Locale.ROOT, "  skipped   %s: %s%n", f, why));
        out.printf(Locale.ROOT, "duration    %s total, %s%n", hms(d.totalSeconds()), perFile(d));
        long frames = d.all().totalFrames();
        out.printf(Locale.ROOT, "chunks      %d after silence trimming: %d frames of %d mels (%.1f frames/s)%n",
                d.chunks().size(), frames, d.nMels(), d.config().framesPerSecond());
        d.medianF0Hz().ifPresent(f -> out.printf(Locale.ROOT, "median f0   %.1f Hz (%s)%n", f, noteName(69 + 12 * Math.log(f / 440) / Math.log(2))));

        Map<Integer, Integer> pitches = pitchHistogram(d);
        if (!pitches.isEmpty()) {
            out.println("pitches     (MIDI note, name, files)");
            int max = pitches.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            for (Map.Entry<Integer, Integer> e : pitches.entrySet())
                out.printf(Locale.ROOT, "  %3d %-4s %5d %s%n", e.getKey(), noteName(e.getKey()), e.getValue(),
                        "#".repeat(Math.max(1, 40 * e.getValue() / max)));
        }

        Path target = png != null ? png : Path.of(d.name() + "-montage.png");
        List<Spectrogram> picks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Random rnd = new Random(seed);
        int[] order = rnd.ints(0, d.chunks().size()).distinct().limit(Math.min(examples, d.chunks().size())).toArray();
        for (int i : order) {
            picks.add(d.spectrogram(i));
            labels.add(d.chunks().get(i).file());
        }
        SpectrogramMontage.write(target, picks, labels);
        out.printf(Locale.ROOT, "montage     %s (%d examples)%n", target, picks.size());
        return 0;
    }

    /** MIDI pitch → count over usable files with a note label; empty unless most files are notes. */
    static Map<Integer, Integer> pitchHistogram(DomainDataset d) {
        Map<Integer, Integer> out = new TreeMap<>();
        int labelled = 0;
        for (DomainDataset.SourceFile f : d.files()) {
            if (f.usable() && f.note() != null) {
                labelled++;
                out.merge(f.note().pitch(), 1, Integer::sum);
            }
        }
        return labelled * 2 >= d.files().size() ? out : Map.of(); // a note set, not a few lucky names
    }

    private static String perFile(DomainDataset d) {
        double[] s = d.files().stream().filter(DomainDataset.SourceFile::usable).mapToDouble(DomainDataset.SourceFile::seconds).sorted().toArray();
        if (s.length == 0) return "no usable files";
        return String.format(Locale.ROOT, "per file min %.2f s, median %.2f s, max %.2f s", s[0], s[s.length / 2], s[s.length - 1]);
    }

    static String hms(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60) + String.format(Locale.ROOT, " (%.1f s)", seconds);
    }

    static String noteName(double midi) { return NoteLabel.pitchName((int) Math.round(midi)); }

    /** Prints skipped-file warnings, and a progress bar with ETA while the cache is built. */
    private static final class ConsoleListener implements DatasetListener {
        private final PrintWriter err;
        private final ProgressBar bar = new ProgressBar(System.out, "analysing files");

        ConsoleListener(PrintWriter err) { this.err = err; }

        @Override public void warning(String message) {
            err.println("warning: " + message);
            err.flush();
        }

        @Override public void progress(int done, int total, String file) { bar.update(done, total); }
    }
}
