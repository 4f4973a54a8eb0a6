/**
 * Datasets: layouts on disk (Speech Commands, folder-per-class, ...), the clip index with labels
 * and splits, and later the noisy-variant builder and the import report. No JavaFX here.
 */
package org.tkdworkbench.data;
