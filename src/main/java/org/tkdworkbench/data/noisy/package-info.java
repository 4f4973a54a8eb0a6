/**
 * The noisy-keyword builder (the paper's Noisy Speech Commands): each keyword clip placed at a
 * random offset in longer noise at a random SNR, deterministic for a seed, with the keyword's true
 * span written to {@code keyword_spans.csv}. Core code: no JavaFX.
 */
package org.tkdworkbench.data.noisy;
