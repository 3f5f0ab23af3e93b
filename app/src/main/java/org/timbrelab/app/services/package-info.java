/**
 * What the views use to do work: loading and analysing audio, sound devices, background tasks,
 * recent files and bundled samples. Nothing here touches a view; the FX thread never waits on it.
 */
package org.timbrelab.app.services;
