/**
 * The app's view of a loaded timbre model (a preset) and of the current session: what the views
 * bind to. The engine is reached only through {@link org.timbrelab.app.model.TimbreModel}.
 */
package org.timbrelab.app.model;
