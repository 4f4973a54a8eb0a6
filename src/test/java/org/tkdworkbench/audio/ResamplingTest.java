package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tkdworkbench.audio.TestAudio.write;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplingTest {
  @TempDir Path dir;

  private final AudioDecoder decoder = new AudioDecoder(Optional.empty());

  @ParameterizedTest(name = "{0} Hz -> {1} Hz keeps a {2} Hz sine")
  @CsvSource({
    "44100, 16000, 1000",
    "8000, 16000, 1000",
    "48000, 16000, 3000",
    "22050, 16000, 440",
    "16000, 44100, 2500",
    "11025, 8000, 300"
  })
  void aSineKeepsItsFrequencyAndAmplitudeAndTheLengthIsExact(int from, int to, double frequency)
      throws Exception {
    int frames = from; // one second
    Path file =
        write(
            dir,
            "s.wav",
            TestAudio.wavFloat(from, 1, 32, frames, TestAudio.sine(frequency, 0.5, from)));

    AudioClip clip = decoder.decode(file, to);

    float[] out = clip.samples();
    assertThat(out).hasSize((int) Math.round(frames * (double) to / from));
    assertThat(clip.sampleRate()).isEqualTo(to);
    assertThat(clip.source().sampleRate()).isEqualTo(from);
    // Judge the middle, away from the zero-padded edges the filter sees.
    int start = out.length / 10;
    int end = out.length - start;
    assertThat(zeroCrossingFrequency(out, start, end, to))
        .isCloseTo(frequency, within(frequency * 0.001));
    assertThat(rms(out, start, end) * Math.sqrt(2)).isCloseTo(0.5, within(0.5 * 0.03));
  }

  @ParameterizedTest(name = "impulse at {2} of {0} Hz lands at round({2}*{1}/{0})")
  @CsvSource({
    "44100, 16000, 22050",
    "8000, 16000, 4000",
    "44100, 16000, 1000",
    "48000, 16000, 30001",
    "16000, 44100, 777",
    "22050, 16000, 5"
  })
  void anImpulseKeepsItsTime(int from, int to, int at) throws Exception {
    int frames = from;
    Path file =
        write(dir, "i.wav", TestAudio.wavFloat(from, 1, 32, frames, (c, i) -> i == at ? 0.9 : 0));

    float[] out = decoder.decode(file, to).samples();

    int peak = 0;
    for (int i = 0; i < out.length; i++) {
      if (Math.abs(out[i]) > Math.abs(out[peak])) {
        peak = i;
      }
    }
    assertThat(peak).isEqualTo((int) Math.round(at * (double) to / from));
  }

  @Test
  void downsamplingRemovesToneAboveTheNewNyquistInsteadOfAliasingIt() throws Exception {
    // 7 kHz at 44.1 kHz would alias to 1 kHz at 8 kHz without the resampler's low-pass.
    Path file =
        write(
            dir,
            "a.wav",
            TestAudio.wavFloat(44100, 1, 32, 44100, TestAudio.sine(7000, 0.5, 44100)));
    float[] out = decoder.decode(file, 8000).samples();
    assertThat(rms(out, 800, 7200)).isLessThan(0.01 * 0.5);
  }

  @Test
  void equalRatesSkipResamplingSoEvenNyquistContentIsUntouched() throws Exception {
    Path file =
        write(
            dir,
            "n.wav",
            TestAudio.wavFloat(16000, 1, 32, 1000, (c, i) -> i % 2 == 0 ? 0.5 : -0.5));
    float[] out = decoder.decode(file, 16000).samples();
    assertThat(out).hasSize(1000);
    for (int i = 0; i < out.length; i++) {
      assertThat(out[i]).isEqualTo(i % 2 == 0 ? 0.5f : -0.5f);
    }
  }

  @Test
  void theOutputLengthIsExactForAnyInputLength() {
    int[][] rates = {
      {44100, 16000}, {8000, 16000}, {22050, 16000}, {48000, 16000}, {16000, 44100}, {16000, 8000}
    };
    for (int[] r : rates) {
      for (int n : new int[] {1, 2, 3, 7, 100, 441, 999, 4096, 4097, 12345, 100_003}) {
        float[] in = new float[n];
        java.util.Arrays.fill(in, 0.25f);
        float[] out = new float[(int) Resampling.outputLength(n, r[0], r[1])];
        Resampling.resample(in, r[0], r[1], out);
        assertThat(out.length)
            .as("%d samples %d->%d", n, r[0], r[1])
            .isEqualTo(Math.round(n * (double) r[1] / r[0]));
        if (n >= 4096) {
          // Away from the edges a DC level is kept.
          assertThat(out[out.length / 2]).isCloseTo(0.25f, within(0.005f));
        }
      }
    }
  }

  @Test
  void extremeRatiosAreRefusedWithATypedError() throws Exception {
    Path file = write(dir, "slow.wav", TestAudio.wavPcm(8, 1, 16, 100, (c, i) -> 0.1));
    assertThat(decoder.probe(file).sampleRate()).isEqualTo(8f);
    BrokenFileTest.assertRefusedByDecode(
        decoder, file, AudioDecodeException.Reason.UNSUPPORTED_FORMAT, "ratio");
  }

  @Test
  void clipsBeyondOneJavaArrayAreTooLongNotACrash() {
    Path file = dir.resolve("endless.wav");
    AudioDecodeException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            AudioDecodeException.class, () -> Samples.allocate(file, Samples.MAX_SAMPLES + 1L));
    assertThat(e.reason()).isEqualTo(AudioDecodeException.Reason.TOO_LONG);
    assertThat(e.getMessage()).startsWith(file.toString());
  }

  static double rms(float[] x, int start, int end) {
    double sum = 0;
    for (int i = start; i < end; i++) {
      sum += x[i] * (double) x[i];
    }
    return Math.sqrt(sum / (end - start));
  }

  /** Frequency from the first and last upward zero crossings (linearly interpolated) in a range. */
  static double zeroCrossingFrequency(float[] x, int start, int end, double rate) {
    double first = -1;
    double last = -1;
    int cycles = -1;
    for (int i = start + 1; i < end; i++) {
      if (x[i - 1] < 0 && x[i] >= 0) {
        double t = (i - 1) + x[i - 1] / (x[i - 1] - x[i]);
        if (first < 0) {
          first = t;
        }
        last = t;
        cycles++;
      }
    }
    return cycles * rate / (last - first);
  }
}
