package org.timbrelab.cli;

import org.timbrelab.engine.data.SpeechCorpusBuilder;
import org.timbrelab.engine.data.TtsEngine;
import org.timbrelab.engine.data.TtsVoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code speech-dataset}: a speech corpus from installed TTS engines, one folder per voice. */
@Command(name = "speech-dataset", mixinStandardHelpOptions = true,
        description = {"Render sentences with flite or espeak-ng into OUT/<voice>/*.wav (16 kHz mono) plus OUT/speech.json.",
                "Voices: flite kal16 awb rms slt; espeak-ng e.g. en-us+m3 en+f2 (any 'engine:voice' mixes engines)."})
public final class SpeechDatasetCommand implements Callable<Integer> {

    @Spec CommandSpec commandSpec;

    @Option(names = "--out", required = true, description = "output folder")
    Path out;

    @Option(names = "--text", defaultValue = "config/sentences-en.txt", description = "sentences, one per line (default: ${DEFAULT-VALUE})")
    Path text;

    @Option(names = "--engine", defaultValue = "flite", description = "flite or espeak-ng, for voices given without 'engine:' (default: ${DEFAULT-VALUE})")
    String engine;

    @Option(names = "--voices", split = ",", description = "voices, e.g. kal16,awb or flite:slt,espeak-ng:en+f2 (default: the engine's voices)")
    List<String> voices;

    @Option(names = "--limit", defaultValue = "0", description = "sentences per voice, 0 = all (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--jobs", defaultValue = "2", description = "engine processes at once (default: ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--seed", defaultValue = "1", description = "seed for sentence order, tempo and pitch (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--engine-path", paramLabel = "FILE", description = "the engine's program, when it is not on PATH")
    Path enginePath;

    @Override public Integer call() throws Exception {
        PrintWriter console = commandSpec.commandLine().getOut();
        TtsEngine defaultEngine = TtsEngine.parse(engine);
        List<TtsVoice> chosen = new ArrayList<>();
        for (String v : voices == null ? defaultEngine.defaultVoices() : voices) chosen.add(TtsVoice.parse(v, defaultEngine));
        Map<TtsEngine, Path> exe = new EnumMap<>(TtsEngine.class);
        if (enginePath != null) exe.put(defaultEngine, enginePath);
        var spec = new SpeechCorpusBuilder.Spec(chosen, SpeechCorpusBuilder.readSentences(text), limit, seed);
        console.printf(Locale.ROOT, "speaking %d sentences x %d voices (%s) -> %s%n", spec.sentencesPerVoice() == 0
                ? spec.sentences().size() : Math.min(limit, spec.sentences().size()), chosen.size(), chosen, out);
        ProgressBar bar = new ProgressBar(console, "speech");
        SpeechCorpusBuilder.Result r = SpeechCorpusBuilder.build(spec, out, jobs, exe, bar::update);
        console.printf(Locale.ROOT, "wrote %d clips: %.1f min of speech in %.1f s (%.0fx realtime)%n",
                r.clips(), r.audioSeconds() / 60, r.wallSeconds(), r.realtimeFactor());
        r.secondsPerVoice().forEach((voice, s) -> console.printf(Locale.ROOT, "  %-24s %6.1f min%n", voice, s / 60));
        return 0;
    }
}
