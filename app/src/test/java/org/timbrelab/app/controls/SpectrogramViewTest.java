package org.timbrelab.app.controls;

import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

import java.util.Arrays;

import static org.timbrelab.app.FxTestUtil.onFx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class SpectrogramViewTest {
    private static final SpectrogramConfig CFG = SpectrogramConfig.DEFAULT;
    private SpectrogramView view;

    @Start void start(Stage stage) {
        view = new SpectrogramView();
        stage.setScene(new Scene(new StackPane(view), 700, 300));
        stage.show();
    }

    /** All floor (-1) except one bright cell at (bin, frame). */
    private static Spectrogram oneBrightCell(int bins, int frames, int bin, int frame) {
        float[] v = new float[bins * frames];
        Arrays.fill(v, -1f);
        v[bin * frames + frame] = 1f;
        return new Spectrogram(v, bins, frames, CFG);
    }


    @Test void brightCellIsDrawnWhereTheGeometrySaysAndNowhereElse(FxRobot robot) {
        robot.interact(() -> view.setSpectrogram(oneBrightCell(128, 100, 100, 40)));
        Image img = onFx(() -> view.snapshot(null, null));
        SpectrogramGeometry geo = view.geometry();
        assertNotNull(geo);
        double x = geo.xOfSeconds(40.5 / CFG.framesPerSecond()), y = geo.yOfBin(100.5);
        Color bright = img.getPixelReader().getColor((int) x, (int) y);
        Color elsewhere = img.getPixelReader().getColor((int) geo.xOfSeconds(70.5 / CFG.framesPerSecond()), (int) geo.yOfBin(20.5));
        assertTrue(bright.getBrightness() > 0.9, "bright cell drawn at its bin/frame, got " + bright);
        assertTrue(elsewhere.getBrightness() < 0.1, "floor is dark, got " + elsewhere);
    }

    @Test void geometryMapsFramesAndBinsBothWays(FxRobot robot) {
        robot.interact(() -> view.setSpectrogram(oneBrightCell(128, 250, 0, 0)));
        robot.interact(() -> { });
        SpectrogramGeometry geo = view.geometry();
        assertEquals(250 / CFG.framesPerSecond(), geo.durationSeconds(), 1e-9, "whole clip fits by default");
        for (int f : new int[]{0, 17, 124, 249}) assertEquals(f, geo.frameAtX(geo.xOfSeconds((f + 0.5) / CFG.framesPerSecond())));
        for (int b : new int[]{0, 5, 64, 127}) assertEquals(b, geo.binAtY(geo.yOfBin(b + 0.5)));
        assertTrue(geo.yOfBin(127) < geo.yOfBin(0), "high bins are drawn above low bins");
    }

    @Test void zoomWindowShowsOnlyTheRequestedSeconds(FxRobot robot) {
        robot.interact(() -> { view.setSpectrogram(oneBrightCell(128, 250, 64, 200)); view.setVisibleWindow(3.0, 1.0); });
        Image img = onFx(() -> view.snapshot(null, null));
        SpectrogramGeometry geo = view.geometry();
        assertEquals(3.0, geo.secondsAtX(geo.left()), 1e-9);
        int frame200 = 200; // 3.2 s at 62.5 frames/s: inside [3, 4)
        double x = geo.xOfSeconds((frame200 + 0.5) / CFG.framesPerSecond());
        assertTrue(img.getPixelReader().getColor((int) x, (int) geo.yOfBin(64.5)).getBrightness() > 0.9);
    }

    @Test void liveAppendGrowsTheSpectrogramAndPaintsNewColumns(FxRobot robot) {
        robot.interact(() -> view.startLive(CFG, 128));
        float[] frames = new float[5 * 128];
        Arrays.fill(frames, -1f);
        frames[4 * 128 + 30] = 1f; // frame 4, bin 30 (frame-major input)
        for (int i = 0; i < 3; i++) robot.interact(() -> view.appendFrames(frames, 5));
        assertEquals(15, view.getSpectrogram().frames());
        assertEquals(1f, view.getSpectrogram().get(30, 14));
        assertEquals(-1f, view.getSpectrogram().get(30, 13));
        Image img = onFx(() -> view.snapshot(null, null));
        SpectrogramGeometry geo = view.geometry();
        double x = geo.xOfSeconds(14.5 / CFG.framesPerSecond());
        assertTrue(img.getPixelReader().getColor((int) x, (int) geo.yOfBin(30.5)).getBrightness() > 0.5,
                "the newest appended column is painted");
    }

    @Test void withoutASpectrogramItShowsItsPlaceholderAndNoTimeAxis(FxRobot robot) {
        robot.interact(() -> { view.setPlaceholder("Not converted yet"); view.clear(); });
        SpectrogramViewSkin skin = (SpectrogramViewSkin) view.getSkin();
        assertEquals("Not converted yet", onFx(skin::shownPlaceholder));
        assertEquals(java.util.List.of(), onFx(skin::timeLabels), "no axis of 0.0 0.0 0.0 … before there is audio");
        robot.interact(() -> view.setSpectrogram(oneBrightCell(128, 250, 0, 0)));
        assertEquals(null, onFx(skin::shownPlaceholder));
        java.util.List<String> labels = onFx(skin::timeLabels);
        assertEquals("0.0", labels.get(0));
        assertEquals("4.0 s", labels.get(labels.size() - 1), "the unit rides on the last tick (250 frames = 4 s): " + labels);
    }

    @Test void theTimeUnitNeverSitsOnATickLabel() {
        // a 6-s clip whose last tick lands on the plot's right edge: "6 s", not "6" under a separate "s"
        var ticks = SpectrogramViewSkin.timeTicks(0, 6.0, 600);
        assertEquals(java.util.List.of("0", "1", "2", "3", "4", "5", "6 s"), ticks.stream().map(SpectrogramViewSkin.Tick::label).toList());
        assertEquals(1, ticks.stream().filter(t -> t.label().contains("s")).count());
        // zoomed in: decimals as the step needs them, the unit still once, on the last label
        var fine = SpectrogramViewSkin.timeTicks(1.0, 0.5, 600).stream().map(SpectrogramViewSkin.Tick::label).toList();
        assertEquals("1.0", fine.get(0));
        assertTrue(fine.get(fine.size() - 1).endsWith(" s") && fine.stream().filter(l -> l.endsWith("s")).count() == 1, fine.toString());
    }

    @Test void frequencyScaleFollowsSlaneyMel() {
        FrequencyScale s = FrequencyScale.of(CFG, 128);
        assertEquals(15.0, s.mel(1000), 1e-9, "Slaney: 1 kHz is mel 15 (linear part 200/3 Hz per mel)");
        assertEquals(1000 * 6.4, s.hz(15 + 27), 1e-6, "Slaney: 27 mels per factor 6.4 above 1 kHz");
        for (double hz : new double[]{100, 440, 1000, 4000}) assertEquals(hz, s.hzOf(s.binOf(hz)), 1e-6);
        assertEquals(128, s.binOf(8000), 1e-9, "fMax is the upper edge, one mel step above the last centre");
    }
}
