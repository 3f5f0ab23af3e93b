package org.timbrelab.dsp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SpectrogramImageTest {
    private static final SpectrogramConfig CFG = SpectrogramConfig.DEFAULT;
    private static final SpectrogramImage.Options OPTS = new SpectrogramImage.Options(ColorMap.VIRIDIS, 0, 256, "test");

    /** Mel spectrogram of floor everywhere except one band at {@code hz} (0 dB) and one frame at {@code seconds} (-50 dB). */
    private static Spectrogram bandAndClick(double hz, double seconds, int frames) {
        float[] v = new float[CFG.nMels() * frames];
        java.util.Arrays.fill(v, -1f);
        int band = (int) Math.round(new FrequencyAxis.Mel(CFG).binOf(hz));
        int frame = (int) Math.round(seconds * CFG.framesPerSecond());
        for (int f = 0; f < frames; f++) v[band * frames + f] = 1f;
        for (int b = 0; b < CFG.nMels(); b++) if (b != band) v[b * frames + frame] = 0f;
        return new Spectrogram(v, CFG.nMels(), frames, CFG);
    }

    private static double brightness(int rgb) { return (rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF); }

    @Test void bandAppearsAtItsLabelledFrequencyAndEventAtItsTime() {
        Spectrogram s = bandAndClick(1000, 1.0, 250);
        SpectrogramImage layout = SpectrogramImage.layout(s, OPTS);
        BufferedImage img = SpectrogramImage.render(s, OPTS);
        assertEquals(layout.imageWidth(), img.getWidth());
        assertEquals(layout.imageHeight(), img.getHeight());

        // brightest row in a column away from the click
        int x = layout.plotLeft() + 10;
        int brightestY = -1;
        double best = -1;
        for (int y = layout.plotTop(); y < layout.plotTop() + layout.plotHeight(); y++) {
            double b = brightness(img.getRGB(x, y));
            if (b > best) { best = b; brightestY = y; }
        }
        assertEquals(layout.yOfHz(1000), brightestY, 2.0, "1 kHz band row");
        assertEquals(ColorMap.VIRIDIS.rgb(1), img.getRGB(x, brightestY) & 0xFFFFFF);

        // the -50 dB frame shows as a mid-colour column at x(1.0 s)
        int y = layout.plotTop() + 5;   // a high band, not the 1 kHz one
        int clickX = (int) Math.round(layout.xOfSeconds(1.0));
        assertEquals(ColorMap.VIRIDIS.rgb(0.5), img.getRGB(clickX, y) & 0xFFFFFF);
        assertEquals(ColorMap.VIRIDIS.rgb(0), img.getRGB(clickX - 8, y) & 0xFFFFFF);
    }

    @Test void colourBarRunsFromZeroDbAtTopToTheFloorAtTheBottom() {
        Spectrogram s = bandAndClick(500, 0.5, 100);
        SpectrogramImage layout = SpectrogramImage.layout(s, OPTS);
        BufferedImage img = SpectrogramImage.render(s, OPTS);
        int barX = layout.plotLeft() + layout.plotWidth() + SpectrogramImage.BAR_GAP + SpectrogramImage.BAR_WIDTH / 2;
        assertEquals(ColorMap.VIRIDIS.rgb(1), img.getRGB(barX, layout.plotTop()) & 0xFFFFFF);
        assertEquals(ColorMap.VIRIDIS.rgb(0), img.getRGB(barX, layout.plotTop() + layout.plotHeight() - 1) & 0xFFFFFF);
    }

    @Test void longClipsKeepShortEventsWhenColumnsArePooled() {
        // 3000 frames into 480 px: a single-frame event must still show
        Spectrogram s = bandAndClick(2000, 20.0, 3000);
        SpectrogramImage.Options narrow = new SpectrogramImage.Options(ColorMap.MAGMA, 480, 128, null);
        SpectrogramImage layout = SpectrogramImage.layout(s, narrow);
        BufferedImage img = SpectrogramImage.render(s, narrow);
        int x = (int) Math.floor(layout.xOfSeconds(20.0));
        boolean seen = false;
        for (int dx = -1; dx <= 1; dx++) seen |= (img.getRGB(x + dx, layout.plotTop() + 3) & 0xFFFFFF) == ColorMap.MAGMA.rgb(0.5);
        assertTrue(seen, "the one-frame event vanished");
    }

    @Test void linearSpectrogramsUseALinearAxis() {
        int bins = CFG.freqBins(), frames = 20;
        float[] v = new float[bins * frames];
        java.util.Arrays.fill(v, -1f);
        int bin = 4000 * CFG.nFft() / CFG.sampleRate();
        for (int f = 0; f < frames; f++) v[bin * frames + f] = 1f;
        Spectrogram s = new Spectrogram(v, bins, frames, CFG);
        SpectrogramImage.Options opts = new SpectrogramImage.Options(ColorMap.MAGMA, 100, bins, null);
        SpectrogramImage layout = SpectrogramImage.layout(s, opts);
        BufferedImage img = SpectrogramImage.render(s, opts);
        int y = (int) Math.floor(layout.yOfHz(4000));
        assertEquals(ColorMap.MAGMA.rgb(1), img.getRGB(layout.plotLeft() + 50, y) & 0xFFFFFF);
        assertEquals(layout.plotTop() + layout.plotHeight() / 2.0, layout.yOfHz(4000), 1.0);
    }

    @Test void binCountNotMatchingTheConfigIsRefused() {
        Spectrogram s = new Spectrogram(new float[7 * 3], 7, 3, CFG);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpectrogramImage.render(s));
        assertTrue(e.getMessage().contains("7 bins"), e.getMessage());
    }

    @Test void writesAPngThatReadsBack(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("sub/s.png");
        Spectrogram s = bandAndClick(1000, 0.5, 100);
        SpectrogramImage.writePng(s, OPTS, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(SpectrogramImage.layout(s, OPTS).imageWidth(), back.getWidth());
        try (var files = Files.list(png.getParent())) {
            assertEquals(1, files.count(), "no temp file left behind");
        }
    }

    @Test void f0OverlayIsDrawnAtTheTrackedFrequency() {
        AudioClip tone = TestSignals.harmonicTone(300, 8, 0.4, 1.0, 9);
        Spectrogram s = new AudioTransform(CFG).forward(tone);
        PitchTrack f0 = new Pitch().track(tone, CFG);
        SpectrogramImage layout = SpectrogramImage.layout(s, OPTS);
        BufferedImage img = SpectrogramImage.render(s, OPTS, f0);
        int x = (int) Math.round(layout.xOfSeconds(0.5));
        int y = (int) Math.round(layout.yOfHz(300));
        boolean found = false;
        for (int dy = -1; dy <= 1; dy++) found |= (img.getRGB(x, y + dy) & 0xFFFFFF) == SpectrogramImage.F0_COLOUR.getRGB() - 0xFF000000;
        assertTrue(found, "no overlay pixel at 300 Hz, 0.5 s");
        // nothing drawn where the track is silent: an unvoiced (silent) clip leaves the image unchanged
        AudioClip quiet = TestSignals.silence(1.0);
        Spectrogram sq = new AudioTransform(CFG).forward(quiet);
        BufferedImage a = SpectrogramImage.render(sq, OPTS), b = SpectrogramImage.render(sq, OPTS, new Pitch().track(quiet, CFG));
        for (int yy = 0; yy < a.getHeight(); yy += 3) for (int xx = 0; xx < a.getWidth(); xx += 3) assertEquals(a.getRGB(xx, yy), b.getRGB(xx, yy));
    }

    @Test void f0OverlayOnAnotherFrameGridIsRefused() {
        Spectrogram s = bandAndClick(1000, 0.5, 100);
        PitchTrack other = new PitchTrack(new float[100], new boolean[100], 128, 16000);
        assertThrows(IllegalArgumentException.class, () -> SpectrogramImage.render(s, OPTS, other));
    }

    @Test void niceStepsAreOneTwoFive() {
        assertEquals(0.5, SpectrogramImage.niceStep(3.0, 8), 1e-12);
        assertEquals(20, SpectrogramImage.niceStep(100, 6), 1e-12);
        assertEquals(1000, SpectrogramImage.niceStep(8000, 10), 1e-12);
    }
}
