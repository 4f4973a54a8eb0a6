/**
 * The log-mel front end, matching librosa's conventions exactly (DESIGN §4): {@link
 * org.tkdworkbench.features.FeatureSpec} validates the parameters, {@link
 * org.tkdworkbench.features.LogMelExtractor} computes {@code [frames × mels]} with TarsosDSP's FFT,
 * and {@link org.tkdworkbench.features.FeatureCache} keeps results on disk keyed by file content and
 * spec. No JavaFX, no DJL here.
 */
package org.tkdworkbench.features;
