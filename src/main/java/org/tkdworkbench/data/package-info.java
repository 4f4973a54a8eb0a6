/**
 * Datasets: layouts on disk, the clip index with labels and splits, the import report and the
 * workspace's dataset registry. {@link org.tkdworkbench.data.Datasets} detects a layout and hands
 * the folder to its reader (folder-per-class, Speech Commands, ESC-50, FSD50K, CSV manifest), which
 * reads names and metadata only and refuses bad files and rows with a {@link
 * org.tkdworkbench.data.Refusal} instead of aborting; {@link org.tkdworkbench.data.DatasetImporter}
 * then probes audio headers in parallel for the {@link org.tkdworkbench.data.ImportReport}; {@link
 * org.tkdworkbench.data.DatasetRegistry} remembers imports in {@code datasets.json}. The noisy
 * builder lives in {@code data.noisy}. No JavaFX here, and no audio decoding during indexing.
 */
package org.tkdworkbench.data;
