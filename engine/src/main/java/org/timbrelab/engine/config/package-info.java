/**
 * Configuration is data: YAML files in {@code config/} bound to Java records by Jackson, strict
 * (unknown or missing keys and bad values are errors that name the key and the file).
 */
package org.timbrelab.engine.config;
