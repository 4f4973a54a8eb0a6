package org.tkdworkbench.data.noisy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The random stream of one clip: SplitMix64 seeded from SHA-256 of the build seed and the clip's
 * id. Deriving each clip's stream from its own id (not from a shared generator consumed in
 * iteration order) makes a clip's offset, SNR and noise the same whatever the thread count, the
 * order clips finish in, or which other clips the dataset holds. SplitMix64 is written out here
 * rather than taken from {@code java.util} so the numbers cannot change with the JDK.
 */
final class ClipRandom {
  private long state;

  ClipRandom(long seed, String clipId) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    byte[] d =
        sha.digest(("tkd-noisy/1\n" + seed + "\n" + clipId).getBytes(StandardCharsets.UTF_8));
    long s = 0;
    for (int i = 0; i < 8; i++) {
      s = (s << 8) | (d[i] & 0xFF);
    }
    state = s;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Uniform integer in [0, bound) (bound &gt; 0); the modulo bias is below 2^-30 for our bounds.
   */
  int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, found " + bound);
    }
    return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
  }

  /** Uniform in [lo, hi]. */
  double uniform(double lo, double hi) {
    return lo + nextDouble() * (hi - lo);
  }
}
