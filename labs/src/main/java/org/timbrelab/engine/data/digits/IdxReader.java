package org.timbrelab.engine.data.digits;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of the MNIST files: big-endian magic (0x00000803 for uint8 images of rank
 * 3, 0x00000801 for uint8 labels), dimension sizes, then the bytes. Gzipped files (.gz or gzip
 * magic) are read transparently.
 */
public final class IdxReader {

    private IdxReader() { }

    /** Images (scaled to [0, 1]) and labels from a pair of IDX files. */
    public static DigitSet read(Path images, Path labels) throws IOException {
        int[] lab;
        try (DataInputStream in = open(labels)) {
            int magic = in.readInt();
            if (magic != 0x00000801) throw new IOException(labels + ": not an IDX label file (magic 0x" + Integer.toHexString(magic) + ", expected 0x801)");
            int n = in.readInt();
            lab = new int[n];
            for (int i = 0; i < n; i++) lab[i] = in.readUnsignedByte();
        } catch (EOFException e) {
            throw new IOException(labels + ": truncated IDX label file; download it again", e);
        }
        try (DataInputStream in = open(images)) {
            int magic = in.readInt();
            if (magic != 0x00000803) throw new IOException(images + ": not an IDX image file (magic 0x" + Integer.toHexString(magic) + ", expected 0x803)");
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            if (rows != cols) throw new IOException(images + ": images are " + rows + "x" + cols + "; only square images are supported");
            if (n != lab.length) throw new IOException(images + ": " + n + " images but " + labels + " has " + lab.length + " labels; use matching files");
            byte[] raw = new byte[Math.multiplyExact(Math.multiplyExact(n, rows), cols)];
            in.readFully(raw);
            float[] px = new float[raw.length];
            for (int i = 0; i < raw.length; i++) px[i] = (raw[i] & 0xff) / 255f;
            return new DigitSet(rows, px, lab);
        } catch (EOFException e) {
            throw new IOException(images + ": truncated IDX image file; download it again", e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": file not found");
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        return new DataInputStream(in);
    }

    /** Writes an IDX pair (for fixtures and round-trip tests); {@code gzip} compresses both. */
    public static void write(DigitSet set, Path images, Path labels, boolean gzip) throws IOException {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(wrap(Files.newOutputStream(labels), gzip))) {
            out.writeInt(0x801);
            out.writeInt(set.count());
            for (int l : set.labels()) out.writeByte(l);
        }
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(wrap(Files.newOutputStream(images), gzip))) {
            out.writeInt(0x803);
            out.writeInt(set.count());
            out.writeInt(set.size());
            out.writeInt(set.size());
            for (float p : set.pixels()) out.writeByte(Math.round(Math.max(0, Math.min(1, p)) * 255));
        }
    }

    private static java.io.OutputStream wrap(java.io.OutputStream os, boolean gzip) throws IOException {
        java.io.OutputStream b = new java.io.BufferedOutputStream(os, 1 << 16);
        return gzip ? new java.util.zip.GZIPOutputStream(b, 1 << 16) : b;
    }
}
