/**
 * Reusable JavaFX controls in the ControlsFX shape: a public {@code Control} holding properties, a
 * {@code Skin} that draws it, and CSS for its look. Each is usable and testable without the app.
 */
package org.timbrelab.app.controls;
