package org.timbrelab.cli;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFileException;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.Resampler;
import org.timbrelab.dsp.WavData;
import org.timbrelab.dsp.WavIO;
import org.timbrelab.engine.infer.BlockConversion;
import org.timbrelab.engine.infer.InputAudio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recording made ready for conversion: read, mixed to mono, resampled, its DC offset removed.
 * Inputs there is nothing to convert in (silence, a constant level, channels that cancel, a clip
 * shorter than one analysis window) are refused with a message that says which; a file holding
 * less audio than its header promises is used with a warning. A WAV or AIFF file longer than
 * {@link BlockConversion#LONG_INPUT_SECONDS} is read a block at a time and converted in blocks, so memory stays bounded.
 *
 * @param warnings  things the user should know, already phrased "FILE: …"
 * @param blockwise convert in blocks ({@link BlockConversion}): the input is long
 */
record ConvertInput(AudioClip clip, List<String> warnings, boolean blockwise) {

    /**
     * Reads {@code file} for a model working at {@code rate} Hz with analysis windows of {@code window} samples,
     * to be converted into {@code outputs} domains.
     */
    static ConvertInput load(Path file, int rate, int window, int outputs) throws AudioFileException {
        double seconds = AudioFiles.seconds(file).orElse(0);   // from the header; 0: neither WAV nor AIFF, or damaged (the reader diagnoses it)
        if (seconds > BlockConversion.LONG_INPUT_SECONDS) return loadLong(file, rate, seconds, outputs);
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
        return new ConvertInput(clip, List.copyOf(warnings), false);
    }

    private static ConvertInput loadLong(Path file, int rate, double seconds, int outputs) throws AudioFileException {
        requireBlockMemory(file, seconds, rate, outputs);
        AudioFiles.StreamedMono read = AudioFiles.streamMono(file, rate);
        List<String> warnings = new ArrayList<>();
        read.shortfall().ifPresent(warnings::add);
        InputAudio.Level level = InputAudio.level(read.clip());
        if (level.silent()) throw new IllegalArgumentException(file + ": " + (Math.abs(level.dcOffset()) >= InputAudio.SILENT_PEAK
                ? constantLevel(level) : "the input is silent" + (read.fileFormat().channels() > 1 ? " once its channels are mixed to mono" : ""))
                + "; there is nothing to convert, choose another recording");
        return new ConvertInput(InputAudio.withoutDc(read.clip()), List.copyOf(warnings), true);
    }

    /**
     * Heap a conversion takes per second of input (measured: a 120-s clip converts in 256 MB, a
     * 180-s one does not), so a clip too long for the memory is refused before the work starts.
     */
    static final double BYTES_PER_SECOND = 2.0e6;

    /**
     * Heap of a block-wise conversion at its peak, while an output is written: the input without DC and one output per
     * domain at 4 bytes a sample, the file being written at 2, plus one block's conversion and the JVM's own
     * (measured: a 10-minute clip into one domain converts under -Xmx256m).
     */
    private static void requireBlockMemory(Path file, double seconds, int rate, int outputs) {
        requireBlockMemory(file, seconds, rate, outputs, Runtime.getRuntime().maxMemory());
    }

    /** As above for a heap of {@code max} bytes; {@code rate} is the model's sample rate. */
    static void requireBlockMemory(Path file, double seconds, int rate, int outputs, long max) {
        double perSecond = rate * (4.0 + 4.0 * outputs + 2);
        double fixed = (BlockConversion.BLOCK_SECONDS + 2 * BlockConversion.FADE_SECONDS) * BYTES_PER_SECOND + 32e6;
        if (seconds * perSecond + fixed > max) {
            long fits = (long) Math.max(0, (0.9 * max - fixed) / perSecond);
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: %.0f s of audio needs about %.0f MB to convert in blocks, but Java may use %d MB here; "
                            + "split it into parts of at most %d s (e.g. `sox in.wav part.wav trim 0 %d : newfile : restart`), "
                            + "or give Java more memory (java -Xmx%dg -jar …)", file, seconds, (seconds * perSecond + fixed) / 1e6,
                    max / 1_000_000, fits, fits, (long) Math.ceil((seconds * perSecond + fixed) * 1.25 / 1e9)));
        }
    }

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

    private static String constantLevel(InputAudio.Level mono) {
        return String.format(Locale.ROOT, "the input is silent: it holds only a constant level (DC offset %+.3f), no sound", mono.dcOffset());
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
        if (Math.abs(mono.dcOffset()) >= InputAudio.SILENT_PEAK) return constantLevel(mono);
        return String.format(Locale.ROOT, "the input is silent (peak %s)", mono.peak() == 0 ? "0, digital silence" : String.format(Locale.ROOT, "%.0f dBFS", mono.peakDbfs()));
    }
}
