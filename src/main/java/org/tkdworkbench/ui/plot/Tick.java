package org.tkdworkbench.ui.plot;

/**
 * One axis tick.
 *
 * @param value the data value (seconds, Hz)
 * @param fraction where it sits along the axis, 0 at the start (left, or bottom) and 1 at the end
 * @param label the text to draw
 */
public record Tick(double value, double fraction, String label) {}
