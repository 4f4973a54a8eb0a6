package org.tkdworkbench.data.noisy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.jobs.JobContext;

/** The noise bank keeps lengths, not samples: a small cache gives the same excerpts. */
class NoiseBankTest {
  static final int RATE = 16000;

  @TempDir Path tmp;

  @Test
  void aSmallCacheHoldsAtMostItsBoundAndGivesTheSameExcerptsAsAnUnboundedOne() throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Path p = tmp.resolve("noise/n" + i + ".wav");
      // 2 s each except one short file that is looped.
      Fixtures.writeWav(p, Fixtures.white(i == 3 ? RATE / 4 : 2 * RATE, 0.1, i), RATE);
      files.add(p);
    }
    AudioDecoder decoder = new AudioDecoder(Optional.empty());
    long bound = 3L * RATE; // one and a half files
    NoiseBank small =
        NoiseBank.load(files, decoder, RATE, 2, JobContext.none(), 0, files.size(), bound);
    NoiseBank big =
        NoiseBank.load(files, decoder, RATE, 1, JobContext.none(), 0, files.size(), Long.MAX_VALUE);
    assertThat(small.noises()).hasSize(6);
    assertThat(small.noises().get(0).length()).isEqualTo(2 * RATE);
    assertThat(small.cachedSamples()).isLessThanOrEqualTo(bound);
    assertThat(big.cachedSamples()).isEqualTo(10L * RATE + RATE / 4);
    for (int k = 0; k < 60; k++) {
      NoiseBank.Excerpt a = small.draw(new ClipRandom(7, "clip" + k), RATE, RATE);
      NoiseBank.Excerpt b = big.draw(new ClipRandom(7, "clip" + k), RATE, RATE);
      assertThat(a.noise().name()).isEqualTo(b.noise().name());
      assertThat(a.start()).isEqualTo(b.start());
      assertThat(a.samples()).isEqualTo(b.samples());
      assertThat(small.cachedSamples()).isLessThanOrEqualTo(bound);
    }
  }
}
