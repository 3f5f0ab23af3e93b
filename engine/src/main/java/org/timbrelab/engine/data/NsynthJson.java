package org.timbrelab.engine.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The NSynth "jsonwav" layout: {@code DIR/examples.json} maps each note name to its attributes and
 * {@code DIR/audio/<note_str>.wav} holds the audio. Real NSynth sets and our soundfont renders use it alike.
 */
public final class NsynthJson {
    public static final String FILE_NAME = "examples.json";
    public static final String AUDIO_DIR = "audio";
    /** NSynth's instrument families, in index order. */
    public static final List<String> FAMILIES = List.of("bass", "brass", "flute", "guitar", "keyboard", "mallet",
            "organ", "reed", "string", "synth_lead", "vocal");
    /** NSynth's instrument sources, in index order. */
    public static final List<String> SOURCES = List.of("acoustic", "electronic", "synthetic");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private NsynthJson() { }

    /**
     * One note of a jsonwav set. {@code instrumentStr} + "-" + pitch + "-" + velocity (3 digits each) is the
     * note name and file stem; {@code extra} holds fields NSynth does not have (soundfont, variant…).
     */
    public record Note(String noteStr, String instrumentStr, int instrument, int pitch, int velocity, int sampleRate,
                       String familyStr, String sourceStr, Map<String, Object> extra) {
        public Note {
            extra = extra == null ? Map.of() : Map.copyOf(extra);
        }

        public static String noteStr(String instrumentStr, int pitch, int velocity) {
            return String.format("%s-%03d-%03d", instrumentStr, pitch, velocity);
        }

        public int familyIndex() { return FAMILIES.indexOf(familyStr); }

        public int sourceIndex() { return SOURCES.indexOf(sourceStr); }

        /** The note's audio file inside a jsonwav directory. */
        public Path audioFile(Path dir) { return dir.resolve(AUDIO_DIR).resolve(noteStr + ".wav"); }
    }

    /** Reads {@code dir/examples.json}; errors name the file and what is wrong. */
    public static List<Note> read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " not found: a jsonwav set is a folder with examples.json and audio/*.wav");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage() + " (re-render or re-extract the set)", e);
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(file + ": expected a JSON object of notes");
        List<Note> notes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            notes.add(parse(file, e.getKey(), e.getValue()));
        }
        return notes;
    }

    @SuppressWarnings("unchecked")
    private static Note parse(Path file, String key, JsonNode n) {
        for (String required : List.of("pitch", "velocity")) {
            if (!n.path(required).isInt()) {
                throw new IllegalArgumentException(file + ", note '" + key + "': missing or non-integer '" + required + "'");
            }
        }
        String instrumentStr = n.path("instrument_str").asText(key.replaceFirst("-\\d+-\\d+$", ""));
        ObjectNode extraNode = n.deepCopy();
        for (String k : List.of("note", "note_str", "instrument_str", "instrument", "pitch", "velocity", "sample_rate",
                "instrument_family", "instrument_family_str", "instrument_source", "instrument_source_str",
                "qualities", "qualities_str")) {
            extraNode.remove(k);
        }
        Map<String, Object> extra = JSON.convertValue(extraNode, Map.class);
        String family = n.has("instrument_family_str") ? n.get("instrument_family_str").asText()
                : n.has("instrument_family") ? FAMILIES.get(n.get("instrument_family").asInt()) : "";
        String source = n.has("instrument_source_str") ? n.get("instrument_source_str").asText()
                : n.has("instrument_source") ? SOURCES.get(n.get("instrument_source").asInt()) : "";
        return new Note(n.path("note_str").asText(key), instrumentStr, n.path("instrument").asInt(-1),
                n.get("pitch").asInt(), n.get("velocity").asInt(), n.path("sample_rate").asInt(16_000),
                family, source, extra);
    }

    /** Writes {@code dir/examples.json} atomically (temp file, then move). */
    public static void write(Path dir, List<Note> notes) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        int id = 0;
        for (Note note : notes) {
            ObjectNode n = root.putObject(note.noteStr());
            n.put("note", id++);
            n.put("note_str", note.noteStr());
            n.put("instrument_str", note.instrumentStr());
            n.put("instrument", note.instrument());
            n.put("pitch", note.pitch());
            n.put("velocity", note.velocity());
            n.put("sample_rate", note.sampleRate());
            n.put("instrument_family", note.familyIndex());
            n.put("instrument_family_str", note.familyStr());
            n.put("instrument_source", note.sourceIndex());
            n.put("instrument_source_str", note.sourceStr());
            var qualities = n.putArray("qualities");
            for (int q = 0; q < 10; q++) qualities.add(0);
            n.putArray("qualities_str");
            note.extra().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> n.set(e.getKey(), JSON.valueToTree(e.getValue())));
        }
        Files.createDirectories(dir);
        Path tmp = org.timbrelab.dsp.AtomicFiles.tempFor(dir.resolve(FILE_NAME));
        JSON.writeValue(tmp.toFile(), root);
        org.timbrelab.dsp.AtomicFiles.commit(tmp, dir.resolve(FILE_NAME));
    }
}
