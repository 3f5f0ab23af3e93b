package org.timbrelab.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * YAML → record, strictly: unknown keys, missing keys, wrong types and values rejected by a
 * record's constructor all fail with "file: key 'a.b': reason". Two phases so callers can look at
 * (and override) the tree before binding: {@link #readTree} then {@link #bind}.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private ConfigLoader() { }

    /** Parses a YAML file into a tree; the top level must be a mapping. */
    public static ObjectNode readTree(Path file) {
        try {
            JsonNode n = YAML.readTree(Files.readString(file));
            if (n == null || !n.isObject()) {
                throw new ConfigException(file + ": expected a YAML mapping of keys (model:, train:, …); fix the file");
            }
            return (ObjectNode) n;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": config file not found; pass an existing file (see config/)", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid YAML (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + "); fix the syntax", e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** A required text key at the top level (e.g. {@code model}). */
    public static String requireText(ObjectNode tree, String key, Path file) {
        JsonNode n = tree.get(key);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ConfigException(file + ": key '" + key + "' is missing or not text; add e.g. '" + key + ": vae-digits'");
        }
        return n.asText();
    }

    /** Binds the tree to {@code type}; every failure names the key. {@code source} names the file in messages. */
    public static <T> T bind(JsonNode tree, Class<T> type, Path source) {
        try {
            return YAML.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(source + ": unknown key '" + path(e) + "'" + (known.isEmpty() ? "" : " (allowed here: " + known + ")")
                    + "; remove or rename it", e);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            String where = path(e);
            throw new ConfigException(source + ": bad value" + (where.isEmpty() ? "" : " in '" + where + "'") + ": "
                    + cause.getMessage() + "; fix the value", e);
        } catch (InvalidFormatException e) {
            throw new ConfigException(source + ": key '" + path(e) + "': '" + e.getValue() + "' is not a valid "
                    + e.getTargetType().getSimpleName() + "; fix the value", e);
        } catch (MismatchedInputException e) {
            String msg = e.getOriginalMessage();
            if (msg.startsWith("Missing creator property") || msg.startsWith("Missing required creator property")) {
                Matcher m = QUOTED.matcher(msg);
                String name = m.find() ? m.group(1) : "?";
                String where = path(e);
                String key = where.equals(name) || where.endsWith("." + name) ? where : where.isEmpty() ? name : where + "." + name;
                throw new ConfigException(source + ": missing key '" + key
                        + "'; add it (every key of a config is required)", e);
            }
            throw new ConfigException(source + ": key '" + path(e) + "' has the wrong type (" + firstLine(msg) + "); fix the value", e);
        } catch (JsonMappingException e) {
            throw new ConfigException(source + ": key '" + path(e) + "': " + firstLine(e.getOriginalMessage()) + "; fix the value", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads and binds in one go. */
    public static <T> T load(Path file, Class<T> type) {
        return bind(readTree(file), type, file);
    }

    /** Serialises a tree or record as YAML (for printing and saving beside outputs). */
    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write config as YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
