package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tkdworkbench.audio.TestAudio.chunk;
import static org.tkdworkbench.audio.TestAudio.fmt;
import static org.tkdworkbench.audio.TestAudio.riff;
import static org.tkdworkbench.audio.TestAudio.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of heap is a typed TOO_LONG refusal, not an OutOfMemoryError thrown at the caller.
 * Each case decodes in a separate JVM whose heap (16 MB) is smaller than one array the decode
 * needs, so the failure is certain without filling this JVM's heap.
 */
class OutOfMemoryTest {
  private static final String HEAP = "-Xmx16m";

  @TempDir Path dir;

  /**
   * Decodes {@code args[0]} at {@code args[1]} Hz, with ffmpeg and ffprobe from {@code args[2..3]}
   * if given, and prints how it ended. An OutOfMemoryError escapes, so the JVM exits with 1.
   */
  public static void main(String[] args) throws Exception {
    Optional<Path> ffmpeg = args.length > 3 ? Optional.of(Path.of(args[2])) : Optional.empty();
    Optional<Path> ffprobe = args.length > 3 ? Optional.of(Path.of(args[3])) : Optional.empty();
    AudioDecoder decoder = new AudioDecoder(ffmpeg, ffprobe, Duration.ofSeconds(30));
    try {
      AudioClip clip = decoder.decode(Path.of(args[0]), Integer.parseInt(args[1]));
      System.out.println("DECODED " + clip.samples().length);
    } catch (AudioDecodeException e) {
      System.out.println("REFUSED " + e.reason() + " " + e.getMessage());
    }
  }

  private record Run(int exitCode, String out) {}

  private static Run decodeInSmallHeap(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-cp",
                System.getProperty("java.class.path"),
                OutOfMemoryTest.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  @Test
  void theResamplersBuffersNotFittingIsTooLong() throws Exception {
    // 8 kHz to 1024 times that: a 1024-sample clip, but the resampler's output buffer is
    // 4096 · 1024 floats (16.8 MB), allocated inside TarsosDSP.
    byte[] wav = riff(chunk("fmt ", fmt(1, 1, 8000, 2, 16)), chunk("data", new byte[] {0, 64}));
    Path file = write(dir, "upsample.wav", wav);

    Run r = decodeInSmallHeap(file.toString(), Integer.toString(8000 * 1024));

    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(r.out())
        .startsWith("REFUSED TOO_LONG " + file + ": audio is too long to decode into memory")
        .contains("not enough memory for 1024 samples")
        .contains("raise -Xmx");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void ffmpegOutputNotFittingIsTooLong() throws Exception {
    // The probe says an hour at 16 kHz, so the first buffer is sized at its cap, 2^22 floats
    // (16.8 MB): more than the whole heap.
    Path ffprobe =
        script(
            "ffprobe",
            "echo 'streams.stream.0.codec_name=\"flac\"'; echo"
                + " 'streams.stream.0.sample_rate=16000'; echo 'streams.stream.0.channels=1'; echo"
                + " 'streams.stream.0.duration=3600'");
    Path ffmpeg = script("ffmpeg", "head -c 4000 /dev/zero");
    Path flac = write(dir, "long.flac", new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 0});

    Run r = decodeInSmallHeap(flac.toString(), "16000", ffmpeg.toString(), ffprobe.toString());

    assertThat(r.exitCode()).as(r.out()).isZero();
    assertThat(r.out())
        .startsWith("REFUSED TOO_LONG " + flac)
        .contains("not enough memory for 4194304 samples")
        .contains("raise -Xmx");
  }

  private Path script(String name, String body) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
