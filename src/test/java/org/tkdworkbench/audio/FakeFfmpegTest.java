package org.tkdworkbench.audio;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.DECODER_FAILED;
import static org.tkdworkbench.audio.BrokenFileTest.assertRefusedByDecode;
import static org.tkdworkbench.audio.TestAudio.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the decoder copes with an ffmpeg that hangs or fails, using shell scripts in its place. These
 * need no real ffmpeg, so unlike {@link FfmpegDecodingTest} they run on every Unix machine.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class FakeFfmpegTest {
  @TempDir Path dir;

  @Test
  void aHangingFfmpegIsStoppedAtTheTimeout() throws Exception {
    Path fakeFfmpeg = script("ffmpeg", "sleep 120; echo never");
    Path fakeProbe = script("ffprobe", fakeProbeOutput());
    AudioDecoder decoder =
        new AudioDecoder(Optional.of(fakeFfmpeg), Optional.of(fakeProbe), Duration.ofSeconds(1));
    Path flac = write(dir, "x.flac", new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 0});

    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () ->
            assertRefusedByDecode(
                decoder, flac, DECODER_FAILED, "ffmpeg did not finish within 1 s"));
  }

  @Test
  void aFailingFfmpegReportsItsFirstErrorLine() throws Exception {
    Path fakeFfmpeg =
        script("ffmpeg", "echo >&2; echo 'Decoding went wrong' >&2; echo 'more' >&2; exit 3");
    Path fakeProbe = script("ffprobe", fakeProbeOutput());
    AudioDecoder decoder =
        new AudioDecoder(Optional.of(fakeFfmpeg), Optional.of(fakeProbe), Duration.ofSeconds(30));
    Path flac = write(dir, "x.flac", new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 0});

    assertRefusedByDecode(
        decoder, flac, DECODER_FAILED, "ffmpeg exited with code 3: Decoding went wrong");
  }

  private static String fakeProbeOutput() {
    return "echo 'streams.stream.0.codec_name=\"flac\"'; echo"
        + " 'streams.stream.0.sample_rate=\"16000\"'; echo 'streams.stream.0.channels=1'";
  }

  private Path script(String name, String body) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
