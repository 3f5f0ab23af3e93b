package org.timbrelab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectralConvergence;
import org.timbrelab.dsp.SpectrogramConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code transform --in A.wav --out B.wav [--phase pghi|gl] [--iters N]}: forward to the model's image and back. */
@Command(name = "transform", mixinStandardHelpOptions = true,
        description = "Converts audio to the model's log-mel image and back (fixed-reference dB, PGHI or Griffin-Lim) and prints the spectral "
                + "convergence of the result against the input's STFT magnitude (dB; lower is better).")
public final class TransformCommand implements Callable<Integer> {

    enum Phase { pghi, gl }

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "WAV or AIFF file (any rate; mixed to mono and resampled to 16 kHz)")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "16-bit 16-kHz mono WAV to write")
    Path out;

    @Option(names = "--phase", defaultValue = "pghi", paramLabel = "pghi|gl",
            description = "phase reconstruction: pghi (phase-gradient heap integration, default) or gl (fast Griffin-Lim)")
    Phase phase;

    @Option(names = "--iters", paramLabel = "N",
            description = "Griffin-Lim iterations: for gl all of them (default 32), for pghi refinement after PGHI (default 0)")
    Integer iters;

    @Override public Integer call() throws Exception {
        OutputPaths.requireWavName(out, "--out");
        OutputPaths.requireNotInput(in, out, "--in", "--out");
        OutputPaths.requireWritableFile(out);
        SpectrogramConfig config = SpectrogramConfig.DEFAULT;
        AudioTransform tf = new AudioTransform(config);
        AudioClip clip = AudioFiles.loadMono(in, config.sampleRate());
        PhaseMethod method = phase == Phase.gl ? PhaseMethod.griffinLim(iters == null ? 32 : iters)
                : PhaseMethod.pghi(iters == null ? 0 : iters);
        long t0 = System.nanoTime();
        Spectrogram spec = tf.forward(clip);
        long t1 = System.nanoTime();
        AudioClip result = tf.invert(spec, method);
        long t2 = System.nanoTime();
        AudioFiles.saveWav(out, result);
        double sc = SpectralConvergence.db(tf.stft(), clip, result);
        System.out.printf(Locale.ROOT, "%s: %.2f s, %d mel bands x %d frames; forward %.0f ms, inverse (%s) %.0f ms%n",
                in.getFileName(), clip.durationSeconds(), spec.bins(), spec.frames(), (t1 - t0) / 1e6, describe(method), (t2 - t1) / 1e6);
        System.out.printf(Locale.ROOT, "spectral convergence vs input magnitude: %.2f dB%n", sc);
        System.out.println("wrote " + out);
        return 0;
    }

    private static String describe(PhaseMethod m) {
        return m.kind() == PhaseMethod.Kind.GRIFFIN_LIM ? "Griffin-Lim " + m.iterations()
                : m.iterations() == 0 ? "PGHI" : "PGHI + " + m.iterations() + " Griffin-Lim";
    }
}
