package org.tkdworkbench.ui.plot;

/**
 * The min/max outline of a waveform in a fixed number of buckets, computed once off the FX thread;
 * drawing at any width then merges buckets per pixel column instead of touching every sample.
 *
 * @param min the smallest sample of each bucket
 * @param max the largest sample of each bucket
 * @param durationSeconds the clip's length
 */
public record WaveformEnvelope(float[] min, float[] max, double durationSeconds) {
  /** Buckets kept by {@link #of}: finer than any screen column. */
  public static final int DEFAULT_BUCKETS = 4096;

  /** The envelope of {@code samples} in at most {@code buckets} buckets (one per sample if fewer). */
  public static WaveformEnvelope of(float[] samples, int sampleRate, int buckets) {
    int n = Math.max(1, Math.min(buckets, samples.length));
    float[] lo = new float[n];
    float[] hi = new float[n];
    for (int b = 0; b < n; b++) {
      int from = (int) ((long) b * samples.length / n);
      int to = Math.max(from + 1, (int) ((long) (b + 1) * samples.length / n));
      float mn = Float.POSITIVE_INFINITY;
      float mx = Float.NEGATIVE_INFINITY;
      for (int i = from; i < to && i < samples.length; i++) {
        mn = Math.min(mn, samples[i]);
        mx = Math.max(mx, samples[i]);
      }
      lo[b] = samples.length == 0 ? 0 : mn;
      hi[b] = samples.length == 0 ? 0 : mx;
    }
    return new WaveformEnvelope(lo, hi, samples.length / (double) sampleRate);
  }

  /** Buckets in the envelope. */
  public int size() {
    return min.length;
  }

  /**
   * Min (index 0) and max (index 1) over the buckets that fall in column {@code x} of {@code
   * columns}.
   */
  public float[] column(int x, int columns) {
    int n = min.length;
    int from = (int) ((long) x * n / columns);
    int to = Math.max(from + 1, (int) ((long) (x + 1) * n / columns));
    float mn = Float.POSITIVE_INFINITY;
    float mx = Float.NEGATIVE_INFINITY;
    for (int b = from; b < to && b < n; b++) {
      mn = Math.min(mn, min[b]);
      mx = Math.max(mx, max[b]);
    }
    return from >= n ? new float[] {0, 0} : new float[] {mn, mx};
  }
}
