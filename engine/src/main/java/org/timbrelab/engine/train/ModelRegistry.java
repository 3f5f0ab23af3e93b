package org.timbrelab.engine.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Model kinds by name. {@link #standard()} finds every kind listed in
 * {@code META-INF/services/org.timbrelab.engine.train.ModelKind}, so adding a model is one line
 * there plus its class; tests build registries from explicit lists.
 */
public final class ModelRegistry {

    private final Map<String, ModelKind<?>> kinds = new LinkedHashMap<>();

    public ModelRegistry(List<? extends ModelKind<?>> kinds) {
        for (ModelKind<?> k : kinds) {
            if (this.kinds.put(k.name(), k) != null) throw new IllegalArgumentException("model kind '" + k.name() + "' registered twice");
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static ModelRegistry standard() {
        List<ModelKind<?>> found = (List) ServiceLoader.load(ModelKind.class).stream().map(ServiceLoader.Provider::get).toList();
        return new ModelRegistry(found);
    }

    /** The kind named {@code name}; the error lists the known kinds. */
    public ModelKind<?> get(String name, Object source) {
        ModelKind<?> k = kinds.get(name);
        if (k == null) {
            throw new org.timbrelab.engine.config.ConfigException(source + ": key 'model': unknown model kind '" + name
                    + "' (known: " + String.join(", ", kinds.keySet()) + "); fix the value");
        }
        return k;
    }

    public List<String> names() {
        return List.copyOf(kinds.keySet());
    }
}
