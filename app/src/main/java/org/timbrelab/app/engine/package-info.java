/** Adapters from the engine (Converter, PresetStore, TrainingRun) to the app's model interfaces. */
package org.timbrelab.app.engine;
