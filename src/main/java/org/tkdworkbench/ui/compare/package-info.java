/**
 * The compare view: any selection of runs side by side — overlaid curves with a pinned baseline,
 * the config diff, the Table-2 pivot, accuracy against on-device cost with the Pareto front, and
 * the per-clip panel (a clip's spectrogram with the target {@code a_T} and each run's {@code a_S},
 * the paper's Fig. 2), fed by each run's {@code student/clips.csv} and {@code attention.csv}.
 */
package org.tkdworkbench.ui.compare;
