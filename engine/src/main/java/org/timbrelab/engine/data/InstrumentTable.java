package org.timbrelab.engine.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The instruments of {@code config/instruments.yaml}, by name. */
public final class InstrumentTable {
    /** Where the table lives relative to the working directory (the repository root). */
    public static final Path DEFAULT_PATH = Path.of("config", "instruments.yaml");
    private static final Set<String> KEYS = Set.of("program", "bank", "family", "notes", "phrases");

    private final Map<String, Instrument> byName;
    private final Path source;

    private InstrumentTable(Map<String, Instrument> byName, Path source) {
        this.byName = Collections.unmodifiableMap(byName);
        this.source = source;
    }

    /** Loads {@link #DEFAULT_PATH}. */
    public static InstrumentTable loadDefault() {
        return load(DEFAULT_PATH);
    }

    public static InstrumentTable load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("instrument table " + file.toAbsolutePath() + " not found: run from the repository root or pass --instruments FILE");
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("instrument table " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        JsonNode list = root == null ? null : root.get("instruments");
        if (list == null || !list.isObject()) {
            throw new IllegalArgumentException("instrument table " + file + ": expected a top-level 'instruments:' map");
        }
        Map<String, Instrument> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), parse(file, e.getKey(), e.getValue()));
        }
        return new InstrumentTable(map, file);
    }

    private static Instrument parse(Path file, String name, JsonNode n) {
        String where = "instrument table " + file + ", instrument '" + name + "'";
        for (Iterator<String> keys = n.fieldNames(); keys.hasNext(); ) {
            String k = keys.next();
            if (!KEYS.contains(k)) throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: " + KEYS + ")");
        }
        try {
            if (!n.hasNonNull("program")) throw new IllegalArgumentException("missing 'program'");
            if (!n.hasNonNull("notes")) throw new IllegalArgumentException("missing 'notes' (e.g. G3-A7)");
            MidiNotes.Range notes = MidiNotes.parseRange(n.get("notes").asText());
            MidiNotes.Range phrases = n.hasNonNull("phrases") ? MidiNotes.parseRange(n.get("phrases").asText()) : notes;
            String family = n.path("family").asText("");
            if (!family.isEmpty() && !NsynthJson.FAMILIES.contains(family)) {
                throw new IllegalArgumentException("family '" + family + "' is not one of " + NsynthJson.FAMILIES);
            }
            return new Instrument(name, n.get("program").asInt(), n.path("bank").asInt(0), family, notes, phrases);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** The named instrument; an unknown name is an error listing the known ones. */
    public Instrument get(String name) {
        Instrument i = byName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown instrument '" + name + "'; " + source + " knows: " + String.join(", ", byName.keySet())
                    + " (add it there with its GM program and range)");
        }
        return i;
    }

    public Set<String> names() { return byName.keySet(); }
}
