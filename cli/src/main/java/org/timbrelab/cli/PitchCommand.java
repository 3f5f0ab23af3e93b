package org.timbrelab.cli;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchConfig;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.SpectrogramConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pitch --in A.wav [--csv F]}: the YIN f0 track on the spectrogram's frame grid. */
@Command(name = "pitch", mixinStandardHelpOptions = true,
        description = "Tracks the fundamental frequency (YIN) of a WAV/AIFF file, one row per spectrogram frame "
                + "(16 kHz, hop 256 = 16 ms): time_s, f0_hz (0 when unvoiced), voiced. Without --csv the table goes to standard output.")
public final class PitchCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "WAV or AIFF file (any rate; resampled to 16 kHz mono)")
    Path in;

    @Option(names = "--csv", paramLabel = "FILE", description = "CSV file to write; a summary is printed instead of the table")
    Path csv;

    // defaults are the converter's and the training data's own (PitchConfig.DEFAULT), not copies of them
    @Option(names = "--fmin", paramLabel = "HZ", description = "lowest f0 searched, above mains hum (default: ${DEFAULT-VALUE})")
    double fMin = PitchConfig.DEFAULT.fMinHz();

    @Option(names = "--fmax", paramLabel = "HZ", description = "highest f0 searched (default: ${DEFAULT-VALUE})")
    double fMax = PitchConfig.DEFAULT.fMaxHz();

    @Option(names = "--threshold", paramLabel = "T", description = "YIN voicing threshold, lower = stricter (default: ${DEFAULT-VALUE})")
    double threshold = PitchConfig.DEFAULT.threshold();

    @Option(names = "--weak-threshold", paramLabel = "T", description = "voicing by hysteresis: a frame under this looser "
            + "threshold is voiced where it continues a voiced neighbour's pitch (default: --threshold, plain YIN)")
    Double weakThreshold;

    @Override public Integer call() throws Exception {
        SpectrogramConfig config = SpectrogramConfig.DEFAULT;
        PitchConfig d = PitchConfig.DEFAULT;
        Pitch pitch = new Pitch(new PitchConfig(fMin, fMax, threshold, d.windowSeconds(), d.silenceDb(),
                weakThreshold == null ? threshold : weakThreshold));
        AudioClip clip = AudioFiles.loadMono(in, config.sampleRate());
        PitchTrack track = pitch.track(clip, config);
        String table = toCsv(track);
        if (csv == null) {
            System.out.print(table);
        } else {
            writeAtomically(csv, table);
            System.out.printf(Locale.ROOT, "wrote %s: %d frames, %.1f %% voiced, median f0 %.1f Hz%n",
                    csv, track.frames(), 100 * track.voicedFraction(), track.medianVoicedF0());
        }
        return 0;
    }

    /** Header {@code time_s,f0_hz,voiced}, then one row per frame. */
    static String toCsv(PitchTrack t) {
        StringWriter out = new StringWriter(32 * t.frames() + 32);
        out.append("time_s,f0_hz,voiced\n");
        for (int i = 0; i < t.frames(); i++)
            out.append(String.format(Locale.ROOT, "%.4f,%.2f,%d\n", t.timeSeconds(i), t.f0Hz()[i], t.voiced()[i] ? 1 : 0));
        return out.toString();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(file);
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                org.timbrelab.dsp.AtomicFiles.commit(tmp, file);
            } finally {
                org.timbrelab.dsp.AtomicFiles.discard(tmp);
            }
        } catch (IOException e) {
            throw new IOException("Cannot write pitch table " + file + ": " + e.getMessage()
                    + ". Check that the folder is writable and the disk not full.", e);
        }
    }
}
