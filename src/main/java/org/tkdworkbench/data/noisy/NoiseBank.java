package org.tkdworkbench.data.noisy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.Mixing;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.jobs.Parallel;

/**
 * The noise recordings of a build, decoded once at the output rate and held in memory (one hour of
 * noise at 16 kHz is 230 MB), and the draw of an excerpt for a clip.
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

  /** One decoded noise file; {@code name} is its path relative to the files' common folder. */
  record Noise(Path path, String name, float[] samples) {}

  /** The noise under a clip: {@code samples.length} equals the clip length. */
  record Excerpt(Noise noise, int start, boolean looped, float[] samples) {}

  private final List<Noise> noises;
  private final List<String> problems;

  private NoiseBank(List<Noise> noises, List<String> problems) {
    this.noises = noises;
    this.problems = problems;
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
    List<Path> sorted =
        files.stream()
            .map(p -> p.toAbsolutePath().normalize())
            .distinct()
            .sorted(Comparator.comparing(Path::toString))
            .toList();
    Path common = commonFolder(sorted);
    Noise[] loaded = new Noise[sorted.size()];
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
              loaded[i] = new Noise(p, name, x);
            }
          } catch (AudioDecodeException e) {
            refused[i] = "noise " + e.getMessage();
          }
        });
    List<Noise> ok = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < loaded.length; i++) {
      if (loaded[i] != null) {
        ok.add(loaded[i]);
      } else {
        problems.add(refused[i]);
      }
    }
    return new NoiseBank(List.copyOf(ok), List.copyOf(problems));
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
    float[] x = n.samples();
    if (x.length >= length) {
      int start = random.nextInt(x.length - length + 1);
      float[] out = new float[length];
      System.arraycopy(x, start, out, 0, length);
      return new Excerpt(n, start, false, out);
    }
    int crossfade = Math.min((int) Math.round(CROSSFADE_SECONDS * sampleRate), x.length / 4);
    int start = random.nextInt(x.length - crossfade);
    return new Excerpt(n, start, true, Mixing.loop(x, start, length, crossfade));
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
