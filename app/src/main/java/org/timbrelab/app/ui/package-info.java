/** The main window and its panels, dialogs and wizards, wired to the services through properties. */
package org.timbrelab.app.ui;
