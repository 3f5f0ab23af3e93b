package org.timbrelab.engine.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.UTFDataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;

import org.timbrelab.dsp.AtomicFiles;

/**
 * Reads and writes {@link CheckpointData} as one binary file. Writing goes to a temp file in the
 * same directory, then an atomic move: a run killed at any moment leaves the previous checkpoint
 * intact. Floats are stored as raw IEEE bits (little endian), so a round trip is bit-exact.
 *
 * <p>Layout: "TLCK", version int, then three sections (texts, longs, tensors), each a count
 * followed by entries; a tensor entry is name, rank, dims, value count, raw floats. Since the
 * checksum was added, the sections are followed by "TSUM" and the SHA-256 of everything before it;
 * reading verifies it (files written before have no trailer and are read unchecked, and older
 * readers ignore the trailer).
 *
 * <p>A run keeps its previous checkpoint as {@code checkpoint.tlck.prev} ({@link #writeKeepingPrevious}),
 * and {@link #readOrPrevious} falls back to it when the newest one is damaged.
 */
public final class Checkpoints {

    /** File name of a run's latest checkpoint inside its run directory. */
    public static final String FILE_NAME = "checkpoint.tlck";
    /** Suffix of the previous good checkpoint kept beside the latest. */
    public static final String PREVIOUS_SUFFIX = ".prev";
    private static final int MAGIC = 0x544C434B; // "TLCK"
    private static final int SUM_MAGIC = 0x5453554D; // "TSUM"
    private static final int VERSION = 1;
    private static final int MAX_RANK = 16;

    private Checkpoints() { }

    /** A checkpoint that was read, and from which file (the latest, or the previous one when the latest is damaged). */
    public record Loaded(CheckpointData data, Path file, String notice) {
        /** True when the latest checkpoint was damaged and the previous one was read instead. */
        public boolean fellBack() { return notice != null; }
    }

    /** The previous-checkpoint file kept beside {@code file}. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName() + PREVIOUS_SUFFIX);
    }

    public static void write(Path file, CheckpointData data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        AtomicFiles.removeOrphans(file); // left by a run killed mid-write
        Path tmp = AtomicFiles.tempFor(file);
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 DigestOutputStream digest = new DigestOutputStream(new BufferedOutputStream(os, 1 << 16), sha256());
                 DataOutputStream out = new DataOutputStream(digest)) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(data.texts().size());
                for (Map.Entry<String, String> e : data.texts().entrySet()) {
                    out.writeUTF(e.getKey());
                    byte[] b = e.getValue().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                }
                out.writeInt(data.longs().size());
                for (Map.Entry<String, Long> e : data.longs().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeLong(e.getValue());
                }
                out.writeInt(data.tensors().size());
                for (Map.Entry<String, CheckpointData.Tensor> e : data.tensors().entrySet()) {
                    out.writeUTF(e.getKey());
                    long[] shape = e.getValue().shape();
                    out.writeInt(shape.length);
                    for (long d : shape) out.writeLong(d);
                    float[] v = e.getValue().values();
                    out.writeInt(v.length);
                    ByteBuffer buf = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    buf.asFloatBuffer().put(v);
                    out.write(buf.array());
                }
                byte[] sum = digest.getMessageDigest().digest();
                digest.on(false);
                out.writeInt(SUM_MAGIC);
                out.write(sum);
            }
            AtomicFiles.commit(tmp, file);
        } finally {
            AtomicFiles.discard(tmp);
        }
    }

    /**
     * Writes {@code file}, first keeping the checkpoint it replaces as {@link #previous(Path)} when
     * that one reads back intact (a damaged latest never replaces a good previous).
     */
    public static void writeKeepingPrevious(Path file, CheckpointData data) throws IOException {
        if (Files.isRegularFile(file) && isIntact(file)) {
            Path prev = previous(file);
            Path staged = AtomicFiles.tempFor(prev);
            try {
                try {
                    Files.delete(staged);
                    Files.createLink(staged, file);
                } catch (UnsupportedOperationException | IOException noLinks) {
                    Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
                }
                AtomicFiles.commit(staged, prev);
            } finally {
                AtomicFiles.discard(staged);
            }
        }
        write(file, data);
    }

    /** True when {@code file} reads back completely and its checksum (if any) matches. */
    public static boolean isIntact(Path file) {
        try {
            read(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads {@code file}, or, when it is damaged and a previous checkpoint is intact, that one with
     * a notice saying so. When both fail, the error is the latest's.
     */
    public static Loaded readOrPrevious(Path file) throws IOException {
        try {
            return new Loaded(read(file), file, null);
        } catch (DamagedCheckpointException damaged) {
            Path prev = previous(file);
            if (!Files.isRegularFile(prev)) throw damaged;
            CheckpointData data;
            try {
                data = read(prev);
            } catch (IOException alsoDamaged) {
                throw damaged;
            }
            Long step = data.longs().get("step");
            return new Loaded(data, prev, file + ": " + damaged.problem() + "; using the previous checkpoint " + prev.getFileName()
                    + (step == null ? "" : " (step " + step + ")") + " instead");
        }
    }

    /**
     * Reads a checkpoint. A missing file is an {@link IOException} with advice for resuming; a
     * damaged one (bad magic, cut short, checksum mismatch, impossible sizes) a
     * {@link DamagedCheckpointException}, whose {@link DamagedCheckpointException#problem()} callers
     * can give their own advice for.
     */
    public static CheckpointData read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no checkpoint here; train without --resume to start a new run");
        }
        long size = Files.size(file);
        CheckpointData data = new CheckpointData();
        try (InputStream is = Files.newInputStream(file);
             DigestInputStream digest = new DigestInputStream(new BufferedInputStream(is, 1 << 16), sha256());
             DataInputStream in = new DataInputStream(digest)) {
            if (in.readInt() != MAGIC) throw new DamagedCheckpointException(file, "not a Timbre Lab tensor file (it does not start with TLCK)");
            int version = in.readInt();
            if (version != VERSION)
                throw new DamagedCheckpointException(file, "format version " + version + " is not supported (this Timbre Lab reads " + VERSION + ")");
            int nTexts = count(in.readInt(), size, file, "texts");
            for (int i = 0; i < nTexts; i++) {
                String k = in.readUTF();
                byte[] b = new byte[count(in.readInt(), size, file, "text '" + k + "'")];
                in.readFully(b);
                data.putText(k, new String(b, StandardCharsets.UTF_8));
            }
            int nLongs = count(in.readInt(), size, file, "numbers");
            for (int i = 0; i < nLongs; i++) data.putLong(in.readUTF(), in.readLong());
            int nTensors = count(in.readInt(), size, file, "tensors");
            for (int i = 0; i < nTensors; i++) {
                String k = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > MAX_RANK) throw new DamagedCheckpointException(file, "tensor '" + k + "' claims rank " + rank);
                long[] shape = new long[rank];
                for (int d = 0; d < shape.length; d++) shape[d] = in.readLong();
                int n = in.readInt();
                if (n < 0 || 4L * n > size) throw new DamagedCheckpointException(file, "it is cut short or damaged (tensor '" + k + "' needs "
                        + 4L * n + " bytes but the whole file has " + size + ")");
                if (!fits(shape, n)) throw new DamagedCheckpointException(file, "tensor '" + k + "' has shape " + Arrays.toString(shape) + " but " + n + " values");
                byte[] raw = new byte[n * 4];
                in.readFully(raw);
                float[] v = new float[n];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                try {
                    data.putTensor(k, new CheckpointData.Tensor(shape, v));
                } catch (IllegalArgumentException duplicate) {
                    throw new DamagedCheckpointException(file, "tensor '" + k + "' appears twice");
                }
            }
            byte[] expected = digest.getMessageDigest().digest();
            digest.on(false);
            byte[] tag = in.readNBytes(4);
            if (tag.length == 0) return data; // written before checksums: nothing to verify
            if (tag.length < 4 || ByteBuffer.wrap(tag).getInt() != SUM_MAGIC)
                throw new DamagedCheckpointException(file, "it has unexpected bytes after its last tensor");
            byte[] sum = new byte[32];
            in.readFully(sum);
            if (!MessageDigest.isEqual(sum, expected))
                throw new DamagedCheckpointException(file, "its checksum does not match its content (bytes were changed after it was written)");
            if (in.read() != -1) throw new DamagedCheckpointException(file, "it has unexpected bytes after its checksum");
        } catch (EOFException e) {
            throw new DamagedCheckpointException(file, "it is cut short (truncated)", e);
        } catch (UTFDataFormatException e) {
            throw new DamagedCheckpointException(file, "an entry name is not valid text", e);
        }
        return data;
    }

    private static int count(int n, long fileSize, Path file, String what) throws DamagedCheckpointException {
        if (n < 0 || n > fileSize) throw new DamagedCheckpointException(file, "it is cut short or damaged (it claims " + n + " " + what + " in a file of " + fileSize + " bytes)");
        return n;
    }

    private static boolean fits(long[] shape, int n) {
        long product = 1;
        try {
            for (long d : shape) {
                if (d < 0) return false;
                product = Math.multiplyExact(product, d);
            }
        } catch (ArithmeticException overflow) {
            return false;
        }
        return product == n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
