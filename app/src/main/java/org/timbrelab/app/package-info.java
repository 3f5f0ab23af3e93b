/** The JavaFX workbench: views, view-models and background tasks over the engine. */
package org.timbrelab.app;
