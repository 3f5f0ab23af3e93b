package org.timbrelab.engine.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.timbrelab.dsp.ToneProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The tone of a preset's source domain (optional file {@value #FILE}): the mean {@link ToneProfile} of the recordings
 * that domain trained on, which input tone matching moves a clip toward. NaN bands are stored as null.
 */
public record InputTone(String domain, ToneProfile profile) {
    public static final String FILE = "tone.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The preset's stored tone, if it has a {@value #FILE}; a malformed file fails naming the file and the field. */
    static Optional<InputTone> read(Path presetDir, List<String> domains) {
        Path file = presetDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new PresetException(file + ": not JSON (" + org.timbrelab.engine.config.ConfigLoader.describe(e, "JSON") + ")"
                    + "; delete it (conversions then run without tone matching) or write it again with tone-profile", e);
        }
        String domain = tree.path("domain").asText("");
        if (!domains.contains(domain)) throw new PresetException(file + ": field 'domain' is '" + domain + "', not one of " + domains);
        JsonNode bands = tree.path("bandsDb");
        if (!bands.isArray() || bands.size() != ToneProfile.CENTRES.length)
            throw new PresetException(file + ": field 'bandsDb' must list " + ToneProfile.CENTRES.length + " band levels (dB, or null)");
        double[] db = new double[bands.size()];
        for (int i = 0; i < db.length; i++) {
            JsonNode v = bands.get(i);
            if (!v.isNull() && !v.isNumber()) throw new PresetException(file + ": field 'bandsDb' holds '" + v + "', not a number or null");
            db[i] = v.isNull() ? Double.NaN : v.asDouble();
        }
        try {
            return Optional.of(new InputTone(domain, new ToneProfile(db)));
        } catch (IllegalArgumentException e) {
            throw new PresetException(file + ": field 'bandsDb': " + e.getMessage(), e);
        }
    }

    /** Writes {@value #FILE} into a preset directory (temp file, then atomic move). */
    public void writeTo(Path presetDir) {
        ObjectNode tree = JSON.createObjectNode().put("domain", domain);
        ArrayNode bands = tree.putArray("bandsDb");
        for (double v : profile.bandsDb()) {
            if (Double.isNaN(v)) bands.addNull();
            else bands.add(Math.round(v * 100) / 100.0);
        }
        try {
            org.timbrelab.dsp.AtomicFiles.write(presetDir.resolve(FILE), JSON.writeValueAsString(tree).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + presetDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
