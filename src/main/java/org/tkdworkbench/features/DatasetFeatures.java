package org.tkdworkbench.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.tkdworkbench.audio.AudioClip;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.SourceFormat;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.jobs.Parallel;

/**
 * Extracts the log-mel features of every file of a dataset into the {@link FeatureCache}, in
 * parallel, so training and browsing later read a few KB per clip instead of decoding.
 *
 * <p>Files are handed out one at a time from a shared counter, so threads stay busy to the end. A
 * file that cannot be decoded or hashed is a {@link Failure} in the result, never a reason to stop;
 * cancelling stops every thread at its next file boundary and throws {@link CancelledException}
 * (entries already cached stay: they are valid and make the next run faster). Threads, progress
 * (reported on the calling thread, never backwards) and stopping are {@link Parallel#forEach}'s: an
 * unexpected exception (a bug) stops every thread and is rethrown once they have stopped. Takes
 * file paths rather than a dataset index, so it serves every layout (and keeps {@code features}
 * free of {@code data}).
 */
public final class DatasetFeatures {
  /** A file whose features could not be computed, and why. */
  public record Failure(Path file, String reason) {}

  /**
   * What a pass did.
   *
   * @param files files asked for
   * @param extracted files whose features are now in the cache
   * @param decoded files that had to be decoded and computed (the rest were cache hits)
   * @param failures files that failed, sorted by path
   * @param seconds wall time
   */
  public record Result(
      int files, int extracted, int decoded, List<Failure> failures, double seconds) {
    public Result {
      failures = List.copyOf(failures);
    }

    /** Files answered from the cache without decoding. */
    public int cacheHits() {
      return extracted - decoded;
    }
  }

  private final FeatureCache cache;
  private final AudioDecoder decoder;
  private final int threads;

  /**
   * Extraction through {@code cache}, decoding with {@code decoder}, on {@code threads} threads.
   */
  public DatasetFeatures(FeatureCache cache, AudioDecoder decoder, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, found " + threads);
    }
    this.cache = Objects.requireNonNull(cache, "cache");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.threads = threads;
  }

  /**
   * Makes sure every file's features under {@code spec} are cached, reporting progress per file.
   *
   * @throws CancelledException when {@code ctx} is cancelled (after running files finish)
   * @throws IllegalArgumentException when {@code spec} is invalid
   */
  public Result extract(List<Path> files, FeatureSpec spec, JobContext ctx) {
    spec.requireValid();
    long t0 = System.nanoTime();
    CountingDecoder counting = new CountingDecoder(decoder);
    ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger ok = new AtomicInteger();
    int n = files.size();
    Parallel.forEach(
        files,
        threads,
        ctx,
        "Extracting features",
        (i, f) -> {
          try {
            cache.get(f, spec, counting);
            ok.incrementAndGet();
          } catch (AudioDecodeException e) {
            failures.add(new Failure(f, e.getMessage()));
          } catch (IOException e) {
            failures.add(new Failure(f, f + ": " + e));
          } catch (IllegalArgumentException | IllegalStateException e) {
            failures.add(new Failure(f, f + ": " + e.getMessage()));
          }
        });
    List<Failure> sorted = new ArrayList<>(failures);
    sorted.sort(Comparator.comparing(fl -> fl.file().toString()));
    return new Result(n, ok.get(), counting.decodes.get(), sorted, (System.nanoTime() - t0) / 1e9);
  }

  /** Counts real decodes, which are exactly the cache misses. */
  private static final class CountingDecoder extends AudioDecoder {
    private final AudioDecoder inner;
    private final AtomicInteger decodes = new AtomicInteger();

    CountingDecoder(AudioDecoder inner) {
      super(Optional.empty());
      this.inner = inner;
    }

    @Override
    public AudioClip decode(Path file, int targetSampleRate) throws AudioDecodeException {
      AudioClip clip = inner.decode(file, targetSampleRate);
      decodes.incrementAndGet();
      return clip;
    }

    @Override
    public SourceFormat probe(Path file) throws AudioDecodeException {
      return inner.probe(file);
    }

    @Override
    public Optional<Path> ffmpeg() {
      return inner.ffmpeg();
    }
  }
}
