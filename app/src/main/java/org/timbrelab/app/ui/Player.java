package org.timbrelab.app.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.timbrelab.app.controls.SpectrogramView;
import org.timbrelab.app.services.Background;
import org.timbrelab.app.services.Sound;
import org.timbrelab.dsp.AudioClip;
import org.timbrelab.dsp.AudioDeviceUnavailableException;
import org.timbrelab.dsp.Playback;

/**
 * Plays one clip at a time and moves the playhead of the view showing it. The device is opened
 * on a worker (it can take seconds); the playhead follows the device's own position each frame.
 */
public final class Player {
    private final Sound sound;
    private final Background background;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper deviceMissing = new ReadOnlyBooleanWrapper(false);
    private Playback playback;
    private SpectrogramView view;
    private long generation;
    private AudioClip clip;
    private double playOffset;

    private final AnimationTimer playhead = new AnimationTimer() {
        @Override public void handle(long now) {
            Playback p = playback;
            if (p == null) return;
            if (view != null) view.setPlayheadSeconds(playOffset + p.positionSeconds());
            if (!p.isPlaying()) finish();
        }
    };

    public Player(Sound sound, Background background) {
        this.sound = sound;
        this.background = background;
    }

    /** Plays {@code clip} from {@code startSeconds}, showing the playhead on {@code view} (may be null). */
    public void play(AudioClip clip, SpectrogramView view, double startSeconds) {
        stop();
        long gen = ++generation;
        this.view = view;
        this.clip = clip;
        AudioClip from = startSeconds <= 0 ? clip
                : clip.slice(Math.min(clip.length(), (int) (startSeconds * clip.sampleRate())), clip.length());
        double offset = clip.durationSeconds() - from.durationSeconds();
        playing.set(true);
        background.light("Play", p -> sound.play(from), pb -> {
            if (gen != generation) { pb.stop(); return; }
            playback = pb;
            playOffset = offset;
            playhead.start();
        }, e -> {
            playing.set(false);
            if (e instanceof AudioDeviceUnavailableException) { deviceMissing.set(true); return true; }
            return false;
        });
    }

    public void play(AudioClip clip, SpectrogramView view) { play(clip, view, 0); }

    /** Seconds into the current clip (for A/B switching at the same spot), or 0. */
    public double position() {
        Playback p = playback;
        return p == null ? 0 : playOffset + p.positionSeconds();
    }

    public AudioClip currentClip() { return clip; }

    public void stop() {
        generation++;
        sound.stop();
        finish();
    }

    private void finish() {
        playhead.stop();
        playback = null;
        if (view != null) view.setPlayheadSeconds(Double.NaN);
        view = null;
        playing.set(false);
    }

    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    public boolean isPlaying() { return playing.get(); }
    public ReadOnlyBooleanProperty deviceMissingProperty() { return deviceMissing.getReadOnlyProperty(); }
    public void markDeviceMissing() { deviceMissing.set(true); }
}
