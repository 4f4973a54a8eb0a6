package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plays through whatever Java Sound offers on this machine. Under surefire that is ALSA's null
 * device ({@code ALSA_CONFIG_PATH} points at {@code alsa-null.conf}), which must give a line; run
 * elsewhere without sound hardware, the honest outcome is "No audio output", checked as such, and
 * the playback tests are skipped rather than counted as passed.
 */
class AudioPlayerTest {
  private static final int RATE = 16000;
  private final AudioPlayer player = new AudioPlayer();

  @AfterEach
  void close() {
    player.close();
  }

  private static float[] tone(double seconds) {
    float[] s = new float[(int) (seconds * RATE)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / RATE));
    }
    return s;
  }

  private static boolean nullDeviceConfigured() {
    String conf = System.getenv("ALSA_CONFIG_PATH");
    return conf != null && conf.endsWith("alsa-null.conf");
  }

  /**
   * Starts playing; without an audio device, checks the "no output" message and skips the test (it
   * proved nothing about playback, so it must not count as passed).
   */
  private void startOrSkip(float[] clip, Runnable onFinished) {
    try {
      player.play(clip, RATE, onFinished);
    } catch (PlaybackUnavailableException e) {
      assertThat(nullDeviceConfigured())
          .as("the ALSA null device should offer a line, but: %s", e.getMessage())
          .isFalse();
      assertThat(e).hasMessageStartingWith("No audio output");
      assumeTrue(false, "no audio output on this machine: " + e.getMessage());
    }
  }

  @Test
  void playsInRealTimeWithAPositionThatAdvancesAndReportsTheEnd() throws Exception {
    CountDownLatch finished = new CountDownLatch(1);
    long t0 = System.nanoTime();
    startOrSkip(tone(0.5), finished::countDown);
    assertThat(player.isPlaying()).isTrue();
    Thread.sleep(200);
    assertThat(player.positionSeconds()).isBetween(0.05, 0.45);
    assertThat(finished.await(3, TimeUnit.SECONDS)).isTrue();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    assertThat(elapsed).as("paced to the clock, not swallowed at once").isGreaterThan(0.45);
    assertThat(player.isPlaying()).isFalse();
    assertThat(player.positionSeconds()).isZero();
  }

  @Test
  void stopSilencesAtOnceAndCallsBackOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(1);
    startOrSkip(
        tone(5),
        () -> {
          calls.incrementAndGet();
          finished.countDown();
        });
    Thread.sleep(100);
    long t0 = System.nanoTime();
    player.stop();
    assertThat(finished.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat((System.nanoTime() - t0) / 1e6).as("ms to stop").isLessThan(300);
    assertThat(player.isPlaying()).isFalse();
    Thread.sleep(50);
    assertThat(calls).hasValue(1);
  }

  @Test
  void playingAnotherClipEndsTheFirst() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    startOrSkip(tone(5), first::countDown);
    // The device has just given a line, so the second clip must get one too: a failure here is
    // a failure, not a reason to skip.
    player.play(tone(5), RATE, second::countDown);
    assertThat(first.await(1, TimeUnit.SECONDS)).isTrue();
    assertThat(player.isPlaying()).isTrue();
    assertThat(second.getCount()).as("the second clip is still playing").isEqualTo(1);
  }

  @Test
  void noDeviceBecomesAPlainMessage() {
    AudioPlayer none =
        new AudioPlayer(
            f -> {
              throw new IllegalArgumentException("No line matching interface SourceDataLine");
            });
    assertThatThrownBy(() -> none.play(tone(0.1), RATE, () -> {}))
        .isInstanceOf(PlaybackUnavailableException.class)
        .hasMessage(
            "No audio output: this computer offers no sound device for 16-bit mono PCM at 16000 Hz");
    AudioPlayer busy =
        new AudioPlayer(
            f -> {
              throw new LineUnavailableException("Device or resource busy");
            });
    assertThatThrownBy(() -> busy.play(tone(0.1), RATE, () -> {}))
        .hasMessageContaining("busy")
        .hasMessageStartingWith("No audio output");
    assertThat(none.isPlaying()).isFalse();
  }

  @Test
  void samplesBecomeClampedSixteenBitLittleEndian() {
    byte[] pcm = AudioPlayer.toPcm16(new float[] {0f, 1f, -1f, 2f, 0.5f});
    short[] v = new short[5];
    for (int i = 0; i < 5; i++) {
      v[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
    }
    assertThat(v).containsExactly((short) 0, (short) 32767, (short) -32767, (short) 32767,
        (short) 16384);
  }
}
