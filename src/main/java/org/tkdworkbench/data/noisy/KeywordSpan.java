package org.tkdworkbench.data.noisy;

import java.util.Objects;

/**
 * Where the keyword sits in one clip of a noisy variant: a row of {@code keyword_spans.csv}.
 *
 * @param clip the clip's id in the noisy dataset, e.g. {@code yes/0a7c2a8d_nohash_0.wav}
 * @param startSeconds start of the keyword's active region (its energy, near-silence trimmed)
 * @param endSeconds end of that region (exclusive)
 * @param snrDb the SNR drawn and realised over the span ({@code NaN} when the file lacks it)
 * @param noise the noise file, relative to the noise folder ({@code null} when unknown)
 * @param noiseStartSeconds where the noise excerpt starts in that file ({@code NaN} when unknown);
 *     for a file shorter than the clip, the start in its crossfaded loop
 * @param offsetSeconds where the whole source clip was placed ({@code NaN} when unknown)
 * @param keywordGain factor applied to the source clip: 1, or less when the mixture was scaled down
 *     to avoid clipping
 * @param noiseGain factor applied to the noise excerpt
 */
public record KeywordSpan(
    String clip,
    double startSeconds,
    double endSeconds,
    double snrDb,
    String noise,
    double noiseStartSeconds,
    double offsetSeconds,
    double keywordGain,
    double noiseGain) {
  public KeywordSpan {
    Objects.requireNonNull(clip, "clip");
  }

  /** A span as other tools write it: only clip, start and end. */
  public static KeywordSpan of(String clip, double startSeconds, double endSeconds) {
    return new KeywordSpan(
        clip,
        startSeconds,
        endSeconds,
        Double.NaN,
        null,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  public double durationSeconds() {
    return endSeconds - startSeconds;
  }
}
