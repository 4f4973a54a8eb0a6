/**
 * The run store on disk: one self-describing folder per run ({@code run.json}, {@code status.json},
 * {@code metrics.csv}, {@code checkpoints/}, {@code student/}, {@code summary.json}) that pandas
 * can read and that survives {@code kill -9}. {@link org.tkdworkbench.runs.RunStore} creates,
 * reopens, lists and reads runs; {@link org.tkdworkbench.runs.RunWriter} is the one live writer of
 * a run (status, metrics rows, atomic checkpoints and export); {@link
 * org.tkdworkbench.runs.ResultsTable} turns finished runs into the paper's Table 2. Plain files and Jackson only: no
 * DJL, no JavaFX, no picocli here; the training code hands in folders to save into.
 */
package org.tkdworkbench.runs;
