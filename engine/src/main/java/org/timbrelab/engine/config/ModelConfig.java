package org.timbrelab.engine.config;

/** What every model's config record has: its kind (the YAML {@code model:} key) and a train section. */
public interface ModelConfig {
    String model();

    TrainSettings train();
}
