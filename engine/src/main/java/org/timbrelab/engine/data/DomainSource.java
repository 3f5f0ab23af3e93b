package org.timbrelab.engine.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Where a training domain's audio comes from, as written in a config (exactly one of the three):
 * <pre>
 * source: { folder: data/my-voice }
 * source: { soundfont: { instrument: violin, soundfont: /usr/share/sounds/sf2/FluidR3_GM.sf2, phrases: 300 } }
 * source: { speech: { engine: flite, voices: [kal16, awb, rms], sentences: 100 } }
 * </pre>
 * Soundfont keys: instrument (required), soundfont (path or {@code builtin}, default builtin), phrases (0),
 * phrase_seconds (4), notes (default: true when phrases is 0), pitches (e.g. G3-E6; default the instrument's
 * range), velocities ([25, 50, 75, 100, 127]), variants (1), seed (1), rests (probability of a rest after a phrase's note; 0). Speech keys: engine (flite), voices (the
 * engine's defaults), sentences per voice (0 = all), text (config/sentences-en.txt), seed (1).
 * {@link DomainSources#materialize} turns a source into a folder of audio.
 */
public record DomainSource(Path folder, SoundfontSpec soundfont, SpeechSpec speech) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A soundfont-rendered instrument domain. */
    public record SoundfontSpec(String instrument, String soundfont, int phrases, double phraseSeconds, boolean notes,
                            String pitches, List<Integer> velocities, int variants, long seed, double rests) {
        public SoundfontSpec {
            if (!(rests >= 0 && rests <= 1)) throw new IllegalArgumentException("soundfont.rests is a probability in [0, 1], got " + rests);
            if (instrument == null || instrument.isBlank()) throw new IllegalArgumentException("soundfont.instrument is required (e.g. violin)");
            if (soundfont == null || soundfont.isBlank()) soundfont = org.timbrelab.engine.data.Soundfont.BUILTIN;
            velocities = velocities == null ? InstrumentDataset.DEFAULT_VELOCITIES : List.copyOf(velocities);
            if (!notes && phrases == 0) throw new IllegalArgumentException("soundfont: notes is false and phrases is 0, so nothing would be rendered");
        }
    }

    /** A TTS-rendered speech domain. */
    public record SpeechSpec(String engine, List<String> voices, int sentences, String text, long seed) {
        public SpeechSpec {
            TtsEngine e = TtsEngine.parse(engine == null ? "flite" : engine);
            engine = e.command();
            voices = voices == null || voices.isEmpty() ? e.defaultVoices() : List.copyOf(voices);
            if (text == null || text.isBlank()) text = "config/sentences-en.txt";
            if (sentences < 0) throw new IllegalArgumentException("speech.sentences must be >= 0 (0 = all), got " + sentences);
        }
    }

    public DomainSource {
        int given = (folder != null ? 1 : 0) + (soundfont != null ? 1 : 0) + (speech != null ? 1 : 0);
        if (given != 1) throw new IllegalArgumentException("a domain source is exactly one of folder:, soundfont: or speech: (got " + given + ")");
    }

    public static DomainSource folder(Path folder) { return new DomainSource(folder, null, null); }

    /** Reads the YAML/JSON form; unknown keys and bad values name the key. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DomainSource fromTree(JsonNode n) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("a domain source is a mapping with folder:, soundfont: or speech:");
        allowOnly(n, "", Set.of("folder", "soundfont", "speech"));
        if (n.size() != 1) throw new IllegalArgumentException("a domain source is exactly one of folder:, soundfont: or speech: (got " + n.size() + ")");
        if (n.has("folder")) return folder(Path.of(text(n, "folder", null)));
        if (n.has("soundfont")) {
            JsonNode s = n.get("soundfont");
            allowOnly(s, "soundfont.", Set.of("instrument", "soundfont", "phrases", "phrase_seconds", "notes", "pitches", "velocities", "variants", "seed", "rests"));
            int phrases = s.path("phrases").asInt(0);
            List<Integer> velocities = null;
            if (s.has("velocities")) {
                velocities = new ArrayList<>();
                for (JsonNode v : s.get("velocities")) velocities.add(v.asInt());
            }
            return new DomainSource(null, new SoundfontSpec(text(s, "instrument", null), text(s, "soundfont", null), phrases,
                    s.path("phrase_seconds").asDouble(4.0), s.path("notes").asBoolean(phrases == 0), text(s, "pitches", null),
                    velocities, s.path("variants").asInt(1), s.path("seed").asLong(1), s.path("rests").asDouble(0)), null);
        }
        if (n.has("speech")) {
            JsonNode s = n.get("speech");
            allowOnly(s, "speech.", Set.of("engine", "voices", "sentences", "text", "seed"));
            List<String> voices = null;
            if (s.has("voices")) {
                voices = new ArrayList<>();
                for (JsonNode v : s.get("voices")) voices.add(v.asText());
            }
            return new DomainSource(null, null, new SpeechSpec(text(s, "engine", null), voices, s.path("sentences").asInt(0),
                    text(s, "text", null), s.path("seed").asLong(1)));
        }
        throw new IllegalArgumentException("a domain source needs folder:, soundfont: or speech:");
    }

    /** The canonical YAML/JSON form (every default spelled out), also used to tell whether a render is current. */
    @JsonValue
    public ObjectNode toTree() {
        ObjectNode root = JSON.createObjectNode();
        if (folder != null) root.put("folder", folder.toString().replace('\\', '/'));
        if (soundfont != null) {
            ObjectNode s = root.putObject("soundfont");
            s.put("instrument", soundfont.instrument());
            s.put("soundfont", soundfont.soundfont());
            s.put("phrases", soundfont.phrases());
            s.put("phrase_seconds", soundfont.phraseSeconds());
            s.put("notes", soundfont.notes());
            if (soundfont.pitches() != null) s.put("pitches", soundfont.pitches());
            soundfont.velocities().forEach(s.putArray("velocities")::add);
            s.put("variants", soundfont.variants());
            s.put("seed", soundfont.seed());
            if (soundfont.rests() > 0) s.put("rests", soundfont.rests());   // absent when 0, so earlier renders stay current
        }
        if (speech != null) {
            ObjectNode s = root.putObject("speech");
            s.put("engine", speech.engine());
            speech.voices().forEach(s.putArray("voices")::add);
            s.put("sentences", speech.sentences());
            s.put("text", speech.text());
            s.put("seed", speech.seed());
        }
        return root;
    }

    private static void allowOnly(JsonNode n, String prefix, Set<String> keys) {
        if (!n.isObject()) throw new IllegalArgumentException("'" + prefix.replaceAll("\\.$", "") + "' must be a mapping");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) throw new IllegalArgumentException("unknown key '" + prefix + k + "' in domain source (allowed: " + keys + ")");
        }
    }

    private static String text(JsonNode n, String key, String fallback) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
