package org.timbrelab.app.training;

import org.timbrelab.engine.train.RunControl;
import org.timbrelab.engine.train.TrainingListener;

import java.nio.file.Path;

/** A training run the dashboard can start, watch, pause, resume and stop. */
public interface TrainingJob {

    /** Starts on the job's own thread; {@code listener} is called on that thread. Returns at once. */
    void start(TrainingListener listener);

    /** Pause / resume / cancel, checked by the loop between steps. */
    RunControl control();

    /** Where the run writes its metrics, snapshots (PNG) and checkpoint. */
    Path runDir();

    /** Turns a completed run into a preset in the user's library; returns the preset directory. */
    Path publishPreset() throws Exception;
}
