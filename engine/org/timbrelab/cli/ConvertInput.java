package org.timbrelab.cli;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFileException;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.Resampler;
import org.timbrelab.dsp.WavData;
import org.timbrelab.dsp.WavIO;
import org.timbrelab.engine.infer.InputAudio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recording made ready for conversion: read, mixed to mono, resampled, its DC offset removed.
 * Inputs there is nothing to convert in (silence, a constant level, channels that cancel, a clip
 * shorter than one analysis window) are refused with a message that says which; a file holding
 * less audio than its header promises is used with a warning.
 *
 * @param warnings things the user should know, already phrased "FILE: …"
 */
record ConvertInput(AudioClip clip, List<String> warnings) {

    /** Reads {@code file} for a model working at {@code rate} Hz with analysis windows of {@code window} samples. */
    static ConvertInput load(Path file, int rate, int window) throws AudioFileException {
        WavIO.Read read = AudioFiles.readReporting(file);
        List<String> warnings = new ArrayList<>();
        read.shortfall(file).ifPresent(warnings::add);
        WavData data = read.data();
        requireMemory(file, data.frames() / (double) data.format().sampleRate());
        AudioClip mono = data.toMonoClip();
        if ((long) data.frames() * rate < (long) window * data.format().sampleRate())
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: only %.3f s of audio (%d sample%s at %d Hz); a conversion needs at least %.3f s; use a longer recording",
                    file, data.frames() / (double) data.format().sampleRate(), data.frames(), data.frames() == 1 ? "" : "s",
                    data.format().sampleRate(), window / (double) rate));
        InputAudio.Level level = InputAudio.level(mono);
        if (level.silent()) throw new IllegalArgumentException(file + ": " + whySilent(data, level) + "; there is nothing to convert, choose another recording");
        AudioClip clip = InputAudio.withoutDc(Resampler.resample(mono, rate));
        return new ConvertInput(clip, List.copyOf(warnings));
    }

    /**
     * Heap a conversion takes per second of input (measured: a 120-s clip converts in 256 MB, a
     * 180-s one does not), so a clip too long for the memory is refused before the work starts.
     */
    static final double BYTES_PER_SECOND = 2.0e6;

    private static void requireMemory(Path file, double seconds) {
        long max = Runtime.getRuntime().maxMemory();
        double need = seconds * BYTES_PER_SECOND;
        if (need > max) {
            long fits = (long) (0.9 * max / BYTES_PER_SECOND);
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %.0f s of audio needs about %.0f MB to convert in one piece, but Java may use %d MB here; "
                            + "split it into parts of at most %d s (e.g. `sox in.wav part.wav trim 0 %d : newfile : restart`), "
                            + "or give Java more memory (java -Xmx%dg -jar …)", file, seconds, need / 1e6, max / 1_000_000, fits, fits,
                    (long) Math.ceil(need * 1.25 / 1e9)));
        }
    }

    private static String whySilent(WavData data, InputAudio.Level mono) {
        if (data.channels().length > 1) {
            for (double[] ch : data.channels()) {
                float[] f = new float[ch.length];
                for (int i = 0; i < f.length; i++) f[i] = (float) ch[i];
                if (!InputAudio.level(new AudioClip(f, data.format().sampleRate())).silent())
                    return "the input is silent once its " + data.channels().length + " channels are mixed to mono (they cancel each other out: "
                            + "one is the other inverted); fix the polarity of one channel, or export a single channel";
            }
        }
        if (Math.abs(mono.dcOffset()) >= InputAudio.SILENT_PEAK)
            return String.format(Locale.ROOT, "the input is silent: it holds only a constant level (DC offset %+.3f), no sound", mono.dcOffset());
        return String.format(Locale.ROOT, "the input is silent (peak %s)", mono.peak() == 0 ? "0, digital silence" : String.format(Locale.ROOT, "%.0f dBFS", mono.peakDbfs()));
    }
}
