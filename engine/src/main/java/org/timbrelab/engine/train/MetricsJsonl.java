package org.timbrelab.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per step in {@code <run>/metrics.jsonl}: {"step":12,"ms_per_step":35.1,"loss":…}.
 * On resume, lines after the resumed step are dropped first (they belong to steps that will run
 * again), so the file always describes one consistent history.
 */
public final class MetricsJsonl implements TrainingListener, AutoCloseable {

    public static final String FILE_NAME = "metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private BufferedWriter writer;

    public MetricsJsonl(Path file) {
        this.file = file;
    }

    @Override public void onStart(long startStep, long totalSteps) {
        try {
            List<String> keep = new ArrayList<>();
            if (startStep > 0 && Files.exists(file)) {
                for (StepRecord r : read(file)) {
                    if (r.step() <= startStep) keep.add(toLine(r.step(), r.msPerStep(), r.losses()));
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, keep, StandardCharsets.UTF_8);
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write metrics (" + e.getMessage() + ")", e);
        }
    }

    @Override public void onStep(StepEvent e) {
        try {
            writer.write(toLine(e.step(), e.msPerStep(), e.losses()));
            writer.newLine();
            writer.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(file + ": cannot append metrics (" + ex.getMessage() + ")", ex);
        }
    }

    @Override public void onStop(long completedSteps, StopReason reason, Throwable error) {
        close();
    }

    @Override public void close() {
        if (writer == null) return;
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot close metrics (" + e.getMessage() + ")", e);
        } finally {
            writer = null;
        }
    }

    private static String toLine(long step, double ms, Map<String, Float> losses) {
        ObjectNode o = JSON.createObjectNode();
        o.put("step", step);
        o.put("ms_per_step", Math.round(ms * 100) / 100.0);
        losses.forEach(o::put);
        return o.toString();
    }

    /** One parsed line. */
    public record StepRecord(long step, double msPerStep, Map<String, Float> losses) { }

    /** Reads a metrics file; fails naming the file and line on malformed content. */
    public static List<StepRecord> read(Path file) throws IOException {
        List<StepRecord> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                JsonNode n = JSON.readTree(line);
                Map<String, Float> losses = new java.util.LinkedHashMap<>();
                var it = n.fields();
                while (it.hasNext()) {
                    var f = it.next();
                    if (!f.getKey().equals("step") && !f.getKey().equals("ms_per_step")) losses.put(f.getKey(), f.getValue().floatValue());
                }
                out.add(new StepRecord(n.get("step").asLong(), n.path("ms_per_step").asDouble(), losses));
            } catch (IOException | NullPointerException e) {
                throw new IOException(file + " line " + lineNo + ": not a metrics record (" + e.getMessage()
                        + "); delete the line or the file", e);
            }
        }
        return out;
    }
}
