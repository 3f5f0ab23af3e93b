package org.timbrelab.engine.data;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioOps;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.ShiftLoudness;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The standard audio → features steps: {@link AudioFiles#loadMono} at the config's rate, leading
 * and trailing silence trimmed ({@link AudioOps#trimSilence}), cut into near-equal chunks of at
 * most {@code chunkSeconds} (no padding: crops pad), {@link AudioTransform#forward} for the
 * normalised log-mel spectrogram and YIN {@link Pitch} for f0 on the same frame grid.
 */
final class StandardFeatures implements FeatureExtractor {

    /** Bump when anything here changes the output, so old caches are not reused. */
    private static final int VERSION = 1;
    /** Frame length of the silence detector: 10 ms at 16 kHz. */
    private static final double SILENCE_FRAME_SECONDS = 0.010;

    private final DatasetOptions options;
    private final int octaveShift;
    private final ShiftLoudness shiftLoudness;
    private final AudioTransform transform;
    private final Pitch pitch;

    private StandardFeatures(DatasetOptions options, int octaveShift, ShiftLoudness shiftLoudness) {
        this.options = options;
        this.octaveShift = octaveShift;
        this.shiftLoudness = shiftLoudness;
        this.transform = new AudioTransform(options.spectrogram());
        this.pitch = options.trackPitch() ? new Pitch() : null;
    }

    static StandardFeatures of(DatasetOptions options) { return new StandardFeatures(options, 0, ShiftLoudness.STRETCH); }

    /**
     * The same features of every recording moved up by {@code octaves} octaves (f0 too), by the
     * inference-time register shift (AudioTransform#forward(clip, octaves)): training data for
     * register augmentation; each frame's loudness as {@code loudness} says (ShiftLoudness), as conversion does for a
     * model trained so.
     */
    static StandardFeatures octaveShifted(DatasetOptions options, int octaves, ShiftLoudness loudness) {
        return new StandardFeatures(options, octaves, loudness);
    }

    @Override public String cacheKey() {
        return "standard v" + VERSION + " " + options.spectrogram() + " chunk " + options.chunkSeconds()
                + " min " + options.minChunkSeconds() + " silence " + options.silenceDb()
                + " pitch " + (pitch == null ? "off" : pitch.config().toString())
                + (octaveShift == 0 ? "" : " octave shift " + octaveShift) // unchanged for 0: existing caches stay valid
                + (octaveShift != 0 && shiftLoudness.keep() ? " " + shiftLoudness : "") // "keeping loudness" as before the cap
                + (options.gapDb() == 0 ? "" : " gaps " + options.gapDb() + " dB");
    }

    @Override public SpectrogramConfig config() { return options.spectrogram(); }

    @Override public int octaveShift() { return octaveShift; }

    @Override public Decoded decode(Path file) throws Exception {
        int rate = options.spectrogram().sampleRate();
        AudioClip clip = AudioFiles.loadMono(file, rate);
        int frame = Math.max(1, (int) Math.round(SILENCE_FRAME_SECONDS * rate));
        AudioClip trimmed = AudioOps.trimSilence(clip, options.silenceDb(), frame);
        int offset = trimmedOffset(clip, trimmed, frame);
        int n = trimmed.length();
        List<AudioClip> chunks = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        int minLength = (int) Math.round(options.minChunkSeconds() * rate);
        if (n > 0 && n >= minLength) {
            int maxLength = (int) Math.round(options.chunkSeconds() * rate);
            int count = (n + maxLength - 1) / maxLength;
            for (int k = 0; k < count; k++) {
                // near-equal pieces: a 9-s file gives 3 × 3 s, not 4 + 4 + 1
                int from = (int) ((long) n * k / count), to = (int) ((long) n * (k + 1) / count);
                chunks.add(trimmed.slice(from, to));
                starts.add((offset + from) / (double) rate);
            }
        }
        return new Decoded(clip.durationSeconds(), chunks, starts);
    }

    /** Where {@code trimmed} starts inside {@code clip}: trimSilence returns a slice starting on a frame boundary. */
    private static int trimmedOffset(AudioClip clip, AudioClip trimmed, int frame) {
        float[] x = clip.samples(), t = trimmed.samples();
        if (t.length == 0) return 0;
        for (int s = 0; s + t.length <= x.length; s += frame)
            if (Arrays.mismatch(x, s, s + t.length, t, 0, t.length) < 0) return s;
        throw new IllegalStateException("trimmed clip is not a frame-aligned slice of the original");
    }

    @Override public Spectrogram melSpectrogram(AudioClip chunk) {
        return transform.forward(chunk, octaveShift, shiftLoudness);
    }

    @Override public boolean[] keptFrames(Spectrogram chunk) {
        return options.gapDb() == 0 ? null : SilentFrames.audible(chunk, options.gapDb());
    }

    @Override public float[] f0(AudioClip chunk, int frames) {
        if (pitch == null) return null;
        PitchTrack track = pitch.track(chunk, options.spectrogram());
        float[] out = new float[frames];
        int n = Math.min(frames, track.frames());
        float factor = (float) Math.pow(2, octaveShift);
        for (int i = 0; i < n; i++) out[i] = track.voiced()[i] ? track.f0Hz()[i] * factor : 0f;
        return out;
    }
}
