package org.timbrelab.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.timbrelab.dsp.AudioFileException;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.WavData;
import org.timbrelab.engine.preset.TestPresets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bounded fuzzing with a fixed seed: WAV headers and preset.json bytes mutated at random. Every
 * outcome must be a clean refusal (an {@link AudioFileException}, or exit 1 with one "error:"
 * line naming no parser internals and no stack trace) or a valid output; never a crash.
 */
class BadInputFuzzTest {
    private static final long SEED = 23;
    private static final int WAV_ITERATIONS = 200, WAV_THROUGH_CLI_EVERY = 5, PRESET_ITERATIONS = 120;
    private static final Pattern INTERNALS = Pattern.compile("com\\.fasterxml|org\\.yaml|java\\.lang|java\\.io|Exception\\b|JsonToken|CoercionConfig|DeserializationFeature");

    @TempDir static Path shared;
    @TempDir Path ws;
    private static Path preset;

    @BeforeAll static void makePreset() {
        preset = TestPresets.write(shared.resolve("preset"), true, 5);
    }

    @Test void mutatedWavHeadersAreRefusedCleanlyOrRead() throws Exception {
        Random r = new Random(SEED);
        byte[] good = BadFiles.goodWav();
        int refused = 0, read = 0, cli = 0;
        for (int i = 0; i < WAV_ITERATIONS; i++) {
            byte[] bad = mutateWav(good, r);
            Path in = ws.resolve("in" + i + ".wav");
            Files.write(in, bad);
            String what = "iteration " + i + " (seed " + SEED + ")";
            try {
                WavData d = AudioFiles.read(in);
                assertTrue(d.frames() > 0, what);
                for (double[] ch : d.channels()) for (double v : ch) assertTrue(Double.isFinite(v), what);
                read++;
            } catch (AudioFileException e) {
                assertTrue(e.getMessage().startsWith(in.toString()) && e.getMessage().contains("What to do:"), what + ": " + e.getMessage());
                refused++;
            }
            if (i % WAV_THROUGH_CLI_EVERY == 0) {
                Path out = ws.resolve("out" + i + ".wav");
                checkCli(what, out, "convert", "--preset", preset.toString(), "--in", in.toString(), "--to", "violin", "--out", out.toString());
                cli++;
            }
        }
        assertEquals(WAV_ITERATIONS, refused + read);
        assertTrue(refused > 20 && read > 20, "the mutations reach both outcomes: " + refused + " refused, " + read + " read, " + cli + " through the CLI");
    }

    @Test void mutatedPresetJsonIsRefusedCleanlyOrConverts() throws Exception {
        Random r = new Random(SEED + 1);
        Path in = ws.resolve("in.wav");
        Files.write(in, BadFiles.goodWav());
        byte[] good = Files.readAllBytes(preset.resolve("preset.json"));
        Path p = ws.resolve("p");
        Files.createDirectories(p);
        for (String f : new String[] {"weights.tlck", "latents.tlck", "latents.json"}) Files.copy(preset.resolve(f), p.resolve(f));
        int ok = 0;
        for (int i = 0; i < PRESET_ITERATIONS; i++) {
            Files.write(p.resolve("preset.json"), mutateJson(good, r));
            Path out = ws.resolve("out" + i + ".wav");
            if (checkCli("iteration " + i + " (seed " + (SEED + 1) + ")", out,
                    "convert", "--preset", p.toString(), "--in", in.toString(), "--to", "violin", "--out", out.toString())) ok++;
        }
        assertTrue(ok < PRESET_ITERATIONS, "most mutations are refused");
    }

    /** Runs the CLI; true when it converted. A refusal must be one clean line; a success a readable WAV. */
    private boolean checkCli(String what, Path out, String... args) throws IOException {
        CliRun run;
        try {
            run = CliRun.of(args);
        } catch (Throwable t) {
            fail(what + ": the command crashed with " + t);
            return false;
        }
        assertFalse(run.showsStackTrace(), what + ": " + run.all());
        if (run.exit() == 0) {
            assertTrue(AudioFiles.read(out).frames() > 0, what);
            return true;
        }
        assertEquals(1, run.exit(), what + ": " + run.all());
        String err = run.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
        assertFalse(err.isEmpty(), what + ": no 'error:' line in " + run.err());
        assertFalse(INTERNALS.matcher(err).find(), what + ": parser internals in the message: " + err);
        assertFalse(Files.exists(out), what + ": a refused conversion wrote its output");
        try (Stream<Path> s = Files.list(ws)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), what + ": a temp file was left");
        }
        return false;
    }

    /** One to four mutations, mostly in the 44-byte header: random bytes, special 32-bit values, truncation. */
    static byte[] mutateWav(byte[] good, Random r) {
        byte[] b = good.clone();
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            int kind = r.nextInt(10);
            if (kind < 5) {
                int pos = r.nextInt(10) < 8 ? r.nextInt(44) : r.nextInt(b.length);
                b[pos] = (byte) r.nextInt(256);
            } else if (kind < 8) {
                int[] fields = {4, 16, 24, 28, 40};   // RIFF size, fmt size, rate, byte rate, data size
                int[] values = {0, -1, 1, 7, Integer.MAX_VALUE, 999, 384_001, b.length * 3};
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(fields[r.nextInt(fields.length)], values[r.nextInt(values.length)]);
            } else if (kind < 9) {
                int[] shorts = {20, 22, 32, 34};      // format tag, channels, block align, bits
                int[] values = {0, 1, 2, 3, 8, 12, 24, 32, 0xFFFE, 0x55, 65535};
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(shorts[r.nextInt(shorts.length)], (short) values[r.nextInt(values.length)]);
            } else {
                b = Arrays.copyOf(b, r.nextInt(b.length));
            }
        }
        return b;
    }

    /** One to three byte-level edits of JSON text: replace, delete, or insert a JSON-significant character or digit. */
    static byte[] mutateJson(byte[] good, Random r) {
        StringBuilder s = new StringBuilder(new String(good, StandardCharsets.UTF_8));
        String alphabet = "{}[]:,\"0123456789.-eE tnulfa\\";
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && s.length() > 0; k++) {
            int pos = r.nextInt(s.length());
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            switch (r.nextInt(3)) {
                case 0 -> s.setCharAt(pos, c);
                case 1 -> s.deleteCharAt(pos);
                default -> s.insert(pos, c);
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
