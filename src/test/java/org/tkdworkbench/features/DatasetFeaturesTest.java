package org.tkdworkbench.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.AudioClip;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.WavWriter;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;

class DatasetFeaturesTest {
  private static final FeatureSpec SPEC = FeatureSpec.defaults();

  @TempDir Path tmp;

  /** The real decoder, counting its calls and optionally slowed down. */
  static final class Counting extends AudioDecoder {
    final AtomicInteger calls = new AtomicInteger();
    final long delayMillis;

    Counting(long delayMillis) {
      super(Optional.empty());
      this.delayMillis = delayMillis;
    }

    @Override
    public AudioClip decode(Path file, int rate) throws AudioDecodeException {
      calls.incrementAndGet();
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.decode(file, rate);
    }
  }

  /**
   * A small generated dataset: {@code n} tones of different pitch (so no two share a cache key).
   */
  private List<Path> dataset(int n) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] x = new float[4000];
      for (int j = 0; j < x.length; j++) {
        x[j] = (float) (0.3 * Math.sin(2 * Math.PI * (200 + 50 * i) * j / 16000.0));
      }
      Path f = tmp.resolve("data/c" + (i % 3) + "/clip" + i + ".wav");
      Files.createDirectories(f.getParent());
      WavWriter.write(f, x, 16000, WavWriter.Encoding.PCM_16);
      files.add(f);
    }
    return files;
  }

  @Test
  void secondRunIsServedFromTheCacheWithoutDecoding() throws IOException {
    List<Path> files = dataset(12);
    FeatureCache cache = new FeatureCache(tmp.resolve("cache"));
    Counting decoder = new Counting(0);
    AtomicLong lastDone = new AtomicLong();
    AtomicLong lastTotal = new AtomicLong();
    JobContext ctx =
        new JobContext() {
          @Override
          public synchronized void progress(long done, long total, String message) {
            lastDone.set(Math.max(lastDone.get(), done));
            lastTotal.set(total);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    DatasetFeatures.Result first = new DatasetFeatures(cache, decoder, 2).extract(files, SPEC, ctx);
    assertThat(first.files()).isEqualTo(12);
    assertThat(first.extracted()).isEqualTo(12);
    assertThat(first.decoded()).isEqualTo(12);
    assertThat(first.failures()).isEmpty();
    assertThat(decoder.calls.get()).isEqualTo(12);
    assertThat(lastDone.get()).isEqualTo(12);
    assertThat(lastTotal.get()).isEqualTo(12);

    DatasetFeatures.Result second =
        new DatasetFeatures(cache, decoder, 2).extract(files, SPEC, JobContext.none());
    assertThat(second.extracted()).isEqualTo(12);
    assertThat(second.decoded()).isZero();
    assertThat(second.cacheHits()).isEqualTo(12);
    assertThat(decoder.calls.get()).isEqualTo(12); // no new decodes
  }

  @Test
  void brokenFilesAreCollectedAndTheRestIsExtracted() throws IOException {
    List<Path> files = new ArrayList<>(dataset(4));
    Path text = tmp.resolve("data/notes.wav");
    Files.writeString(text, "not audio");
    Path missing = tmp.resolve("data/gone.wav");
    files.add(1, text);
    files.add(missing);
    DatasetFeatures.Result r =
        new DatasetFeatures(new FeatureCache(tmp.resolve("cache")), new Counting(0), 1)
            .extract(files, SPEC, JobContext.none());
    assertThat(r.extracted()).isEqualTo(4);
    assertThat(r.failures())
        .extracting(DatasetFeatures.Failure::file)
        .containsExactly(missing, text);
    assertThat(r.failures().get(1).reason()).contains("notes.wav").contains("not an audio file");
    assertThat(r.failures().get(0).reason()).contains("gone.wav");
  }

  @Test
  void cancellingStopsEarly() throws IOException {
    List<Path> files = dataset(40);
    Counting decoder = new Counting(5);
    AtomicInteger reports = new AtomicInteger();
    JobContext ctx =
        new JobContext() {
          @Override
          public void progress(long done, long total, String message) {
            reports.incrementAndGet();
          }

          @Override
          public boolean isCancelled() {
            return reports.get() >= 3;
          }
        };
    assertThatThrownBy(
            () ->
                new DatasetFeatures(new FeatureCache(tmp.resolve("cache")), decoder, 2)
                    .extract(files, SPEC, ctx))
        .isInstanceOf(CancelledException.class);
    assertThat(decoder.calls.get()).isBetween(3, 6); // at most one more file per thread
  }
}
