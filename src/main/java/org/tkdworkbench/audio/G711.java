package org.tkdworkbench.audio;

/**
 * G.711 mu-law and A-law expansion tables (ITU-T G.711), as floats in [-1, 1].
 *
 * <p>Two 256-entry tables computed once; the test checks them against Java Sound's own codecs.
 */
final class G711 {
  private static final float[] ULAW = new float[256];
  private static final float[] ALAW = new float[256];

  static {
    for (int code = 0; code < 256; code++) {
      ULAW[code] = ulawToLinear(code) / 32768f;
      ALAW[code] = alawToLinear(code) / 32768f;
    }
  }

  private G711() {}

  /** The expansion table for mu-law codes, indexed by the unsigned byte. */
  static float[] ulaw() {
    return ULAW;
  }

  /** The expansion table for A-law codes, indexed by the unsigned byte. */
  static float[] alaw() {
    return ALAW;
  }

  /** Mu-law code to 16-bit linear: the code is stored inverted, with a bias of 0x84. */
  static int ulawToLinear(int code) {
    int u = ~code & 0xFF;
    int t = (((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4);
    return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
  }

  /** A-law code to 16-bit linear: even bits are inverted (XOR 0x55), sign bit set = positive. */
  static int alawToLinear(int code) {
    int a = (code ^ 0x55) & 0xFF;
    int t = (a & 0x0F) << 4;
    int segment = (a & 0x70) >> 4;
    if (segment == 0) {
      t += 8;
    } else {
      t = (t + 0x108) << (segment - 1);
    }
    return (a & 0x80) != 0 ? t : -t;
  }
}
