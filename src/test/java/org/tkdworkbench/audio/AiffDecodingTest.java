package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tkdworkbench.audio.TestAudio.intSamples;
import static org.tkdworkbench.audio.TestAudio.write;
import static org.tkdworkbench.audio.WavDecodingTest.assertMatches;
import static org.tkdworkbench.audio.WavDecodingTest.step;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AiffDecodingTest {
  private static final int RATE = 16000;
  private static final int FRAMES = 1600;

  @TempDir Path dir;

  private final AudioDecoder decoder = new AudioDecoder(Optional.empty());

  @ParameterizedTest(name = "{0}-bit AIFF, {1} channel(s)")
  @CsvSource({"8,1", "16,1", "24,1", "32,1", "8,2", "16,2", "24,6", "32,2", "12,1", "20,2"})
  void integerAiffMatchesTheAnalyticSignalAndItsChannelMean(int bits, int channels)
      throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    Path file = write(dir, "a.aiff", TestAudio.aiff(RATE, channels, bits, FRAMES, s));

    AudioClip clip = decoder.decode(file, RATE);

    assertMatches(clip.samples(), s, channels, step(bits));
    assertThat(clip.source())
        .isEqualTo(new SourceFormat("AIFF", "PCM_SIGNED", RATE, channels, bits, FRAMES));
  }

  @ParameterizedTest(name = "AIFF-C ''{0}''")
  @CsvSource({"sowt,16", "fl32,32", "NONE,16"})
  void aiffCompressionTypesJavaSoundRefusesAreRead(String compression, int bits) throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(RATE);
    Path file = write(dir, "c.aifc", TestAudio.aifc(compression, RATE, 2, FRAMES, s));

    AudioClip clip = decoder.decode(file, RATE);

    assertMatches(clip.samples(), s, 2, compression.equals("fl32") ? 1e-6 : step(16));
    assertThat(clip.source().container()).isEqualTo("AIFF-C");
    assertThat(clip.source().bitsPerSample()).isEqualTo(bits);
  }

  @ParameterizedTest(name = "AIFF written by Java Sound: {0} bits at {1} Hz")
  @CsvSource({"8,22050", "16,44100", "24,11025", "32,8000", "16,48000"})
  void anAiffWrittenByJavaSoundHasItsRateAndSamples(int bits, int rate) throws Exception {
    TestAudio.Signal s = TestAudio.perChannel(rate);
    byte[] pcm = intSamples(s, 2, FRAMES, bits, bits / 8, ByteOrder.BIG_ENDIAN, false);
    AudioFormat format = new AudioFormat(rate, bits, 2, true, true);
    Path file = dir.resolve("js.aiff");
    AudioSystem.write(
        new AudioInputStream(new ByteArrayInputStream(pcm), format, FRAMES),
        AudioFileFormat.Type.AIFF,
        file.toFile());

    AudioClip clip = decoder.decode(file, rate);

    assertMatches(clip.samples(), s, 2, step(bits));
    assertThat(decoder.probe(file))
        .isEqualTo(new SourceFormat("AIFF", "PCM_SIGNED", rate, 2, bits, FRAMES));
  }

  @ParameterizedTest(name = "80-bit extended {0} = {1} Hz")
  @CsvSource({
    "400EAC44000000000000, 44100",
    "400BFA00000000000000, 8000",
    "400DAC44000000000000, 22050",
    "400CFA00000000000000, 16000",
    "4000C000000000000000, 3",
    "3FFEC000000000000000, 0.75",
    "400EAC44100000000000, 44100.0625"
  })
  void extendedFloatRatesAreParsed(String hex, double rate) {
    ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    assertThat(AiffHeaderReader.extended(b, 0)).isEqualTo(rate);
  }

  @Test
  void aNonIntegerRateIsKept() throws Exception {
    TestAudio.Signal s = TestAudio.sine(440, 0.5, RATE);
    byte[] bytes = TestAudio.aiff(RATE, 1, 16, FRAMES, s);
    // COMM's body starts at 20, its rate at 28, the mantissa at 30 with 2^13 as bit 63:
    // 2^-4 is bit 46, bit 6 of the mantissa's third byte.
    bytes[32] = 0x40;
    Path file = write(dir, "frac.aiff", bytes);

    assertThat(decoder.probe(file).sampleRate()).isEqualTo(16000.0625f);
  }
}
