package org.timbrelab.cli;

import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioFiles;
import org.timbrelab.dsp.AudioTransform;
import org.timbrelab.dsp.ColorMap;
import org.timbrelab.dsp.Pitch;
import org.timbrelab.dsp.PitchTrack;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;
import org.timbrelab.dsp.SpectrogramImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code spectrogram --in A.wav --png S.png}: the model's dB mel spectrogram of a file as a picture. */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = "Draws the dB mel spectrogram (the model's input) of a WAV/AIFF file as a PNG "
                + "with a colour bar, a frequency axis in Hz and a time axis in seconds; --f0 overlays the pitch track.")
public final class SpectrogramCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "WAV or AIFF file (any rate; resampled to 16 kHz mono)")
    Path in;

    @Option(names = "--png", required = true, paramLabel = "FILE", description = "PNG to write")
    Path png;

    @Option(names = "--colormap", defaultValue = "magma", paramLabel = "NAME", description = "magma, viridis or inferno (default: ${DEFAULT-VALUE})")
    String colormap;

    @Option(names = "--width", defaultValue = "0", paramLabel = "PX", description = "plot width in pixels; 0 = 2 px a frame, 480–1600 (default)")
    int width;

    @Option(names = "--height", defaultValue = "384", paramLabel = "PX", description = "plot height in pixels (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--f0", description = "draw the YIN f0 track (voiced frames) over the picture")
    boolean f0;

    @Override public Integer call() throws Exception {
        SpectrogramConfig config = SpectrogramConfig.DEFAULT;
        ColorMap map = ColorMap.named(colormap);
        AudioClip clip = AudioFiles.loadMono(in, config.sampleRate());
        Spectrogram spec = new AudioTransform(config).forward(clip);
        SpectrogramImage.Options options = new SpectrogramImage.Options(map, width, height, String.valueOf(in.getFileName()));
        PitchTrack track = f0 ? new Pitch().track(clip, config) : null;
        SpectrogramImage.writePng(spec, options, track, png);
        SpectrogramImage layout = SpectrogramImage.layout(spec, options);
        System.out.printf("wrote %s (%d x %d px): %d mel bands x %d frames, %.2f s%n",
                png, layout.imageWidth(), layout.imageHeight(), spec.bins(), spec.frames(), clip.durationSeconds());
        return 0;
    }
}
