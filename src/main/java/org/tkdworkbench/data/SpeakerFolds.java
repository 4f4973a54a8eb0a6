package org.tkdworkbench.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Speaker-grouped folds for Speech Commands-style data, for cross-validation on a dataset whose
 * fixed test split is too small to tell models apart (the bundled sample tests on 3 speakers).
 *
 * <p>The rule extends Speech Commands' own split rule ({@code which_set} in TensorFlow's {@code
 * input_data.py}): a clip's speaker is its file name up to {@code _nohash_} (the whole file name
 * when there is none, so such a clip is a group of its own), and a speaker's place is the SHA-1 of
 * that name as a number modulo 2<sup>27</sup>. Speakers are sorted by that place (ties by name) and
 * cut into {@code folds} contiguous runs of equal size; when the speakers do not divide evenly the
 * first runs are one smaller. Because Speech Commands puts the lowest 10 % of places in validation
 * and the next 10 % in test, ten folds of a set split by that rule have the validation speakers as
 * fold 1 and the test speakers as fold 2 when those lists hold a tenth of the speakers each, as in
 * the bundled sample; so {@code --folds 10 --test-fold 2} reproduces its published split, and the
 * other nine test folds cover every other speaker once. A speaker is always in exactly one fold, so
 * no voice is in two splits.
 */
public final class SpeakerFolds {
  /** Speech Commands' {@code MAX_NUM_WAVS_PER_CLASS + 1}: places are taken modulo this. */
  static final long MODULUS = 1L << 27;

  private static final String NOHASH = "_nohash_";

  private SpeakerFolds() {}

  /**
   * The speaker of a clip id or file name ({@code yes/0a7c2a8d_nohash_0.wav} → {@code 0a7c2a8d}),
   * as Speech Commands reads it.
   */
  public static String speaker(String clipId) {
    String name = clipId.substring(clipId.lastIndexOf('/') + 1);
    int cut = name.indexOf(NOHASH);
    return cut < 0 ? name : name.substring(0, cut);
  }

  /** The speaker's place: SHA-1 of its UTF-8 name as a big-endian number, modulo 2^27. */
  static long place(String speaker) {
    byte[] d;
    try {
      d = MessageDigest.getInstance("SHA-1").digest(speaker.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
    }
    long low = 0;
    for (int i = d.length - 4; i < d.length; i++) {
      low = (low << 8) | (d[i] & 0xff);
    }
    return low % MODULUS;
  }

  /** The place as Speech Commands' percentage (below 10: its validation list; 10..20: testing). */
  public static double percentage(String speaker) {
    return place(speaker) * (100.0 / (MODULUS - 1));
  }

  /**
   * Each distinct speaker's fold, 1-based, in fold order.
   *
   * @param folds at least 1
   */
  public static Map<String, Integer> assign(Collection<String> speakers, int folds) {
    if (folds < 1) {
      throw new IllegalArgumentException("folds: must be at least 1, found " + folds);
    }
    Map<String, Long> places = new HashMap<>();
    for (String s : speakers) {
      places.computeIfAbsent(s, SpeakerFolds::place); // one SHA-1 per speaker, not per comparison
    }
    List<String> order = new ArrayList<>(places.keySet());
    order.sort(
        Comparator.<String>comparingLong(places::get).thenComparing(Comparator.naturalOrder()));
    int n = order.size();
    int base = n / folds;
    int smaller = folds - n % folds; // the first `smaller` folds hold `base`, the rest base + 1
    Map<String, Integer> fold = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      int inSmaller = smaller * base;
      int f = r < inSmaller ? r / base : smaller + (r - inSmaller) / (base + 1);
      fold.put(order.get(r), f + 1);
    }
    return fold;
  }
}
