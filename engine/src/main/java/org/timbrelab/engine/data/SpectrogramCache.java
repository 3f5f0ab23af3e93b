package org.timbrelab.engine.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.Spectrogram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * On-disk cache of a domain's spectrogram chunks: a folder {@code <root>/<key>/} with
 * {@code index.json} ({@link CacheIndex}) and float32 shard files that are memory-mapped when
 * opened, so a second run starts without decoding any audio. The key hashes every file's
 * contents and the extractor's settings, so editing a file or the config selects a new folder.
 * A folder is built under a temporary name and moved into place atomically: a killed build
 * leaves no half cache behind.
 */
final class SpectrogramCache {
    private SpectrogramCache() { }

    static final String INDEX = "index.json";
    /** A chunk never spans shards; 1 GiB keeps every shard mappable as one buffer. */
    static final long SHARD_BYTES = 1L << 30;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** An opened cache: its index and the mapped shards. */
    record Opened(Path dir, CacheIndex index, FloatBuffer[] mels, FloatBuffer[] f0) { }

    /** Cache key of a dataset: its files (relative name + content hash, in order) and the extractor key. */
    static String key(List<String> names, List<String> hashes, String extractorKey) {
        StringBuilder sb = new StringBuilder("timbrelab-domain-cache format ").append(CacheIndex.FORMAT).append('\n');
        sb.append(extractorKey).append('\n');
        for (int i = 0; i < names.size(); i++) sb.append(names.get(i)).append('\t').append(hashes.get(i)).append('\n');
        return ContentHash.ofString(sb.toString()).substring(0, 32);
    }

    /** Opens {@code dir} if it holds a complete cache with this key; null if absent or unusable (then rebuild). */
    static Opened open(Path dir, String key, DatasetListener listener) {
        Path indexFile = dir.resolve(INDEX);
        if (!Files.isRegularFile(indexFile)) return null;
        try {
            CacheIndex index = JSON.readValue(indexFile.toFile(), CacheIndex.class);
            if (index.format() != CacheIndex.FORMAT || !key.equals(index.key())) return null;
            FloatBuffer[] mels = mapAll(dir, "mels", index.melShards());
            FloatBuffer[] f0 = mapAll(dir, "f0", index.f0Shards());
            int nMels = index.config().nMels();
            for (CacheIndex.ChunkEntry c : index.chunks()) {
                if (c.melOffset() + (long) nMels * c.frames() > mels[c.melShard()].limit()
                        || (c.f0Shard() >= 0 && c.f0Offset() + c.frames() > f0[c.f0Shard()].limit()))
                    throw new IOException("shard shorter than its index says");
            }
            return new Opened(dir, index, mels, f0);
        } catch (IOException | RuntimeException e) {
            listener.warning("dataset cache " + dir + " is unreadable (" + e.getMessage() + "); rebuilding it");
            return null;
        }
    }

    /**
     * Decodes every file, writes a complete cache folder {@code root/key} and opens it.
     * Files the extractor cannot read are recorded as skipped and reported to the listener.
     */
    static Opened build(Path root, String key, Path datasetDir, List<Path> files, List<String> names,
                        List<String> hashes, FeatureExtractor fx, DatasetListener listener) throws IOException {
        Files.createDirectories(root);
        Path tmp = Files.createTempDirectory(root, key + ".tmp-");
        try {
            CacheIndex index = writeShards(tmp, key, files, names, hashes, fx, listener);
            JSON.writeValue(tmp.resolve(INDEX).toFile(), index);
            Path dir = root.resolve(key);
            deleteTree(dir); // an unusable old copy under the same key
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                // another process built the same key meanwhile: its copy is as good as ours
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
            Opened opened = open(dir, key, listener);
            if (opened == null) throw new IOException("cache folder " + dir + " could not be reopened after writing");
            return opened;
        } finally {
            deleteTree(tmp);
        }
    }

    private static CacheIndex writeShards(Path dir, String key, List<Path> files, List<String> names, List<String> hashes,
                                          FeatureExtractor fx, DatasetListener listener) throws IOException {
        List<CacheIndex.FileEntry> fileEntries = new ArrayList<>();
        List<CacheIndex.ChunkEntry> chunks = new ArrayList<>();
        FloatList voicedF0 = new FloatList();
        boolean anyF0 = false;
        try (ShardWriter mels = new ShardWriter(dir, "mels"); ShardWriter f0 = new ShardWriter(dir, "f0")) {
            for (int i = 0; i < files.size(); i++) {
                FeatureExtractor.Decoded decoded;
                List<Spectrogram> specs = new ArrayList<>();
                List<float[]> tracks = new ArrayList<>();
                List<Double> starts = new ArrayList<>();
                try {
                    // everything for one file is computed before anything is written, so a failure skips the whole file
                    decoded = fx.decode(files.get(i));
                    for (int c = 0; c < decoded.chunks().size(); c++) {
                        AudioClip clip = decoded.chunks().get(c);
                        Spectrogram sp = fx.melSpectrogram(clip);
                        float[] track = fx.f0(clip, sp.frames());
                        if (track != null && track.length != sp.frames())
                            throw new IllegalStateException("f0 track has " + track.length + " frames, spectrogram " + sp.frames());
                        boolean[] kept = fx.keptFrames(sp);   // pitch was tracked on the whole chunk, then both lose the same frames
                        if (kept != null) {
                            if (SilentFrames.count(kept) == 0) continue;
                            sp = SilentFrames.keep(sp, kept);
                            track = SilentFrames.keep(track, kept);
                        }
                        specs.add(sp);
                        tracks.add(track);
                        starts.add(decoded.startSeconds().get(c));
                    }
                } catch (Exception e) {
                    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    fileEntries.add(new CacheIndex.FileEntry(names.get(i), hashes.get(i), 0, reason, true));
                    listener.warning("skipping " + files.get(i) + ": not readable audio (" + reason + ")");
                    listener.progress(i + 1, files.size(), names.get(i));
                    continue;
                }
                String unused = specs.isEmpty() ? "silent or shorter than the minimum chunk after trimming silence" : null;
                if (unused != null) listener.warning("skipping " + files.get(i) + ": " + unused);
                fileEntries.add(new CacheIndex.FileEntry(names.get(i), hashes.get(i), decoded.seconds(), unused, false));
                for (int c = 0; c < specs.size(); c++) {
                    Spectrogram sp = specs.get(c);
                    long[] melAt = mels.write(sp.values());
                    float[] track = tracks.get(c);
                    long[] f0At = {-1, 0};
                    if (track != null) {
                        f0At = f0.write(track);
                        anyF0 = true;
                        for (float v : track) if (v > 0) voicedF0.add(v);
                    }
                    chunks.add(new CacheIndex.ChunkEntry(i, starts.get(c), sp.frames(),
                            (int) melAt[0], melAt[1], (int) f0At[0], f0At[1]));
                }
                listener.progress(i + 1, files.size(), names.get(i));
            }
            Double median = anyF0 && voicedF0.size() > 0 ? (double) voicedF0.median() : null;
            return new CacheIndex(CacheIndex.FORMAT, key, fx.cacheKey(), fx.config(), mels.shards(), f0.shards(),
                    fileEntries, chunks, median);
        }
    }

    private static FloatBuffer[] mapAll(Path dir, String prefix, int count) throws IOException {
        FloatBuffer[] out = new FloatBuffer[count];
        for (int i = 0; i < count; i++) {
            try (FileChannel ch = FileChannel.open(ShardWriter.shardFile(dir, prefix, i), StandardOpenOption.READ)) {
                out[i] = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Appends float arrays to numbered shard files, starting a new shard before one would exceed {@link #SHARD_BYTES}. */
    private static final class ShardWriter implements AutoCloseable {
        private final Path dir;
        private final String prefix;
        private FileChannel channel;
        private int shard = -1;
        private long floats;

        ShardWriter(Path dir, String prefix) { this.dir = dir; this.prefix = prefix; }

        static Path shardFile(Path dir, String prefix, int i) { return dir.resolve(String.format("%s-%03d.f32", prefix, i)); }

        /** Writes {@code values}; returns {shard, offset in floats}. */
        long[] write(float[] values) throws IOException {
            if (channel == null || (floats + values.length) * 4 > SHARD_BYTES) {
                if (channel != null) channel.close();
                shard++;
                floats = 0;
                channel = FileChannel.open(shardFile(dir, prefix, shard),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
            ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buf.asFloatBuffer().put(values);
            while (buf.hasRemaining()) channel.write(buf);
            long at = floats;
            floats += values.length;
            return new long[] {shard, at};
        }

        int shards() { return shard + 1; }

        @Override public void close() throws IOException {
            if (channel != null) {
                channel.force(false);
                channel.close();
            }
        }
    }

    /** Growable float array (for the domain's voiced f0 values). */
    private static final class FloatList {
        private float[] a = new float[1024];
        private int n;

        void add(float v) {
            if (n == a.length) a = Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }

        int size() { return n; }

        float median() {
            float[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }
    }
}
