package org.timbrelab.engine.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts how many times a held-out inputs folder has been scored ({@code INPUTS/.eval-looks.json}),
 * for selection discipline (issue 19): knobs are chosen on a selection set, and a held-out set
 * looked at many times has become one. Each {@code eval} run counts once, when it starts scoring,
 * so a run that fails half-way still counts: a look is a look.
 */
public final class InputLooks {
    private InputLooks() { }

    public static final String FILE = ".eval-looks.json";

    /** One scoring run: when, of which preset, into which report folder. */
    public record Look(String time, String preset, String report) { }

    /** What the file holds. */
    public record Counter(int looks, List<Look> history) { }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The count so far (0 when the folder has never been scored). */
    public static int read(Path inputs) throws IOException {
        return load(inputs.resolve(FILE)).looks();
    }

    /** Counts one more look at {@code inputs} (atomic write) and returns the new total. */
    public static int count(Path inputs, String preset, String report) throws IOException {
        Path file = inputs.resolve(FILE);
        Counter c = load(file);
        List<Look> h = new ArrayList<>(c.history());
        h.add(new Look(Instant.now().toString(), preset, report));
        Counter next = new Counter(c.looks() + 1, h);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(inputs, FILE, ".tmp");
            JSON.writeValue(tmp.toFile(), next);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("could not count this look at " + inputs + " in " + file + " (" + e.getMessage()
                    + "); the eval keeps a count of how often each held-out set is scored: make the folder writable", e);
        } finally {
            if (tmp != null) Files.deleteIfExists(tmp);
        }
        return next.looks();
    }

    private static Counter load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return new Counter(0, List.of());
        try {
            Counter c = JSON.readValue(file.toFile(), Counter.class);
            return new Counter(c.looks(), c.history() == null ? List.of() : c.history());
        } catch (JsonProcessingException e) {
            throw new IOException("look counter " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); fix it by hand (it counts how often this held-out set was scored) rather than delete it", e);
        }
    }
}
