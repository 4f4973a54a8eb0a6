package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random and mutated files never make decode or probe throw anything but {@link
 * AudioDecodeException}, never hit the "internal error" safety net, never hang, and never give a
 * clip with NaN in it.
 */
class GarbageInputTest {
  private static final int SEED = 20240611;

  @TempDir Path dir;

  private final Map<AudioDecodeException.Reason, Integer> seen =
      new EnumMap<>(AudioDecodeException.Reason.class);

  @Test
  void randomBytesAreRefusedWithTypedErrorsOnly() {
    AudioDecoder decoder = new AudioDecoder(Optional.empty());
    Random random = new Random(SEED);
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] bytes = new byte[size(random)];
      random.nextBytes(bytes);
      switch (i % 4) {
        case 1 -> stamp(bytes, "RIFF", 0, "WAVEfmt ", 8);
        case 2 -> stamp(bytes, "FORM", 0, i % 8 == 2 ? "AIFFCOMM" : "AIFCFVER", 8);
        case 3 -> {
          // A plausible fmt chunk, then random everything.
          stamp(bytes, "RIFF", 0, "WAVEfmt ", 8);
          if (bytes.length >= 36) {
            ByteBuffer.wrap(bytes)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(16, 16)
                .putShort(20, (short) 1);
          }
        }
        default -> {}
      }
      inputs.add(bytes);
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          for (int i = 0; i < inputs.size(); i++) {
            check(decoder, Files.write(dir.resolve("garbage" + i + ".wav"), inputs.get(i)));
          }
        });
    assertThat(seen)
        .containsKeys(AudioDecodeException.Reason.NOT_AUDIO, AudioDecodeException.Reason.TRUNCATED);
  }

  @Test
  void mutatedValidFilesAreDecodedOrRefusedWithTypedErrorsOnly() {
    AudioDecoder decoder = new AudioDecoder(Optional.empty());
    Random random = new Random(SEED + 1);
    TestAudio.Signal s = TestAudio.perChannel(16000);
    List<byte[]> originals =
        List.of(
            TestAudio.wavPcm(16000, 2, 16, 400, s),
            TestAudio.wavPcm(8000, 1, 8, 400, s),
            TestAudio.wavFloat(22050, 1, 32, 300, s),
            TestAudio.wavExtensible(44100, 6, 24, 24, false, 200, s),
            TestAudio.aiff(16000, 2, 24, 300, s),
            TestAudio.aifc("sowt", 16000, 1, 300, s),
            TestAudio.aifc("fl32", 16000, 2, 300, s));
    List<byte[]> inputs = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      inputs.add(mutate(originals.get(i % originals.size()), random));
    }
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          for (int i = 0; i < inputs.size(); i++) {
            check(
                decoder,
                Files.write(
                    dir.resolve("mutant" + i + (i % 7 >= 4 ? ".aiff" : ".wav")), inputs.get(i)));
          }
        });
    assertThat(seen.keySet()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void garbageThroughTheRealFfmpegIsRefusedWithTypedErrorsOnly() {
    Optional<Path> ffmpeg = AudioDecoder.locateFfmpeg();
    assumeTrue(ffmpeg.isPresent(), "ffmpeg is not on the PATH");
    AudioDecoder decoder = new AudioDecoder(ffmpeg);
    Random random = new Random(SEED + 2);
    String[] heads = {"fLaC", "OggS", "ID3\u0003", "\u00ff\u00fb\u0090\u0064", "caff", "", ""};
    String[] names = {"x.flac", "x.ogg", "x.mp3", "x.mp3", "x.caf", "x.m4a", "x.bin"};
    assertTimeoutPreemptively(
        Duration.ofSeconds(180),
        () -> {
          for (int i = 0; i < 28; i++) {
            byte[] bytes = new byte[size(random)];
            random.nextBytes(bytes);
            byte[] head = heads[i % heads.length].getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(head, 0, bytes, 0, Math.min(head.length, bytes.length));
            Path sub = Files.createDirectories(dir.resolve("f" + i));
            check(decoder, Files.write(sub.resolve(names[i % names.length]), bytes));
          }
        });
  }

  private void check(AudioDecoder decoder, Path file) {
    try {
      AudioClip clip = decoder.decode(file, 16000);
      assertThat(clip.samples()).isNotEmpty();
      for (float x : clip.samples()) {
        assertThat(Float.isFinite(x)).as("finite sample in %s", file).isTrue();
      }
    } catch (AudioDecodeException e) {
      record(file, e);
    }
    try {
      assertThat(decoder.probe(file).channels()).isPositive();
    } catch (AudioDecodeException e) {
      record(file, e);
    }
  }

  private void record(Path file, AudioDecodeException e) {
    assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("internal error");
    assertThat(e.reason()).isNotNull();
    seen.merge(e.reason(), 1, Integer::sum);
  }

  private static int size(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextInt(16);
      case 1 -> random.nextInt(64);
      case 2 -> random.nextInt(1024);
      default -> random.nextInt(20_000);
    };
  }

  private static void stamp(byte[] bytes, String first, int at, String second, int at2) {
    byte[] a = first.getBytes(StandardCharsets.US_ASCII);
    byte[] b = second.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < a.length && at + i < bytes.length; i++) {
      bytes[at + i] = a[i];
    }
    for (int i = 0; i < b.length && at2 + i < bytes.length; i++) {
      bytes[at2 + i] = b[i];
    }
  }

  /** Flips header bytes, writes edge values into 2- and 4-byte fields, or truncates. */
  private static byte[] mutate(byte[] original, Random random) {
    byte[] b = original.clone();
    int header = Math.min(b.length, 80);
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int k = 1 + random.nextInt(6); k > 0; k--) {
          b[random.nextInt(header)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        int[] edges = {0, 1, -1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 2, 3, random.nextInt()};
        int at = random.nextInt(header - 4);
        ByteBuffer.wrap(b)
            .order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
            .putInt(at, edges[random.nextInt(edges.length)]);
      }
      case 2 -> {
        int[] edges = {0, 1, 0xFFFF, 0x8000, 3, 7, 64, random.nextInt(0x10000)};
        int at = random.nextInt(header - 2);
        ByteBuffer.wrap(b)
            .order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
            .putShort(at, (short) edges[random.nextInt(edges.length)]);
      }
      default -> b = Arrays.copyOf(b, random.nextInt(b.length));
    }
    return b;
  }
}
