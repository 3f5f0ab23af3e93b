package org.timbrelab.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Collectors;

/**
 * YAML → record, strictly: unknown keys, missing keys, keys given twice, wrong types and values
 * rejected by a record's constructor all fail with "file: key 'a.b': reason; what to do", in plain
 * words (no parser internals). Two phases so callers can look at (and override) the tree before
 * binding: {@link #readTree} then {@link #bind}. JSON files (presets) are read the same way.
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ConfigLoader() { }

    /** Parses a YAML (or JSON) file into a tree; the top level must be a mapping. */
    public static ObjectNode readTree(Path file) {
        String kind = kind(file);
        try {
            JsonNode n = YAML.readTree(Files.readString(file));
            if (n == null || !n.isObject()) {
                throw new ConfigException(file + ": expected a " + kind + " mapping of keys (" + (kind.equals("JSON") ? "{\"version\": …}" : "model:, train:, …")
                        + ") but " + (n == null || n.isMissingNode() ? "the file is empty" : "found " + ConfigErrors.describe(n)) + "; fix the file");
            }
            return (ObjectNode) n;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": file not found; pass an existing file" + (kind.equals("YAML") ? " (see config/ for examples)" : ""), e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ConfigException(file + ": not a text file (it is not valid UTF-8); choose the " + kind + " file itself", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + ConfigErrors.syntax(e, kind), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + "); check that it is a readable file", e);
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
        } catch (MismatchedInputException e) {
            throw new ConfigException(source + ": " + ConfigErrors.mismatch(e, tree, type, path(e), pointer(e), YAML), e);
        } catch (JsonMappingException e) {
            String range = ConfigErrors.range(e.getOriginalMessage(), path(e));
            if (range != null) throw new ConfigException(source + ": " + range, e);
            JsonNode got = tree.at(pointer(e));
            String what = got.isMissingNode() ? "" : " is " + ConfigErrors.describe(got) + ", which";
            throw new ConfigException(source + ": key '" + path(e) + "'" + what + " cannot be used here ("
                    + ConfigErrors.plain(e.getOriginalMessage()) + "); fix the value", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + ConfigErrors.plain(e.getOriginalMessage()) + "; fix the file", e);
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

    /** A JSON or YAML reading error in plain words with its place ("line 3, column 7: a key is not in double quotes"), for files read without this loader. */
    public static String describe(IOException e, String kind) {
        if (e instanceof JsonProcessingException j) return ConfigErrors.problem(j);
        if (e instanceof java.nio.charset.MalformedInputException) return "not a text file (it is not valid UTF-8)";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Line and column of a parse error (1-based), or "" when unknown. */
    static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : "line " + loc.getLineNr() + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "");
    }

    private static String kind(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "JSON" : "YAML";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static JsonPointer pointer(JsonMappingException e) {
        JsonPointer p = JsonPointer.empty();
        for (JsonMappingException.Reference r : e.getPath()) p = r.getFieldName() != null ? p.appendProperty(r.getFieldName()) : p.appendIndex(r.getIndex());
        return p;
    }
}
