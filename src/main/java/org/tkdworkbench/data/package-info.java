/**
 * Datasets: layouts on disk, the clip index with labels and splits, and where the bundled sample
 * lives. Today: {@link org.tkdworkbench.data.SpeechCommandsIndexer} (Speech Commands and plain
 * folder-per-class trees) producing a {@link org.tkdworkbench.data.DatasetIndex}; more layouts, the
 * noisy-variant builder and the import report come later. Indexing only reads names, never audio.
 * No JavaFX here.
 */
package org.tkdworkbench.data;
