package org.timbrelab.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {

    record Net(int channels, double dropout) {
        Net {
            if (channels < 1) throw new IllegalArgumentException("channels must be >= 1 (got " + channels + ")");
        }
    }

    record Cfg(String model, TrainSettings train, Net net) implements ModelConfig { }

    @TempDir Path dir;

    private Path yaml(String text) throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static final String TRAIN = "train: {steps: 10, seed: 1, checkpointEvery: 5, logEvery: 1, reportEvery: 5}\n";

    private ConfigException fails(String text) throws IOException {
        Path f = yaml(text);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Cfg.class));
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
        return e;
    }

    @Test void validConfigBinds() throws IOException {
        Cfg c = ConfigLoader.load(yaml("model: m\n" + TRAIN + "net:\n  channels: 16\n  dropout: 0.1\n"), Cfg.class);
        assertEquals(16, c.net().channels());
        assertEquals(10, c.train().steps());
    }

    @Test void unknownKeyIsNamedWithItsPath() throws IOException {
        ConfigException e = fails("model: m\n" + TRAIN + "net: {channels: 16, dropout: 0.1, chanels: 3}\n");
        assertTrue(e.getMessage().contains("unknown key 'net.chanels'"), e.getMessage());
        assertTrue(e.getMessage().contains("channels"), "lists allowed keys: " + e.getMessage());
    }

    @Test void wrongTypeIsNamed() throws IOException {
        ConfigException e = fails("model: m\n" + TRAIN + "net: {channels: many, dropout: 0.1}\n");
        assertTrue(e.getMessage().contains("'net.channels'"), e.getMessage());
    }

    @Test void fractionForAnIntegerIsRejected() throws IOException {
        ConfigException e = fails("model: m\n" + TRAIN + "net: {channels: 2.5, dropout: 0.1}\n");
        assertTrue(e.getMessage().contains("net.channels"), e.getMessage());
    }

    @Test void missingKeyIsNamed() throws IOException {
        ConfigException e = fails("model: m\n" + TRAIN + "net: {channels: 16}\n");
        assertTrue(e.getMessage().contains("missing key 'net.dropout'"), e.getMessage());
    }

    @Test void valueRejectedByTheRecordNamesTheKey() throws IOException {
        ConfigException e = fails("model: m\n" + TRAIN + "net: {channels: 0, dropout: 0.1}\n");
        assertTrue(e.getMessage().contains("'net'") && e.getMessage().contains("channels must be >= 1"), e.getMessage());
        ConfigException steps = fails("model: m\ntrain: {steps: -3, seed: 1, checkpointEvery: 5, logEvery: 1, reportEvery: 5}\n"
                + "net: {channels: 4, dropout: 0.1}\n");
        assertTrue(steps.getMessage().contains("steps must be >= 0"), steps.getMessage());
    }

    @Test void brokenYamlNamesTheLine() throws IOException {
        ConfigException e = fails("model: m\nnet: {channels: [1, 2\n");
        assertTrue(e.getMessage().contains("not valid YAML") && e.getMessage().contains("line"), e.getMessage());
    }

    @Test void missingFileSaysSo() {
        Path f = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Cfg.class));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
