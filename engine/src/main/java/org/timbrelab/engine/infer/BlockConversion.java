package org.timbrelab.engine.infer;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.PitchTrack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Converts a long recording in overlapping blocks, so the conversion's memory stays that of one block (its
 * spectrograms, latents and vocoder state take about 2 MB per second) whatever the recording's length; only the
 * input and output samples (4 bytes each) grow with it. The register shift is chosen once for the whole input
 * from one pitch pass made block by block, so no block jumps an octave; neighbouring blocks overlap by
 * 2 × {@link #FADE_SECONDS} and are cross-faded linearly. Each block gets its own clip-level gain (as any
 * conversion does), which the cross-fades smooth.
 */
public final class BlockConversion {
    /** Seconds of input converted at a time (plus the fades). */
    public static final double BLOCK_SECONDS = 20;
    /** Half the overlap of two neighbouring blocks. */
    public static final double FADE_SECONDS = 0.5;
    /** Inputs longer than this go through blocks in the CLI; shorter ones convert in one piece as everywhere else. */
    public static final double LONG_INPUT_SECONDS = 60;

    /** Told after each block; may throw to stop (the conversion also stops when its thread is interrupted). */
    public interface Progress {
        void blockDone(int done, int blocks);
    }

    private BlockConversion() { }

    /** Number of blocks a clip of {@code samples} samples at {@code rate} Hz is cut into. */
    public static int blocks(long samples, int rate) {
        long block = Math.round(BLOCK_SECONDS * rate);
        return (int) Math.max(1, (samples + block - 1) / block);
    }

    /**
     * Converts {@code clip} into each of {@code domains}; {@code register} Auto picks each domain's shift from the
     * median f0 of the whole clip.
     */
    public static Map<String, Converter.Converted> convert(Converter c, AudioClip clip, List<String> domains, Register register,
                                                           ConversionSettings settings, Progress progress) {
        int rate = clip.sampleRate();
        int block = (int) Math.round(BLOCK_SECONDS * rate), fade = (int) Math.round(FADE_SECONDS * rate);
        int n = clip.length(), blocks = blocks(n, rate);
        Map<String, Integer> shifts = shifts(c, clip, domains, register, block);
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String d : shifts.keySet()) out.put(d, new float[n]);
        for (int k = 0; k < blocks; k++) {
            if (Thread.currentThread().isInterrupted()) throw new CancellationException("conversion cancelled after " + k + " of " + blocks + " blocks");
            int core = k * block, start = Math.max(0, core - fade), end = Math.min(n, core + block + fade);
            AudioClip part = new AudioClip(Arrays.copyOfRange(clip.samples(), start, end), rate);
            Map<String, Converter.Converted> y = c.convert(part, shifts, settings);
            for (Map.Entry<String, Converter.Converted> e : y.entrySet())
                addFaded(out.get(e.getKey()), e.getValue().audio().samples(), start, end, core, Math.min(n, core + block), fade, k > 0, k < blocks - 1);
            if (progress != null) progress.blockDone(k + 1, blocks);
        }
        Map<String, Converter.Converted> result = new LinkedHashMap<>();
        out.forEach((d, samples) -> result.put(d, new Converter.Converted(new AudioClip(samples, rate), shifts.get(d))));
        return result;
    }

    /** One shift per domain for the whole clip: Auto uses the median f0 of every block's voiced frames. */
    private static Map<String, Integer> shifts(Converter c, AudioClip clip, List<String> domains, Register register, int block) {
        double median = Double.NaN;
        if (register.auto()) {
            List<PitchTrack> tracks = new ArrayList<>();
            for (int start = 0; start < clip.length(); start += block) {
                int end = Math.min(clip.length(), start + block);
                if (end - start < c.spectrogramConfig().nFft()) break;   // too short a tail to track; the rest decides
                tracks.add(c.pitchTrack(new AudioClip(Arrays.copyOfRange(clip.samples(), start, end), clip.sampleRate())));
            }
            if (!tracks.isEmpty()) median = PitchTrack.concat(tracks).medianVoicedF0();
        }
        Map<String, Integer> shifts = new LinkedHashMap<>();
        for (String d : domains) shifts.put(d, register.shiftFor(median, c.info().domain(d).medianF0Hz()));
        return shifts;
    }

    /**
     * Adds block output {@code y} (input samples {@code [start, end)}) into {@code out}: weight 1 over its core
     * {@code [core, coreEnd)}, rising linearly over {@code [core − fade, core + fade)} when a block precedes it and
     * falling over {@code [coreEnd − fade, coreEnd + fade)} when one follows, so overlapping weights sum to 1.
     */
    static void addFaded(float[] out, float[] y, int start, int end, int core, int coreEnd, int fade, boolean fadeIn, boolean fadeOut) {
        for (int t = start; t < end; t++) {
            int i = t - start;
            float v = i < y.length ? y[i] : 0f;   // a vocoder may return a few samples fewer than it was given
            double w = 1;
            if (fadeIn && t < core + fade) w = Math.min(w, (t - (core - fade) + 0.5) / (2.0 * fade));
            if (fadeOut && t >= coreEnd - fade) w = Math.min(w, ((coreEnd + fade) - t - 0.5) / (2.0 * fade));
            out[t] += (float) (Math.max(0, w) * v);
        }
    }
}
