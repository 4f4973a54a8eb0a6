package org.tkdworkbench.ui.form;

import java.util.Locale;

/** Parsing what users type into number fields, and printing numbers the way they would type them. */
public final class Numbers {
  private Numbers() {}

  /** The whole number in {@code text}, or null. */
  public static Integer parseInt(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The whole number in {@code text}, or null. */
  public static Long parseLong(String text) {
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The finite number in {@code text} ({@code .} as decimal point), or null. */
  public static Double parseDouble(String text) {
    String t = text.strip();
    if (t.isEmpty() || !t.matches("[-+]?[0-9]*\\.?[0-9]*([eE][-+]?[0-9]+)?")) {
      return null; // also keeps out "NaN", "Infinity" and Java's "1d"/"0x1p3" forms
    }
    try {
      double v = Double.parseDouble(t);
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code 4} for 4.0, {@code 2.5} for 2.5. */
  public static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%s", v);
  }
}
