package org.tkdworkbench.ui.plot;

/**
 * A colour map for spectrograms and attention heat maps: maps a value in [0, 1] to an opaque ARGB
 * colour through a 256-entry table (see {@link ColorMaps} for where the tables come from).
 */
public enum ColorMap {
  VIRIDIS("viridis", ColorMaps.VIRIDIS),
  MAGMA("magma", ColorMaps.MAGMA),
  GREY("grey", ColorMaps.GREY);

  private final String displayName;
  private final int[] argb;

  ColorMap(String displayName, int[] rgb) {
    this.displayName = displayName;
    this.argb = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      argb[i] = 0xFF000000 | rgb[i];
    }
  }

  /** Number of entries in the table. */
  public int size() {
    return argb.length;
  }

  /** The opaque ARGB colour of table entry {@code i} (0 = lowest). */
  public int entry(int i) {
    return argb[i];
  }

  /** The colour for {@code t} in [0, 1]; values outside are clamped, NaN maps to the lowest. */
  public int argb(double t) {
    if (!(t > 0)) {
      return argb[0];
    }
    int i = (int) (t * argb.length);
    return argb[Math.min(argb.length - 1, i)];
  }

  @Override
  public String toString() {
    return displayName;
  }
}
