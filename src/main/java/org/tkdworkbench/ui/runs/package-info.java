/**
 * The runs view: every run in the workspace's run store (including runs made by the CLI or copied
 * in from another machine) with status, progress and best metric; the selected run's loss terms
 * and validation metric as live JFreeChart-FX charts fed from its {@code metrics.csv} about four
 * times a second; stop, resume and its log. {@link org.tkdworkbench.ui.runs.Training} is the port
 * to the core's distillation runs, queued one at a time.
 */
package org.tkdworkbench.ui.runs;
