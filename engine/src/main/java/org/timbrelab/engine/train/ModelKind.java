package org.timbrelab.engine.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.timbrelab.engine.config.ModelConfig;

import java.util.List;

/**
 * A trainable model kind, found by the {@code model:} key of a config ("vae-digits", "vaegan"…).
 * Implementations are listed in {@code META-INF/services/org.timbrelab.engine.train.ModelKind}
 * (see {@link ModelRegistry}); the training loop never names them.
 *
 * @param <C> the kind's config record (the whole YAML file)
 */
public interface ModelKind<C extends ModelConfig> {

    /** The value of {@code model:} that selects this kind. */
    String name();

    Class<C> configType();

    /**
     * Builds the models and optimisers, freshly initialised from the config. The engine's RNG is
     * seeded with {@code train.seed} just before; seed any Java-side randomness from it too.
     */
    TrainingRecipe create(C config, RunContext context);

    /**
     * Fills keys that newer versions added with their defaults before the strict binding (which
     * requires every key), so older configs and runs still load; nothing by default.
     */
    default void fillOptionalKeys(ObjectNode tree) { }

    /** Extra listeners (e.g. sample snapshots); empty by default. */
    default List<TrainingListener> listeners(C config, TrainingRecipe recipe, RunContext context) {
        return List.of();
    }
}
