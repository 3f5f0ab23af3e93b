package org.timbrelab.cli;

import org.timbrelab.dsp.ToneProfile;
import org.timbrelab.engine.eval.NamedClip;
import org.timbrelab.engine.preset.InputTone;
import org.timbrelab.engine.preset.PresetInfo;
import org.timbrelab.engine.preset.PresetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tone-profile --preset P --from DIR [--domain voice]}: stores the source domain's tone in the preset. */
@Command(name = "tone-profile", mixinStandardHelpOptions = true,
        description = "Measure the mean tone (third-octave long-term spectrum) of a preset's source-domain recordings and store it as "
                + InputTone.FILE + " in the preset: convert and eval then match each input's tone to it (convert --no-tone-match skips it).")
public final class ToneProfileCommand implements Callable<Integer> {

    @Option(names = "--preset", required = true, paramLabel = "DIR", description = "preset directory")
    Path preset;

    @Option(names = "--from", required = true, paramLabel = "DIR", description = "the recordings the source domain trained on (WAV/AIFF, searched recursively)")
    Path from;

    @Option(names = "--domain", defaultValue = "voice", paramLabel = "NAME", description = "the source domain (default ${DEFAULT-VALUE})")
    String domain;

    @Override public Integer call() throws Exception {
        PresetInfo info = PresetStore.readInfo(preset);
        if (!info.domainNames().contains(domain)) throw new IllegalArgumentException("preset " + preset + " has no domain '" + domain + "' (it has " + info.domainNames() + ")");
        List<Path> files = NamedClip.listFolder(from);
        int[] skipped = {0};
        ToneProfile mean = ToneProfile.meanOf(files, info.spectrogram().sampleRate(), (f, why) -> { // the rate conversion runs at
            skipped[0]++;
            System.out.println("skipped " + f + ": " + why);
        });
        new InputTone(domain, mean).writeTo(preset);
        System.out.printf("%s: tone of '%s' from %d recordings written to %s%n", preset, domain, files.size() - skipped[0], preset.resolve(InputTone.FILE));
        return 0;
    }
}
