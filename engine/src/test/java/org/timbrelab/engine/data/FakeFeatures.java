package org.timbrelab.engine.data;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A feature extractor for fast tests of the cache, split and sampler logic without audio
 * decoding. Files are text: "{@code <seconds> <f0Hz>}". Spectrogram value at (bin b, absolute
 * frame t of the file) is {@code code(b, t)}, so a test can check which frames a crop copied.
 */
final class FakeFeatures implements FeatureExtractor {
    static final SpectrogramConfig CONFIG = new SpectrogramConfig(16_000, 256, 256, 160, 8, 40, 8000, "slaney", -100);

    final AtomicInteger decodes = new AtomicInteger();
    private final String key;
    private final double chunkSeconds;
    private final boolean pitch;

    FakeFeatures(String key, double chunkSeconds, boolean pitch) {
        this.key = key;
        this.chunkSeconds = chunkSeconds;
        this.pitch = pitch;
    }

    static void write(Path file, double seconds, double f0) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, seconds + " " + f0);
    }

    /** Encodes bin and absolute frame into a value in [-1, 1]. */
    static float code(int bin, int frame) {
        return -1f + 2f * ((frame + 7 * bin) % 97) / 96f;
    }

    @Override public String cacheKey() { return "fake " + key + " chunk " + chunkSeconds + " pitch " + pitch; }

    @Override public SpectrogramConfig config() { return CONFIG; }

    @Override public Decoded decode(Path file) throws Exception {
        decodes.incrementAndGet();
        String[] parts = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim().split(" ");
        if (parts.length != 2) throw new IllegalArgumentException("not a fake audio file");
        double seconds = Double.parseDouble(parts[0]);
        float f0 = Float.parseFloat(parts[1]);
        int rate = CONFIG.sampleRate();
        int n = (int) Math.round(seconds * rate);
        int per = (int) Math.round(chunkSeconds * rate);
        List<AudioClip> chunks = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        for (int s = 0; s < n; s += per) {
            // sample 0 carries f0, sample 1 the chunk's start frame in the file
            float[] x = new float[Math.min(per, n - s)];
            x[0] = f0;
            x[1] = s / (float) CONFIG.hopLength();
            chunks.add(new AudioClip(x, rate));
            starts.add(s / (double) rate);
        }
        return new Decoded(seconds, chunks, starts);
    }

    @Override public Spectrogram melSpectrogram(AudioClip chunk) {
        int frames = 1 + chunk.length() / CONFIG.hopLength();
        if (chunk.samples()[0] < 0) throw new IllegalArgumentException("negative f0 makes the fake extractor fail");
        int start = Math.round(chunk.samples()[1]);
        float[] v = new float[CONFIG.nMels() * frames];
        for (int b = 0; b < CONFIG.nMels(); b++)
            for (int t = 0; t < frames; t++) v[b * frames + t] = code(b, start + t);
        return new Spectrogram(v, CONFIG.nMels(), frames, CONFIG);
    }

    @Override public float[] f0(AudioClip chunk, int frames) {
        if (!pitch) return null;
        float[] f = new float[frames];
        java.util.Arrays.fill(f, chunk.samples()[0]);
        return f;
    }
}
