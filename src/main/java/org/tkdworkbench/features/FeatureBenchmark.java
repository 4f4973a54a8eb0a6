package org.tkdworkbench.features;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures log-mel extraction throughput on already-decoded clips, so the number is about the
 * front end alone (decoding is timed separately by the caller).
 *
 * <p>Each measurement first runs one untimed pass (JIT warm-up), then {@code repeats} timed
 * passes over all clips; clips are handed out one at a time from a shared counter so threads stay
 * busy to the end.
 */
public final class FeatureBenchmark {
  /** One measurement. */
  public record Result(int threads, int clipsProcessed, double audioSeconds, double wallSeconds) {
    public double clipsPerSecond() {
      return clipsProcessed / wallSeconds;
    }

    /** Seconds of audio processed per second of wall time. */
    public double realtimeFactor() {
      return audioSeconds / wallSeconds;
    }
  }

  private final FeatureSpec spec;
  private final LogMelExtractor extractor;

  public FeatureBenchmark(FeatureSpec spec) {
    this.spec = spec.requireValid();
    this.extractor = new LogMelExtractor(spec);
  }

  /** Runs a warm-up pass and {@code repeats} timed passes over {@code clips} on {@code threads}. */
  public Result measure(List<float[]> clips, int threads, int repeats) throws InterruptedException {
    if (clips.isEmpty()) {
      throw new IllegalArgumentException("no clips to measure");
    }
    if (threads < 1 || repeats < 1) {
      throw new IllegalArgumentException("threads and repeats must be at least 1");
    }
    double audioSeconds = 0;
    for (float[] c : clips) {
      audioSeconds += c.length / (double) spec.sampleRate();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      runPass(pool, clips, threads); // warm-up, not timed
      long start = System.nanoTime();
      for (int r = 0; r < repeats; r++) {
        runPass(pool, clips, threads);
      }
      double wall = (System.nanoTime() - start) / 1e9;
      return new Result(threads, clips.size() * repeats, audioSeconds * repeats, wall);
    } finally {
      pool.shutdownNow();
    }
  }

  private void runPass(ExecutorService pool, List<float[]> clips, int threads)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Future<Double>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                double sink = 0; // consumed below so the JIT cannot drop the work
                for (int i = next.getAndIncrement(); i < clips.size(); i = next.getAndIncrement()) {
                  float[][] m = extractor.compute(clips.get(i));
                  sink += m.length == 0 ? 0 : m[m.length / 2][0];
                }
                return sink;
              }));
    }
    for (Future<Double> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("feature extraction failed: " + e.getCause(), e.getCause());
      }
    }
  }
}
