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
