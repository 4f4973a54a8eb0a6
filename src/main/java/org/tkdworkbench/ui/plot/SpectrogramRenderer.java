package org.tkdworkbench.ui.plot;

/**
 * Colours a log-mel matrix.
 *
 * <p>The colour scale runs from the clip's loudest cell down {@value #TOP_DB} dB, like librosa's
 * {@code power_to_db(top_db=80)}: quiet clips stay readable, and the log floor of the features
 * ({@code ln(1e-6)}, −60 dB) is always the darkest colour, so digital silence is black-ish rather
 * than stretched into false detail.
 */
public final class SpectrogramRenderer {
  /** Dynamic range shown below the clip's maximum, in dB. */
  public static final double TOP_DB = 80;

  /** {@code 10·log10(1e-6)}: the features' floor in dB. */
  public static final double FLOOR_DB = -60;

  private static final double DB_PER_NEPER = 10 / Math.log(10);

  private SpectrogramRenderer() {}

  /**
   * Renders {@code logMel} ({@code [frames][mels]}, natural-log mel power) with {@code map}.
   *
   * @throws IllegalArgumentException for an empty or ragged matrix
   */
  public static SpectrogramRaster render(float[][] logMel, ColorMap map) {
    int frames = logMel.length;
    if (frames == 0 || logMel[0].length == 0) {
      throw new IllegalArgumentException("empty spectrogram");
    }
    int mels = logMel[0].length;
    double maxLn = Double.NEGATIVE_INFINITY;
    for (float[] frame : logMel) {
      if (frame.length != mels) {
        throw new IllegalArgumentException("ragged spectrogram: " + frame.length + " vs " + mels);
      }
      for (float v : frame) {
        if (v > maxLn) {
          maxLn = v;
        }
      }
    }
    double maxDb = Math.max(maxLn * DB_PER_NEPER, FLOOR_DB + 1);
    double minDb = Math.max(maxDb - TOP_DB, FLOOR_DB);
    double scale = 1 / (maxDb - minDb);
    int[] argb = new int[frames * mels];
    for (int t = 0; t < frames; t++) {
      float[] frame = logMel[t];
      for (int m = 0; m < mels; m++) {
        double db = frame[m] * DB_PER_NEPER;
        argb[(mels - 1 - m) * frames + t] = map.argb((db - minDb) * scale);
      }
    }
    return new SpectrogramRaster(frames, mels, argb, map, maxDb, minDb);
  }
}
