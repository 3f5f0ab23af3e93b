package org.timbrelab.engine.data;

import java.util.Objects;

/**
 * One TTS speaker: an engine and a voice name ({@code flite:slt}, {@code espeak-ng:en-us+f2}). Its
 * {@link #id()} names the folder its sentences go to, so whole voices can be held out for evaluation.
 */
public record TtsVoice(TtsEngine engine, String name) {
    public TtsVoice {
        Objects.requireNonNull(engine, "engine");
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9_+.-]+")) {
            throw new IllegalArgumentException("bad voice name '" + name + "' (letters, digits, + - _ . only, e.g. slt or en-us+f2)");
        }
    }

    /** {@code engine:voice}, or a bare voice name for {@code defaultEngine}. */
    public static TtsVoice parse(String text, TtsEngine defaultEngine) {
        int colon = text.indexOf(':');
        if (colon < 0) return new TtsVoice(defaultEngine, text.trim());
        return new TtsVoice(TtsEngine.parse(text.substring(0, colon)), text.substring(colon + 1).trim());
    }

    /** A file-name-safe id: {@code flite-slt}, {@code espeak-ng-en-us_f2}. */
    public String id() { return engine.command() + "-" + name.replace('+', '_'); }

    @Override public String toString() { return engine.command() + ":" + name; }
}
