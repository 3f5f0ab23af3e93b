package org.timbrelab.cli;

import java.util.concurrent.Callable;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.PhaseMethod;
import org.timbrelab.dsp.Resampler;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bench dsp}: the audio transform's costs on synthetic voice-like audio (docs/ARCHITECTURE.md, "Audio conventions"). */
@Command(name = "dsp", mixinStandardHelpOptions = true,
        description = "Times STFT+mel+log of 60 s, mel->audio with PGHI (10 s, 30 s) and Griffin-Lim 32 (10 s), "
                + "and resampling 44.1->16 kHz of 60 s, on one thread.")
public final class BenchDspCommand implements Callable<Integer> {

    @Mixin BenchCommand.Options options;

    @Override public Integer call() {
        SpectrogramConfig config = SpectrogramConfig.DEFAULT;
        AudioTransform tf = new AudioTransform(config);
        AudioClip s60 = new AudioClip(voiceLike(config.sampleRate(), 60), config.sampleRate());
        AudioClip s10 = s60.slice(0, 10 * config.sampleRate()), s30 = s60.slice(0, 30 * config.sampleRate());
        Spectrogram m10 = tf.forward(s10), m30 = tf.forward(s30);
        float[] cd60 = voiceLike(44_100, 60);
        Resampler down = new Resampler(44_100, 16_000);

        System.out.println("bench dsp: " + config);
        Bench b = options.newBench();
        b.measure("STFT+mel+log 60 s", 60, () -> tf.forward(s60));
        b.measure("PGHI mel->audio 10 s", 10, () -> tf.invert(m10, PhaseMethod.PGHI));
        b.measure("GL-32 mel->audio 10 s", 10, "PGHI mel->audio 10 s", () -> tf.invert(m10, PhaseMethod.GRIFFIN_LIM_32));
        b.measure("PGHI mel->audio 30 s", 30, () -> tf.invert(m30, PhaseMethod.PGHI));
        b.measure("resample 44.1->16 kHz 60 s", 60, () -> down.process(cd60));
        b.printTable();
        return 0;
    }

    /**
     * Deterministic voice-like test audio: a harmonic tone gliding 100–250 Hz with vibrato, in
     * 0.4-s syllables separated by short pauses, plus a little noise.
     */
    public static float[] voiceLike(int rate, int seconds) {
        float[] x = new float[rate * seconds];
        java.util.Random r = new java.util.Random(1);
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) rate;
            double f0 = 175 + 75 * Math.sin(2 * Math.PI * 0.3 * t) + 3 * Math.sin(2 * Math.PI * 5.5 * t);
            phase += 2 * Math.PI * f0 / rate;
            double s = 0;
            for (int h = 1; h <= 30 && h * f0 < rate / 2.0; h++) s += Math.sin(h * phase) / h;
            double syl = (t % 0.5) < 0.4 ? Math.sin(Math.PI * (t % 0.5) / 0.4) : 0;
            x[i] = (float) (0.25 * syl * s + 0.003 * r.nextGaussian());
        }
        return x;
    }
}
