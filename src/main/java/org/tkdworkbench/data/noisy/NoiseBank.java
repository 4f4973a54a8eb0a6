package org.tkdworkbench.data.noisy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.Mixing;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.jobs.Parallel;

/**
 * The noise recordings of a build and the draw of an excerpt for a clip.
 *
 * <p>Memory: a noise folder can hold hours (six hours at 16 kHz is 1.4 GB as floats), so samples
 * are not all kept. Loading checks each file once (decoded at the output rate: its exact length,
 * and whether it is silent or undecodable) and keeps only its length; a draw needs just the file
 * index, its length and the start, and the samples come from a small least-recently-used cache
 * bounded by total samples ({@link #DEFAULT_CACHE_SAMPLES}), decoded again on a miss. What a clip
 * gets does not depend on the cache, so the output stays byte-identical for any thread count.
 *
 * <p>Files are sorted by path so the choice a seed makes does not depend on the order they were
 * handed in. A file that cannot be decoded, is silent, or is shorter than {@link #MIN_SECONDS} is
 * refused with a reason and the rest are used.
 */
final class NoiseBank {
  /** Shorter noise would loop so often that it turns into a tone. */
  static final double MIN_SECONDS = 0.1;

  /** Crossfade at the seam of looped noise (at most a quarter of the file). */
  static final double CROSSFADE_SECONDS = 0.05;

  /** Samples the decoded-noise cache holds at most by default: 64 M (256 MB of floats). */
  static final long DEFAULT_CACHE_SAMPLES = 64L << 20;

  /**
   * One usable noise file; {@code name} is its path relative to the files' common folder, {@code
   * length} its samples at the output rate.
   */
  record Noise(int index, Path path, String name, int length) {}

  /** The noise under a clip: {@code samples.length} equals the clip length. */
  record Excerpt(Noise noise, int start, boolean looped, float[] samples) {}

  private final List<Noise> noises;
  private final List<String> problems;
  private final AudioDecoder decoder;
  private final int sampleRate;
  private final long cacheSamples;

  /** Decoded noise by {@link Noise#index}, least recently used first; guarded by itself. */
  private final LinkedHashMap<Integer, float[]> cache = new LinkedHashMap<>(16, 0.75f, true);

  private long cached;

  private NoiseBank(
      List<Noise> noises,
      List<String> problems,
      AudioDecoder decoder,
      int sampleRate,
      long cacheSamples) {
    this.noises = noises;
    this.problems = problems;
    this.decoder = decoder;
    this.sampleRate = sampleRate;
    this.cacheSamples = cacheSamples;
  }

  /**
   * Decodes {@code files} at {@code sampleRate} on {@code threads} threads, counting each file as
   * one unit of progress from {@code progressBase} on.
   */
  static NoiseBank load(
      List<Path> files,
      AudioDecoder decoder,
      int sampleRate,
      int threads,
      JobContext ctx,
      long progressBase,
      long progressTotal)
      throws IOException {
    return load(
        files,
        decoder,
        sampleRate,
        threads,
        ctx,
        progressBase,
        progressTotal,
        DEFAULT_CACHE_SAMPLES);
  }

  /** {@link #load} with a cache of at most {@code cacheSamples} decoded samples. */
  static NoiseBank load(
      List<Path> files,
      AudioDecoder decoder,
      int sampleRate,
      int threads,
      JobContext ctx,
      long progressBase,
      long progressTotal,
      long cacheSamples)
      throws IOException {
    List<Path> sorted =
        files.stream()
            .map(p -> p.toAbsolutePath().normalize())
            .distinct()
            .sorted(Comparator.comparing(Path::toString))
            .toList();
    Path common = commonFolder(sorted);
    String[] names = new String[sorted.size()];
    int[] lengths = new int[sorted.size()];
    float[][] decoded = new float[sorted.size()][];
    String[] refused = new String[sorted.size()];
    int n = sorted.size();
    Parallel.forEach(
        n,
        threads,
        "tkd-noise",
        ctx,
        d -> ctx.progress(progressBase + d, progressTotal, "Decoding noise: " + d + " of " + n),
        i -> {
          Path p = sorted.get(i);
          String name =
              common == null ? p.toString() : common.relativize(p).toString().replace('\\', '/');
          try {
            float[] x = decoder.decode(p, sampleRate).samples();
            double seconds = x.length / (double) sampleRate;
            if (seconds < MIN_SECONDS) {
              refused[i] =
                  String.format(
                      Locale.ROOT,
                      "noise %s: too short to loop (%.3f s; at least %.1f s)",
                      p,
                      seconds,
                      MIN_SECONDS);
            } else if (Mixing.meanPower(x) == 0) {
              refused[i] = "noise " + p + ": silent (every sample is zero)";
            } else {
              names[i] = name;
              lengths[i] = x.length;
              // Kept only while it fits in the cache; the rest is decoded again when drawn.
              if (x.length <= cacheSamples / Math.max(1, sorted.size())) {
                decoded[i] = x;
              }
            }
          } catch (AudioDecodeException e) {
            refused[i] = "noise " + e.getMessage();
          }
        });
    List<Noise> ok = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<float[]> first = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (names[i] != null) {
        ok.add(new Noise(ok.size(), sorted.get(i), names[i], lengths[i]));
        first.add(decoded[i]);
      } else {
        problems.add(refused[i]);
      }
    }
    NoiseBank bank =
        new NoiseBank(List.copyOf(ok), List.copyOf(problems), decoder, sampleRate, cacheSamples);
    for (int i = 0; i < first.size(); i++) {
      if (first.get(i) != null) {
        bank.remember(i, first.get(i));
      }
    }
    return bank;
  }

  /** Samples held in the cache now (never more than its bound, one file larger than it aside). */
  long cachedSamples() {
    synchronized (cache) {
      return cached;
    }
  }

  /**
   * The samples of {@code n}, from the cache or decoded again. Two workers missing the same file at
   * once may both decode it; the samples are the same either way.
   */
  float[] samples(Noise n) {
    synchronized (cache) {
      float[] x = cache.get(n.index());
      if (x != null) {
        return x;
      }
    }
    float[] x;
    try {
      x = decoder.decode(n.path(), sampleRate).samples();
    } catch (AudioDecodeException e) {
      throw new IllegalStateException(
          "noise "
              + n.path()
              + " was read at the start of the build but not now: "
              + e.getMessage(),
          e);
    }
    if (x.length != n.length()) {
      throw new IllegalStateException(
          "noise "
              + n.path()
              + " changed during the build ("
              + n.length()
              + " samples, now "
              + x.length
              + ")");
    }
    remember(n.index(), x);
    return x;
  }

  /** Puts {@code x} in the cache and drops the least recently used files beyond the bound. */
  private void remember(int index, float[] x) {
    synchronized (cache) {
      if (cache.put(index, x) == null) {
        cached += x.length;
      }
      var it = cache.entrySet().iterator();
      while (cached > cacheSamples && cache.size() > 1 && it.hasNext()) {
        var e = it.next();
        if (e.getKey() != index) {
          cached -= e.getValue().length;
          it.remove();
        }
      }
    }
  }

  List<Noise> noises() {
    return noises;
  }

  /** One sentence per refused noise file. */
  List<String> problems() {
    return problems;
  }

  /**
   * Draws a noise file and a start in it, uniformly, and cuts {@code length} samples: a contiguous
   * stretch when the file is long enough, otherwise the file looped from a random point with a
   * crossfade at the seam ({@link Mixing#loop}).
   */
  Excerpt draw(ClipRandom random, int length, int sampleRate) {
    Noise n = noises.get(random.nextInt(noises.size()));
    if (n.length() >= length) {
      int start = random.nextInt(n.length() - length + 1);
      float[] x = samples(n);
      float[] out = new float[length];
      System.arraycopy(x, start, out, 0, length);
      return new Excerpt(n, start, false, out);
    }
    int crossfade = Math.min((int) Math.round(CROSSFADE_SECONDS * sampleRate), n.length() / 4);
    int start = random.nextInt(n.length() - crossfade);
    return new Excerpt(n, start, true, Mixing.loop(samples(n), start, length, crossfade));
  }

  /** The deepest folder holding every file, or null when they share none (different roots). */
  static Path commonFolder(List<Path> files) {
    Path common = null;
    for (Path p : files) {
      Path parent = p.getParent();
      if (parent == null) {
        return null;
      }
      if (common == null) {
        common = parent;
      }
      while (common != null && !parent.startsWith(common)) {
        common = common.getParent();
      }
      if (common == null) {
        return null;
      }
    }
    return common;
  }
}
