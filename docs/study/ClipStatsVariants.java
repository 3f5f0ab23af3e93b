// Study of the clip-stats listener's features (section 23): trains only the second listener (the MLP gets one epoch and
// is thrown away) with the given features on the listeners-of-record recipe, and writes OUT.json (a copy of the MLP of
// record) + OUT.clipstats.json, ready for runs/check-controls.sh and score-selection.sh.
// java -cp 'target/timbre-lab.jar:target/lib/*' docs/study/ClipStatsVariants.java DATA MLP_OF_RECORD.json OUT.json BANDS NMFCC FLOOR_DB ACTIVE_DB
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.engine.eval.*;
import java.nio.file.*;
import java.util.*;

public class ClipStatsVariants {
    public static void main(String[] a) throws Exception {
        SpectrogramConfig config = SpectrogramConfig.DEFAULT;
        AudioTransform transform = new AudioTransform(config);
        List<String> domains = List.of("voice", "violin", "cello", "flute");
        Map<String, List<NamedClip>> clips = LabelledClips.load(Path.of(a[0]), domains, config.sampleRate());
        ClipStatsFeatures f = new ClipStatsFeatures(Integer.parseInt(a[3]), Integer.parseInt(a[4]), Double.parseDouble(a[5]), Double.parseDouble(a[6]));
        ClassifierBuilder d = ClassifierBuilder.DEFAULT;
        ClassifierBuilder recipe = new ClassifierBuilder(d.heldOutFraction(), d.otherSeconds(), d.seed(), d.trainer().withEpochs(1))
                .withClipStatsFeatures(f);
        ClassifierBuilder.Built built = recipe.build(clips, "voice", transform, Vocoders.garbling(transform), s -> { });
        System.out.print(built.clipStatsHeldOut().toMarkdown());
        Listeners record = Listeners.load(Path.of(a[1]));
        new Listeners(record.windows(), built.clipStats()).save(Path.of(a[2]));
        System.out.println("wrote " + a[2]);
    }
}
