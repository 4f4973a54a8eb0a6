/**
 * The run store on disk (one self-describing folder per run: run.json, status.json, metrics.csv,
 * checkpoints, summary.json), comparison and export. Empty until the distillation work lands.
 */
package org.tkdworkbench.runs;
