/**
 * The log-mel front end, matching librosa's conventions exactly (DESIGN §4): {@link
 * org.tkdworkbench.features.FeatureSpec} validates the parameters, {@link
 * org.tkdworkbench.features.MelScale} and {@link org.tkdworkbench.features.MelFilterbank} port
 * librosa's Slaney mel scale and filterbank, {@link org.tkdworkbench.features.LogMelExtractor}
 * computes {@code [frames × mels]} with TarsosDSP's FFT, and {@link
 * org.tkdworkbench.features.FeatureCache} keeps results on disk keyed by file content and spec.
 * Golden files from {@code src/test/python/librosa_reference.py} hold the code to librosa. No
 * JavaFX, no DJL and no decoding here (that is {@code audio}'s).
 */
package org.tkdworkbench.features;
