package org.timbrelab.engine.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns parser and binder errors into plain words: what was expected, what was found, where, and what to do. */
final class ConfigErrors {
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");
    private static final Pattern RANGE = Pattern.compile("Numeric value \\((.+)\\) out of range of (\\w+)");

    private ConfigErrors() { }

    /** A syntax error: "line L, column C: not valid YAML (problem); fix the syntax there". */
    static String syntax(JsonProcessingException e, String kind) {
        Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (dup.find()) {
            String where = ConfigLoader.at(e.getLocation());
            return "key '" + dup.group(1) + "' is given twice" + (where.isEmpty() ? "" : " (the second time at " + where + ")")
                    + "; keep only one (otherwise one value would silently win)";
        }
        String[] wp = whereAndProblem(e);
        return (wp[0].isEmpty() ? "" : wp[0] + ": ") + "not valid " + kind + " (" + wp[1] + "); fix the syntax there";
    }

    /** "line L, column C: problem" without advice, for callers that give their own. */
    static String problem(JsonProcessingException e) {
        Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (dup.find()) return "key '" + dup.group(1) + "' is given twice";
        String[] wp = whereAndProblem(e);
        return (wp[0].isEmpty() ? "" : wp[0] + ": ") + wp[1];
    }

    private static String[] whereAndProblem(JsonProcessingException e) {
        String where = ConfigLoader.at(e.getLocation());
        String problem = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            problem = m.getProblem() == null ? m.getContext() : m.getProblem();
            if (m.getProblemMark() != null) where = "line " + (m.getProblemMark().getLine() + 1) + ", column " + (m.getProblemMark().getColumn() + 1);
        }
        return new String[] {where, yamlProblem(problem)};
    }

    private static String yamlProblem(String p) {
        String s = firstLine(p);
        if (s.contains("(TAB)")) return "a tab is used for indentation; indent with spaces";
        if (s.contains("<block end>") || s.contains("<block mapping start>") || s.contains("<block sequence start>"))
            return "the indentation does not line up with the lines above";
        if (s.contains("mapping values are not allowed")) return "a ':' where none is allowed; put quotes around a value that contains ': '";
        if (s.contains("but got <stream end>") || s.contains("Unexpected end-of-input")) return "the file ends before a bracket or quote is closed";
        if (s.contains("expected ',' or '}'")) return "a '{' mapping is not closed with '}' or lacks a ','";
        if (s.contains("expected ',' or ']'")) return "a '[' list is not closed with ']' or lacks a ','";
        if (s.contains("could not find expected ':'")) return "a line has no 'key: value' form";
        if (s.contains("was expecting double-quote to start field name")) return "a key is not in double quotes";
        if (s.startsWith("Unexpected end-of-input")) return "the file ends before a bracket or quote is closed";
        Matcher found = Pattern.compile("expected the node content, but found '?([^']*)'?").matcher(s);
        if (found.find()) return "a value is missing before '" + found.group(1) + "'";
        return plain(s);
    }

    /** A value of the wrong type, a missing key (naming unknown ones beside it), a number out of range. */
    static String mismatch(MismatchedInputException e, JsonNode tree, Class<?> root, String path, JsonPointer pointer, ObjectMapper mapper) {
        String msg = String.valueOf(e.getOriginalMessage());
        if (msg.startsWith("Missing creator property") || msg.startsWith("Missing required creator property")) {
            Matcher m = QUOTED.matcher(msg);
            String name = m.find() ? m.group(1) : "?";
            String key = path.equals(name) || path.endsWith("." + name) ? path : path.isEmpty() ? name : path + "." + name;
            JsonPointer parent = path.equals(key) ? pointer.head() : pointer;
            String parentPath = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : "";
            List<String> unknown = unknownKeys(tree.at(parent == null ? JsonPointer.empty() : parent), typeAt(root, parentPath), mapper);
            if (unknown.size() == 1)
                return "missing key '" + key + "', and '" + unknown.get(0) + "' beside it is not a known key (a misspelling of '" + name
                        + "'?); rename '" + unknown.get(0) + "' to '" + name + "'";
            if (!unknown.isEmpty())
                return "missing key '" + key + "'; the keys " + unknown + " beside it are not known (misspelt?); fix their names";
            return "missing key '" + key + "'; add it (every key of a config is required)";
        }
        JsonNode got = tree.at(pointer);
        Class<?> t = e.getTargetType();
        String range = range(msg, path);
        if (range != null) return range;
        return "key '" + path + "' must be " + expected(t) + ", but it is " + (got.isMissingNode() ? "something else" : describe(got)) + "; fix the value";
    }

    /** "key 'a.b' is 1e20, too large for a whole number (at most …)", or null when {@code msg} is not about a range. */
    static String range(String msg, String path) {
        Matcher range = RANGE.matcher(String.valueOf(msg));
        if (!range.find()) return null;
        String limit = switch (range.group(2)) {
            case "int" -> " (at most " + Integer.MAX_VALUE + ")";
            case "long" -> " (at most " + Long.MAX_VALUE + ")";
            default -> "";
        };
        return "key '" + path + "' is " + range.group(1) + ", too large for a whole number" + limit + "; use a smaller value";
    }

    /** The record type found at a dotted key path below {@code root} (list elements by their generic type), or null. */
    static Class<?> typeAt(Class<?> root, String dotted) {
        Class<?> t = root;
        if (dotted.isEmpty()) return t;
        for (String part : dotted.replaceAll("\\[\\d+\\]", "").split("\\.")) {
            if (t == null || !t.isRecord()) return null;
            java.lang.reflect.RecordComponent found = null;
            for (java.lang.reflect.RecordComponent c : t.getRecordComponents()) if (c.getName().equals(part)) found = c;
            if (found == null) return null;
            t = found.getType();
            if (Collection.class.isAssignableFrom(t) && found.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> elem) t = elem;
        }
        return t;
    }

    /** Keys of {@code node} that {@code type} does not have. */
    private static List<String> unknownKeys(JsonNode node, Class<?> type, ObjectMapper mapper) {
        if (node == null || !node.isObject() || type == null) return List.of();
        Set<String> known = new TreeSet<>();
        try {
            for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(mapper.constructType(type)).findProperties())
                known.add(p.getName());
        } catch (RuntimeException e) {
            return List.of();
        }
        if (type.isRecord()) Arrays.stream(type.getRecordComponents()).forEach(c -> known.add(c.getName()));
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(f -> { if (!known.contains(f)) out.add(f); });
        return out;
    }

    /** "a whole number", "a number", "true or false", "text", "one of [a, b]", "a list", "a mapping of keys". */
    static String expected(Class<?> t) {
        if (t == null) return "another kind of value";
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class || t == Short.class)
            return "a whole number";
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) return "a number";
        if (t == boolean.class || t == Boolean.class) return "true or false";
        if (t == String.class) return "text";
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : t.getEnumConstants()) names.add(c.toString());
            return "one of " + names;
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) return "a list";
        return Map.class.isAssignableFrom(t) ? "a mapping of keys" : "a mapping of keys (key: value lines)";
    }

    /** What a value in the file is, in words: "empty", "the text 'abc'", "the number 4.5", "a list", … */
    static String describe(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return "empty";
        if (n.isTextual()) return "the text '" + abbreviate(n.asText()) + "'";
        if (n.isBoolean()) return n.asText();
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isArray()) return "a list";
        if (n.isObject()) return "a mapping of keys";
        return "'" + abbreviate(n.asText()) + "'";
    }

    /** A parser message without class names, feature flags or token names. */
    static String plain(String s) {
        String line = firstLine(s == null ? "" : s);
        line = line.replaceAll("\\s*\\(but might if coercion[^)]*\\)", "")
                .replaceAll("\\s*\\(set DeserializationConfig[^)]*\\)", "")
                .replaceAll("\\s*\\(token `JsonToken\\.[A-Z_]+`\\)", "")
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll("`?(?:[a-z]+\\.)+([A-Z]\\w*)(?:\\$(\\w+))?`?", "$1")
                .replaceAll("`", "'");
        return line.isBlank() ? "the parser gave no reason" : line;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
