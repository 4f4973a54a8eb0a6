/**
 * The student designer: configure a student, its loss weights and training, see its cost
 * (parameters, MACs, bytes, measured latency) as the knobs move, and launch a run or a sweep onto
 * the training queue without blocking the UI.
 */
package org.tkdworkbench.ui.designer;
