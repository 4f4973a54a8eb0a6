package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAV files checked by Java Sound (an independent reader), by bytes, and by our decoder. */
class WavWriterTest {
  @TempDir Path tmp;

  private static float[] sine(int n, double hz, double amp, int rate) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return x;
  }

  @Test
  void pcm16IsReadByJavaSoundWithTheSamplesRoundedToTheNearestCode()
      throws IOException, UnsupportedAudioFileException {
    float[] x = sine(1000, 440, 0.7, 16000);
    Path f = tmp.resolve("a.wav");
    WavWriter.Written w = WavWriter.write(f, x, 16000, WavWriter.Encoding.PCM_16);
    assertThat(w).isEqualTo(new WavWriter.Written(1000, 0));
    assertThat(Files.size(f)).isEqualTo(44 + 2000);
    try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
      AudioFormat fmt = in.getFormat();
      assertThat(fmt.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
      assertThat(fmt.getSampleRate()).isEqualTo(16000f);
      assertThat(fmt.getChannels()).isEqualTo(1);
      assertThat(fmt.getSampleSizeInBits()).isEqualTo(16);
      assertThat(in.getFrameLength()).isEqualTo(1000);
      ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < x.length; i++) {
        short code = b.getShort();
        assertThat((double) code)
            .isCloseTo(x[i] * 32768.0, org.assertj.core.data.Offset.offset(0.5));
      }
    }
  }

  @Test
  void overloadIsClampedAndCountedNeverWrapped() throws IOException {
    float[] x = {1.5f, -1.5f, 1.0f, -1.0f, 0.999f, 32767f / 32768f};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WavWriter.Written w = WavWriter.write(out, x, 8000, WavWriter.Encoding.PCM_16);
    // 1.0 → 32768 does not fit either: clamped to 32767, counted. -1.0 → -32768 fits.
    assertThat(w.clipped()).isEqualTo(3);
    assertThat(WavWriter.clippedPcm16(x)).isEqualTo(3);
    ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    b.position(44);
    assertThat(b.getShort()).isEqualTo((short) 32767);
    assertThat(b.getShort()).isEqualTo((short) -32768);
    assertThat(b.getShort()).isEqualTo((short) 32767);
    assertThat(b.getShort()).isEqualTo((short) -32768);
    assertThat(b.getShort()).isEqualTo((short) Math.rint(0.999f * 32768.0));
    assertThat(b.getShort()).isEqualTo((short) 32767);
  }

  @Test
  void roundingIsSymmetricAroundZero() throws IOException {
    float half = 0.5f / 32768f;
    float oneAndHalf = 1.5f / 32768f;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WavWriter.write(
        out, new float[] {half, -half, oneAndHalf, -oneAndHalf}, 8000, WavWriter.Encoding.PCM_16);
    ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    b.position(44);
    assertThat(new short[] {b.getShort(), b.getShort(), b.getShort(), b.getShort()})
        .containsExactly((short) 0, (short) 0, (short) 2, (short) -2); // half to even
  }

  @Test
  void headerBytesAreTheCanonical44ByteRiffHeader() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WavWriter.write(out, new float[3], 22050, WavWriter.Encoding.PCM_16);
    ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(out.size()).isEqualTo(50);
    assertThat(new String(out.toByteArray(), 0, 4, "US-ASCII")).isEqualTo("RIFF");
    assertThat(b.getInt(4)).isEqualTo(42);
    assertThat(new String(out.toByteArray(), 8, 8, "US-ASCII")).isEqualTo("WAVEfmt ");
    assertThat(b.getInt(16)).isEqualTo(16);
    assertThat(b.getShort(20)).isEqualTo((short) 1);
    assertThat(b.getShort(22)).isEqualTo((short) 1);
    assertThat(b.getInt(24)).isEqualTo(22050);
    assertThat(b.getInt(28)).isEqualTo(44100);
    assertThat(b.getShort(32)).isEqualTo((short) 2);
    assertThat(b.getShort(34)).isEqualTo((short) 16);
    assertThat(new String(out.toByteArray(), 36, 4, "US-ASCII")).isEqualTo("data");
    assertThat(b.getInt(40)).isEqualTo(6);
  }

  @Test
  void float32KeepsSamplesExactlyIncludingBeyondFullScale() throws Exception {
    float[] x = {0.25f, -1.75f, 3.0e-6f, 1.0f};
    Path f = tmp.resolve("f.wav");
    WavWriter.Written w = WavWriter.write(f, x, 48000, WavWriter.Encoding.FLOAT_32);
    assertThat(w.clipped()).isZero();
    try (AudioInputStream in = AudioSystem.getAudioInputStream(f.toFile())) {
      assertThat(in.getFormat().getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_FLOAT);
      ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      for (float v : x) {
        assertThat(b.getFloat()).isEqualTo(v);
      }
    }
    AudioClip back = new AudioDecoder(Optional.empty()).decode(f, 48000);
    assertThat(back.samples()).containsExactly(x);
  }

  @Test
  void ourDecoderReadsBackWithinHalfAStep() throws Exception {
    float[] x = sine(4000, 1234.5, 0.9, 16000);
    Path f = tmp.resolve("b.wav");
    WavWriter.write(f, x, 16000, WavWriter.Encoding.PCM_16);
    float[] back = new AudioDecoder(Optional.empty()).decode(f, 16000).samples();
    assertThat(back).hasSize(x.length);
    for (int i = 0; i < x.length; i++) {
      assertThat(Math.abs(back[i] - x[i])).isLessThanOrEqualTo(0.5f / 32768f + 1e-9f);
    }
  }

  @Test
  void nanIsRefused() {
    assertThatThrownBy(
            () ->
                WavWriter.write(
                    new ByteArrayOutputStream(),
                    new float[] {0f, Float.NaN},
                    8000,
                    WavWriter.Encoding.PCM_16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample 1");
  }
}
