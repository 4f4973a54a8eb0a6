/**
 * The noisy-keyword builder (the paper's Noisy Speech Commands): each keyword clip placed at a
 * random offset in longer noise at a random SNR, deterministic for a seed and independent of thread
 * count, with the keyword's true span written to {@code keyword_spans.csv} ({@link
 * org.tkdworkbench.data.noisy.KeywordSpans} reads it back for the attention views). The signal
 * arithmetic lives in {@link org.tkdworkbench.audio.Mixing}; this package decides what goes where
 * and writes the dataset. Core code: no JavaFX.
 */
package org.tkdworkbench.data.noisy;
