/** The model library: built-in presets and the user's own, with load, rename, delete and a training summary. */
package org.timbrelab.app.library;
