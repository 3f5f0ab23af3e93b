package org.timbrelab.engine.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Reads and writes {@link CheckpointData} as one binary file. Writing goes to a temp file in the
 * same directory, then an atomic move: a run killed at any moment leaves the previous checkpoint
 * intact. Floats are stored as raw IEEE bits (little endian), so a round trip is bit-exact.
 *
 * <p>Layout: "TLCK", version int, then three sections (texts, longs, tensors), each a count
 * followed by entries; a tensor entry is name, rank, dims, value count, raw floats.
 */
public final class Checkpoints {

    /** File name of a run's latest checkpoint inside its run directory. */
    public static final String FILE_NAME = "checkpoint.tlck";
    private static final int MAGIC = 0x544C434B; // "TLCK"
    private static final int VERSION = 1;

    private Checkpoints() { }

    public static void write(Path file, CheckpointData data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
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
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static CheckpointData read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no checkpoint here; train without --resume to start a new run");
        }
        CheckpointData data = new CheckpointData();
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            if (in.readInt() != MAGIC) throw new IOException(file + ": not a Timbre Lab checkpoint (bad magic)");
            int version = in.readInt();
            if (version != VERSION) throw new IOException(file + ": checkpoint version " + version + " is not supported (expected " + VERSION + ")");
            int nTexts = in.readInt();
            for (int i = 0; i < nTexts; i++) {
                String k = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                data.putText(k, new String(b, StandardCharsets.UTF_8));
            }
            int nLongs = in.readInt();
            for (int i = 0; i < nLongs; i++) data.putLong(in.readUTF(), in.readLong());
            int nTensors = in.readInt();
            for (int i = 0; i < nTensors; i++) {
                String k = in.readUTF();
                long[] shape = new long[in.readInt()];
                for (int d = 0; d < shape.length; d++) shape[d] = in.readLong();
                int n = in.readInt();
                byte[] raw = new byte[Math.multiplyExact(n, 4)];
                in.readFully(raw);
                float[] v = new float[n];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                data.putTensor(k, new CheckpointData.Tensor(shape, v));
            }
        } catch (EOFException e) {
            throw new IOException(file + ": checkpoint is truncated; delete it to start over, or restore a complete copy", e);
        }
        return data;
    }
}
