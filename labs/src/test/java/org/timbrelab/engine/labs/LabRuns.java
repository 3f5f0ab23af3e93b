package org.timbrelab.engine.labs;

import org.timbrelab.engine.train.MetricsJsonl;
import org.timbrelab.engine.train.ModelRegistry;
import org.timbrelab.engine.train.RunControl;
import org.timbrelab.engine.train.TrainingRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers for lab smoke tests: train a YAML text in a directory and read back a loss series. */
final class LabRuns {
    private LabRuns() { }

    static Path train(Path dir, String yaml) throws IOException {
        Path config = dir.resolve("config-in.yaml");
        Files.writeString(config, yaml);
        Path run = dir.resolve("run");
        TrainingRun.execute(new TrainingRun.Request(config, run, null, null, false), ModelRegistry.standard(),
                new PrintStream(new ByteArrayOutputStream()), new RunControl());
        return run;
    }

    static List<Float> series(Path run, String name) throws IOException {
        return MetricsJsonl.read(run.resolve(MetricsJsonl.FILE_NAME)).stream().map(r -> r.losses().get(name)).toList();
    }

    static double mean(List<Float> xs, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += xs.get(i);
        return s / (to - from);
    }
}
