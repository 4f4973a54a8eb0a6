package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tkdworkbench.audio.TestAudio.chunk;
import static org.tkdworkbench.audio.TestAudio.fmt;
import static org.tkdworkbench.audio.TestAudio.intSamples;
import static org.tkdworkbench.audio.TestAudio.le;
import static org.tkdworkbench.audio.TestAudio.mix;
import static org.tkdworkbench.audio.TestAudio.riff;
import static org.tkdworkbench.audio.TestAudio.sine;
import static org.tkdworkbench.audio.TestAudio.write;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavDecodingTest {
  private static final int RATE = 16000;
  private static final int FRAMES = 1600;

  @TempDir Path dir;

  private final AudioDecoder decoder = new AudioDecoder(Optional.empty());

  /** Every decoded sample equals the analytic mix to within half a quantisation step. */
  static void assertMatches(float[] decoded, TestAudio.Signal s, int channels, double tolerance) {
    assertThat(decoded).hasSize(FRAMES);
    for (int i = 0; i < FRAMES; i++) {
      assertThat((double) decoded[i])
          .as("sample %d", i)
          .isCloseTo(mix(s, channels, i), within(tolerance));
    }
  }

  /** Half a step of a {@code bits}-bit integer, plus float rounding. */
  static double step(int bits) {
    return 0.5 / Math.pow(2, bits - 1) + 1e-6;
  }

  @ParameterizedTest(name = "{0}-bit integer WAV, {1} channel(s)")
  @CsvSource({"8,1", "16,1", "24,1", "32,1", "8,2", "16,2", "24,2", "32,2", "16,6", "24,6"})
  void integerPcmMatchesTheAnalyticSignalAndItsChannelMean(int bits, int channels)
      throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    Path file = write(dir, "pcm.wav", TestAudio.wavPcm(RATE, channels, bits, FRAMES, s));

    AudioClip clip = decoder.decode(file, RATE);

    assertMatches(clip.samples(), s, channels, step(bits));
    assertThat(clip.sampleRate()).isEqualTo(RATE);
    assertThat(clip.source())
        .isEqualTo(
            new SourceFormat(
                "WAVE", bits == 8 ? "PCM_UNSIGNED" : "PCM_SIGNED", RATE, channels, bits, FRAMES));
  }

  @ParameterizedTest(name = "{0}-bit float WAV, {1} channel(s)")
  @CsvSource({"32,1", "32,2", "64,1", "64,6"})
  void ieeeFloatWavIsReadExactly(int bits, int channels) throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    Path file = write(dir, "float.wav", TestAudio.wavFloat(RATE, channels, bits, FRAMES, s));

    AudioClip clip = decoder.decode(file, RATE);

    assertMatches(clip.samples(), s, channels, 1e-6);
    assertThat(clip.source().encoding()).isEqualTo("PCM_FLOAT");
    assertThat(clip.source().bitsPerSample()).isEqualTo(bits);
  }

  @Test
  void floatSamplesAboveFullScaleAreKeptNotClipped() throws Exception {
    TestAudio.Signal loud = (c, i) -> 1.5;
    AudioClip clip =
        decoder.decode(write(dir, "loud.wav", TestAudio.wavFloat(RATE, 1, 32, FRAMES, loud)), RATE);
    assertThat(clip.samples()[10]).isEqualTo(1.5f);
  }

  @ParameterizedTest(name = "WAVE_FORMAT_EXTENSIBLE {1} valid bits in {0}, float={2}, {3} ch")
  @CsvSource({"24,24,false,6", "24,20,false,2", "32,24,false,1", "16,16,false,2", "32,32,true,6"})
  void waveFormatExtensibleIsRead(int container, int valid, boolean isFloat, int channels)
      throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    Path file =
        write(
            dir,
            "ext.wav",
            TestAudio.wavExtensible(RATE, channels, container, valid, isFloat, FRAMES, s));

    AudioClip clip = decoder.decode(file, RATE);

    assertMatches(clip.samples(), s, channels, isFloat ? 1e-6 : step(valid));
    assertThat(clip.source().channels()).isEqualTo(channels);
    assertThat(clip.source().bitsPerSample()).isEqualTo(valid);
  }

  @Test
  void mostNegativeCodeIsMinusOneAndUnsignedMidpointIsSilence() throws Exception {
    byte[] data = {(byte) 0x00, (byte) 0x80, (byte) 0xFF, (byte) 0x7F};
    Path s16 =
        write(dir, "s16.wav", riff(chunk("fmt ", fmt(1, 1, RATE, 2, 16)), chunk("data", data)));
    assertThat(decoder.decode(s16, RATE).samples()).containsExactly(-1f, 32767f / 32768f);

    byte[] u8 = {0, (byte) 128, (byte) 255};
    Path w8 = write(dir, "u8.wav", riff(chunk("fmt ", fmt(1, 1, RATE, 1, 8)), chunk("data", u8)));
    assertThat(decoder.decode(w8, RATE).samples()).containsExactly(-1f, 0f, 127f / 128f);
  }

  @Test
  void stereoMixdownAveragesTheChannels() throws Exception {
    TestAudio.Signal s = (c, i) -> c == 0 ? 0.5 : -0.25;
    Path file = write(dir, "st.wav", TestAudio.wavPcm(RATE, 2, 16, FRAMES, s));
    float[] mono = decoder.decode(file, RATE).samples();
    assertThat(mono[0]).isCloseTo(0.125f, within(1e-4f));
    assertThat(mono[FRAMES - 1]).isCloseTo(0.125f, within(1e-4f));
  }

  @Test
  void bigEndianRifxIsRead() throws Exception {
    TestAudio.Signal s = sine(440, 0.5, RATE);
    ByteBuffer fmt =
        ByteBuffer.allocate(16)
            .putShort((short) 1)
            .putShort((short) 1)
            .putInt(RATE)
            .putInt(RATE * 2)
            .putShort((short) 2)
            .putShort((short) 16);
    byte[] data = intSamples(s, 1, FRAMES, 16, 2, ByteOrder.BIG_ENDIAN, false);
    byte[] bytes =
        ByteBuffer.allocate(12 + 8 + 16 + 8 + data.length)
            .put("RIFX".getBytes())
            .putInt(4 + 24 + 8 + data.length)
            .put("WAVE".getBytes())
            .put("fmt ".getBytes())
            .putInt(16)
            .put(fmt.array())
            .put("data".getBytes())
            .putInt(data.length)
            .put(data)
            .array();
    assertMatches(decoder.decode(write(dir, "rifx.wav", bytes), RATE).samples(), s, 1, step(16));
  }

  @ParameterizedTest(name = "streamed WAV with data size {0}")
  @CsvSource({"-1", "0"})
  void streamedDataSizeMeansToTheEndOfTheFile(int declared) throws Exception {
    TestAudio.Signal s = sine(440, 0.5, RATE);
    byte[] data = intSamples(s, 1, FRAMES, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
    byte[] bytes =
        riff(chunk("fmt ", fmt(1, 1, RATE, 2, 16)), chunk("data", declared & 0xFFFFFFFFL, data));
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, declared); // RIFF size too
    Path file = write(dir, "stream.wav", bytes);

    assertMatches(decoder.decode(file, RATE).samples(), s, 1, step(16));
    assertThat(decoder.probe(file).frames()).isEqualTo(FRAMES);
  }

  @Test
  void rf64TakesTheDataSizeFromItsDs64Chunk() throws Exception {
    TestAudio.Signal s = sine(440, 0.5, RATE);
    byte[] data = intSamples(s, 1, FRAMES, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
    byte[] ds64 =
        le(28).putLong(0xFFFFFFFFL).putLong(data.length).putLong(FRAMES).putInt(0).array();
    byte[] bytes =
        riff(
            chunk("ds64", ds64),
            chunk("fmt ", fmt(1, 1, RATE, 2, 16)),
            chunk("data", 0xFFFFFFFFL, data));
    System.arraycopy("RF64".getBytes(), 0, bytes, 0, 4);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1);
    Path file = write(dir, "rf64.wav", bytes);

    assertMatches(decoder.decode(file, RATE).samples(), s, 1, step(16));
    // The 64-bit size is the promise: cut the file and it is truncated, not streamed.
    Path cut = write(dir, "rf64-cut.wav", Arrays.copyOf(bytes, bytes.length - 200));
    BrokenFileTest.assertRefused(
        decoder,
        cut,
        AudioDecodeException.Reason.TRUNCATED,
        "header promises 1600 frames, file holds 1500");
  }

  @Test
  void chunksAfterTheDataAreIgnored() throws Exception {
    TestAudio.Signal s = sine(440, 0.5, RATE);
    byte[] data = intSamples(s, 1, FRAMES, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
    byte[] list = chunk("LIST", "INFOISFT\u0005\0\0\0test\0".getBytes());
    Path file =
        write(
            dir,
            "list.wav",
            riff(chunk("fmt ", fmt(1, 1, RATE, 2, 16)), chunk("data", data), list));
    assertMatches(decoder.decode(file, RATE).samples(), s, 1, step(16));
  }

  @Test
  void fmtAfterDataAndOddChunksWithoutPadByteAreFound() throws Exception {
    TestAudio.Signal s = sine(440, 0.5, RATE);
    byte[] data = intSamples(s, 1, FRAMES, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
    byte[] oddNoPad = new byte[8 + 3];
    le(8).put("junk".getBytes()).putInt(3).flip().get(oddNoPad, 0, 8);
    Path late =
        write(dir, "late.wav", riff(chunk("data", data), chunk("fmt ", fmt(1, 1, RATE, 2, 16))));
    Path unpadded =
        write(
            dir,
            "nopad.wav",
            riff(oddNoPad, chunk("fmt ", fmt(1, 1, RATE, 2, 16)), chunk("data", data)));

    assertMatches(decoder.decode(late, RATE).samples(), s, 1, step(16));
    assertMatches(decoder.decode(unpadded, RATE).samples(), s, 1, step(16));
  }

  @Test
  void aTrailingPartialFrameIsDropped() throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    byte[] data = intSamples(s, 2, FRAMES, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
    byte[] odd = Arrays.copyOf(data, data.length + 3);
    Path file =
        write(dir, "partial.wav", riff(chunk("fmt ", fmt(1, 2, RATE, 4, 16)), chunk("data", odd)));
    assertMatches(decoder.decode(file, RATE).samples(), s, 2, step(16));
  }

  @Test
  void wrongBlockAlignIsRecomputedFromTheBitDepth() throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    byte[] data = intSamples(s, 2, FRAMES, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
    Path file =
        write(dir, "align.wav", riff(chunk("fmt ", fmt(1, 2, RATE, 2, 16)), chunk("data", data)));
    assertMatches(decoder.decode(file, RATE).samples(), s, 2, step(16));
  }

  @ParameterizedTest(name = "{0}-bit, {1} channel(s), block align {2}")
  @CsvSource({"16,1,4", "16,2,8", "16,2,6", "8,1,2", "8,2,6"})
  void aBlockAlignTooLargeForTheBitDepthIsNotTrusted(int bits, int channels, int blockAlign)
      throws Exception {
    // The samples are packed at the bit depth; only the block align is wrong. Trusting it would
    // read them as wider samples at a fraction of the length.
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    byte[] data =
        intSamples(s, channels, FRAMES, bits, bits / 8, ByteOrder.LITTLE_ENDIAN, bits == 8);
    Path file =
        write(
            dir,
            "wide-align.wav",
            riff(chunk("fmt ", fmt(1, channels, RATE, blockAlign, bits)), chunk("data", data)));

    AudioClip clip = decoder.decode(file, RATE);

    assertMatches(clip.samples(), s, channels, step(bits));
    assertThat(clip.source().bitsPerSample()).isEqualTo(bits);
  }

  @Test
  void twentyFourBitSamplesInFourByteContainersAreRead() throws Exception {
    // Some writers store 24-bit PCM left-justified in 32-bit containers and say so consistently:
    // block align 4 per channel, byte rate = rate · block align.
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    byte[] data = intSamples(s, 2, FRAMES, 24, 4, ByteOrder.LITTLE_ENDIAN, false);
    Path file =
        write(dir, "24in32.wav", riff(chunk("fmt ", fmt(1, 2, RATE, 8, 24)), chunk("data", data)));

    AudioClip clip = decoder.decode(file, RATE);

    assertMatches(clip.samples(), s, 2, step(24));
    assertThat(clip.source().bitsPerSample()).isEqualTo(24);
  }

  @Test
  void muLawAndALawWrittenByJavaSoundDecodeToTheSine() throws Exception {
    TestAudio.Signal s = sine(440, 0.5, RATE);
    byte[] pcm = intSamples(s, 1, FRAMES, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
    AudioFormat pcmFormat = new AudioFormat(RATE, 16, 1, true, false);
    for (AudioFormat.Encoding encoding :
        new AudioFormat.Encoding[] {AudioFormat.Encoding.ULAW, AudioFormat.Encoding.ALAW}) {
      AudioInputStream linear =
          new AudioInputStream(new ByteArrayInputStream(pcm), pcmFormat, FRAMES);
      AudioInputStream coded = AudioSystem.getAudioInputStream(encoding, linear);
      Path file = dir.resolve(encoding + ".wav");
      AudioSystem.write(coded, AudioFileFormat.Type.WAVE, file.toFile());

      AudioClip clip = decoder.decode(file, RATE);

      // G.711 keeps ~2 significant bits of mantissa per segment: a 0.5 sine stays within 2 %.
      assertMatches(clip.samples(), s, 1, 0.02);
      assertThat(clip.source().encoding()).isEqualTo(encoding.toString());
    }
  }

  @Test
  void g711TablesAgreeWithJavaSoundForEveryCode() throws Exception {
    byte[] codes = new byte[256];
    for (int i = 0; i < 256; i++) {
      codes[i] = (byte) i;
    }
    for (AudioFormat.Encoding encoding :
        new AudioFormat.Encoding[] {AudioFormat.Encoding.ULAW, AudioFormat.Encoding.ALAW}) {
      AudioFormat coded = new AudioFormat(encoding, 8000, 8, 1, 1, 8000, false);
      AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(codes), coded, 256);
      AudioFormat linear = new AudioFormat(8000, 16, 1, true, false);
      byte[] pcm = AudioSystem.getAudioInputStream(linear, in).readAllBytes();
      float[] table = encoding == AudioFormat.Encoding.ULAW ? G711.ulaw() : G711.alaw();
      ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
      for (int code = 0; code < 256; code++) {
        assertThat(table[code] * 32768f)
            .as("%s code %d", encoding, code)
            .isEqualTo(b.getShort(2 * code));
      }
    }
  }

  @Test
  void aWavWrittenByJavaSoundDecodesToWhatWasWritten() throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(22050);
    byte[] pcm = intSamples(s, 2, FRAMES, 16, 2, ByteOrder.LITTLE_ENDIAN, false);
    AudioFormat format = new AudioFormat(22050, 16, 2, true, false);
    Path file = dir.resolve("js.wav");
    AudioSystem.write(
        new AudioInputStream(new ByteArrayInputStream(pcm), format, FRAMES),
        AudioFileFormat.Type.WAVE,
        file.toFile());

    AudioClip clip = decoder.decode(file, 22050);

    assertMatches(clip.samples(), s, 2, step(16));
    assertThat(decoder.probe(file))
        .isEqualTo(new SourceFormat("WAVE", "PCM_SIGNED", 22050, 2, 16, FRAMES));
  }

  @Test
  void probeReportsTheHeaderWithoutDecoding() throws Exception {
    Path file =
        write(dir, "p.wav", TestAudio.wavPcm(44100, 2, 24, 44100, TestAudio.perChannel(44100)));
    SourceFormat format = decoder.probe(file);
    assertThat(format).isEqualTo(new SourceFormat("WAVE", "PCM_SIGNED", 44100, 2, 24, 44100));
    assertThat(format.durationSeconds()).isEqualTo(1.0);
  }
}
