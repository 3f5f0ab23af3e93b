package org.timbrelab.app.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import org.timbrelab.dsp.Spectrogram;
import org.timbrelab.dsp.SpectrogramConfig;

/**
 * A log-mel spectrogram as an image: dB colour map with a colour bar, frequency axis in Hz (mel
 * spaced), time axis in seconds, zoom (Ctrl + wheel) and scroll (wheel / drag), and a playhead.
 * <p>
 * Two ways to feed it: {@link #setSpectrogram} shows a whole clip; {@link #startLive} then
 * {@link #appendFrames} grows it column by column (recording), scrolling to follow the newest
 * frame. Must be used on the FX thread like every control.
 */
public class SpectrogramView extends Control {

    private final ObjectProperty<Spectrogram> spectrogram = new SimpleObjectProperty<>(this, "spectrogram");
    private final DoubleProperty playheadSeconds = new SimpleDoubleProperty(this, "playheadSeconds", Double.NaN);
    private final DoubleProperty visibleStart = new SimpleDoubleProperty(this, "visibleStart", 0);
    /** Seconds across the plot; ≤ 0 fits the whole spectrogram. */
    private final DoubleProperty visibleDuration = new SimpleDoubleProperty(this, "visibleDuration", 0);
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    /** Shown in the empty plot while there is no spectrogram (and no live input): no axes, no colour bar. */
    private final StringProperty placeholder = new SimpleStringProperty(this, "placeholder", "No audio");
    /** Bumped whenever the image content changes (whole replace or appended frames). */
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

    // live buffer: bin-major with capacity columns; frames [0, liveFrames) valid
    private float[] live;
    private int liveCapacity, liveFrames, liveBins;
    private SpectrogramConfig liveConfig;
    private int lastAppendFrom = -1, pendingAppendFrom = -1;

    public SpectrogramView() {
        getStyleClass().add("spectrogram-view");
        spectrogram.addListener((o, a, b) -> {
            lastAppendFrom = pendingAppendFrom;
            pendingAppendFrom = -1;
            revision.set(revision.get() + 1);
        });
    }

    @Override protected Skin<?> createDefaultSkin() { return new SpectrogramViewSkin(this); }

    @Override public String getUserAgentStylesheet() {
        return SpectrogramView.class.getResource("controls.css").toExternalForm();
    }

    /** Begins a live spectrogram with no frames (the previous content is dropped). */
    public void startLive(SpectrogramConfig config, int bins) {
        liveConfig = config;
        liveBins = bins;
        liveCapacity = 256;
        live = new float[bins * liveCapacity];
        liveFrames = 0;
        spectrogram.set(new Spectrogram(new float[0], bins, 0, config));
    }

    /**
     * Appends {@code count} frames given frame-major ({@code frames[f * bins + b]}, as an
     * analyser produces them one frame at a time). Only the new columns are repainted.
     */
    public void appendFrames(float[] frames, int count) {
        if (live == null) throw new IllegalStateException("call startLive(config, bins) before appendFrames");
        if (frames.length < count * liveBins)
            throw new IllegalArgumentException("need " + count * liveBins + " values for " + count + " frames, got " + frames.length);
        if (liveFrames + count > liveCapacity) grow(liveFrames + count);
        for (int f = 0; f < count; f++)
            for (int b = 0; b < liveBins; b++) live[b * liveCapacity + liveFrames + f] = frames[f * liveBins + b];
        int from = liveFrames;
        liveFrames += count;
        // a Spectrogram view of the live buffer; copying is per append-batch, small next to drawing
        float[] packed = new float[liveBins * liveFrames];
        for (int b = 0; b < liveBins; b++) System.arraycopy(live, b * liveCapacity, packed, b * liveFrames, liveFrames);
        pendingAppendFrom = from;
        spectrogram.set(new Spectrogram(packed, liveBins, liveFrames, liveConfig));
    }

    /** Ends live mode; the frames so far stay as the shown spectrogram. */
    public void stopLive() { live = null; }

    public boolean isLive() { return live != null; }

    /** First frame of the most recent append, or -1 after a whole replace (skin repaints all). */
    int lastAppendFrom() { return lastAppendFrom; }

    private void grow(int needed) {
        int cap = liveCapacity;
        while (cap < needed) cap *= 2;
        float[] bigger = new float[liveBins * cap];
        for (int b = 0; b < liveBins; b++) System.arraycopy(live, b * liveCapacity, bigger, b * cap, liveFrames);
        live = bigger;
        liveCapacity = cap;
    }

    /** The current geometry (plot rectangle and visible window); null before the first layout. */
    public SpectrogramGeometry geometry() {
        return getSkin() instanceof SpectrogramViewSkin s ? s.geometry() : null;
    }

    /** Clears the view. */
    public void clear() { stopLive(); spectrogram.set(null); playheadSeconds.set(Double.NaN); }

    public ObjectProperty<Spectrogram> spectrogramProperty() { return spectrogram; }
    public Spectrogram getSpectrogram() { return spectrogram.get(); }
    public void setSpectrogram(Spectrogram s) { stopLive(); spectrogram.set(s); }

    public DoubleProperty playheadSecondsProperty() { return playheadSeconds; }
    public void setPlayheadSeconds(double s) { playheadSeconds.set(s); }
    public double getPlayheadSeconds() { return playheadSeconds.get(); }

    public DoubleProperty visibleStartProperty() { return visibleStart; }
    public DoubleProperty visibleDurationProperty() { return visibleDuration; }
    public void setVisibleWindow(double start, double duration) { visibleStart.set(start); visibleDuration.set(duration); }

    public BooleanProperty followLiveProperty() { return followLive; }
    public StringProperty titleProperty() { return title; }
    public void setTitle(String t) { title.set(t); }
    public StringProperty placeholderProperty() { return placeholder; }
    public void setPlaceholder(String text) { placeholder.set(text); }
    public ReadOnlyLongProperty revisionProperty() { return revision.getReadOnlyProperty(); }
}
