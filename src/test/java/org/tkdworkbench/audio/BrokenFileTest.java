package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.BAD_HEADER;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.EMPTY;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.INTERNAL_ERROR;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.INVALID_SAMPLES;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NOT_AUDIO;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NOT_FOUND;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NOT_READABLE;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NO_SAMPLES;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.TRUNCATED;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.UNSUPPORTED_ENCODING;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.UNSUPPORTED_FORMAT;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.ZERO_CHANNELS;
import static org.tkdworkbench.audio.TestAudio.beChunk;
import static org.tkdworkbench.audio.TestAudio.chunk;
import static org.tkdworkbench.audio.TestAudio.comm;
import static org.tkdworkbench.audio.TestAudio.fmt;
import static org.tkdworkbench.audio.TestAudio.form;
import static org.tkdworkbench.audio.TestAudio.riff;
import static org.tkdworkbench.audio.TestAudio.ssnd;
import static org.tkdworkbench.audio.TestAudio.write;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of unreadable file gets its own reason, from both decode and probe. */
class BrokenFileTest {
  private static final int RATE = 16000;

  @TempDir Path dir;

  private final AudioDecoder decoder = new AudioDecoder(Optional.empty());

  /**
   * decode fails with {@code reason}, a message that starts with the file and holds {@code detail}.
   */
  static AudioDecodeException assertRefusedByDecode(
      AudioDecoder decoder, Path file, AudioDecodeException.Reason reason, String detail) {
    AudioDecodeException e =
        catchThrowableOfType(AudioDecodeException.class, () -> decoder.decode(file, RATE));
    assertThat(e).as("decode(%s)", file.getFileName()).isNotNull();
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.getMessage())
        .startsWith(file.toString())
        .contains(reason.summary())
        .contains(detail);
    return e;
  }

  /** decode and probe both fail the same way. */
  static void assertRefused(
      AudioDecoder decoder, Path file, AudioDecodeException.Reason reason, String detail) {
    assertRefusedByDecode(decoder, file, reason, detail);
    AudioDecodeException e =
        catchThrowableOfType(AudioDecodeException.class, () -> decoder.probe(file));
    assertThat(e).as("probe(%s)", file.getFileName()).isNotNull();
    assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
    assertThat(e.getMessage()).startsWith(file.toString()).contains(detail);
  }

  private void refused(String name, byte[] bytes, AudioDecodeException.Reason reason, String detail)
      throws Exception {
    assertRefused(decoder, write(dir, name, bytes), reason, detail);
  }

  private static byte[] pcm16(int frames) {
    return TestAudio.intSamples(
        TestAudio.sine(440, 0.5, RATE), 1, frames, 16, 2, java.nio.ByteOrder.LITTLE_ENDIAN, false);
  }

  private static byte[] fmt16() {
    return chunk("fmt ", fmt(1, 1, RATE, 2, 16));
  }

  @Test
  void emptyFile() throws Exception {
    refused("empty.wav", new byte[0], EMPTY, "");
  }

  @Test
  void textNamedWav() throws Exception {
    byte[] text =
        "This is not a sound.\nJust some notes.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
    refused("notes.wav", text, NOT_AUDIO, "starts with bytes 54 68 69 73");
    refused("notes.txt", text, NOT_AUDIO, "not WAV, AIFF");
  }

  @Test
  void missingFileAndDirectory() throws Exception {
    assertRefused(decoder, dir.resolve("absent.wav"), NOT_FOUND, "");
    Path sub = Files.createDirectory(dir.resolve("folder.wav"));
    assertRefused(decoder, sub, NOT_READABLE, "directory");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aNamedPipeIsRefusedInsteadOfBlocking() throws Exception {
    Path fifo = dir.resolve("pipe.wav");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo available");
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> assertRefused(decoder, fifo, NOT_READABLE, "not a regular file"));
  }

  @Test
  void truncatedData() throws Exception {
    byte[] whole = riff(fmt16(), chunk("data", pcm16(800)));
    refused(
        "cut.wav",
        Arrays.copyOf(whole, whole.length - 600),
        TRUNCATED,
        "header promises 800 frames, file holds 500");
    refused(
        "cut1.wav",
        Arrays.copyOf(whole, whole.length - 1),
        TRUNCATED,
        "header promises 800 frames, file holds 799");
  }

  @Test
  void truncatedInsideTheHeader() throws Exception {
    byte[] whole = riff(fmt16(), chunk("data", pcm16(800)));
    refused("h1.wav", Arrays.copyOf(whole, 10), TRUNCATED, "RIFF header");
    refused("h2.wav", Arrays.copyOf(whole, 16), TRUNCATED, "chunk header");
    refused("h3.wav", Arrays.copyOf(whole, 30), TRUNCATED, "'fmt '");
    refused("h4.wav", Arrays.copyOf(whole, 40), TRUNCATED, "'data'");
  }

  @Test
  void headerClaimingFourGigabytesIsTruncatedNotAllocated() throws Exception {
    refused(
        "huge.wav",
        riff(fmt16(), chunk("data", 0xFFFFFFF0L, pcm16(500))),
        TRUNCATED,
        "header promises 2147483640 frames, file holds 500");
    refused(
        "hugefmt.wav",
        riff(chunk("fmt ", 0xFFFFFFF0L, fmt(1, 1, RATE, 2, 16))),
        TRUNCATED,
        "claims 4294967280 bytes");
    byte[] hugeComm = comm(2, 0xFFFFFFF0L, 16, RATE, null);
    refused(
        "huge.aiff",
        form(
            "AIFF",
            beChunk("COMM", hugeComm.length, hugeComm),
            beChunk("SSND", 408, ssnd(new byte[400]))),
        TRUNCATED,
        "header promises 4294967280 frames, file holds 100");
  }

  @Test
  void zeroChannels() throws Exception {
    refused(
        "zc.wav",
        riff(chunk("fmt ", fmt(1, 0, RATE, 2, 16)), chunk("data", pcm16(100))),
        ZERO_CHANNELS,
        "0 channels");
    byte[] c = comm(0, 100, 16, RATE, null);
    refused(
        "zc.aiff",
        form("AIFF", beChunk("COMM", c.length, c), beChunk("SSND", 208, ssnd(new byte[200]))),
        ZERO_CHANNELS,
        "0 channels");
  }

  @Test
  void zeroFrames() throws Exception {
    refused("zf.wav", riff(fmt16(), chunk("data", new byte[0])), NO_SAMPLES, "no whole frame");
    refused(
        "one-byte.wav", riff(fmt16(), chunk("data", new byte[1])), NO_SAMPLES, "no whole frame");
    refused("nodata.wav", riff(fmt16()), NO_SAMPLES, "no 'data' chunk");
    byte[] c = comm(1, 0, 16, RATE, null);
    refused("zf.aiff", form("AIFF", beChunk("COMM", c.length, c)), NO_SAMPLES, "0 sample frames");
  }

  @Test
  void aClipShorterThanOneOutputSampleIsNoSamplesNotAnEmptyClip() throws Exception {
    // round(1 · 16000 / 44100) = 0: an empty clip would only fail later, without the file's name.
    byte[] one = riff(chunk("fmt ", fmt(1, 1, 44100, 2, 16)), chunk("data", new byte[] {1, 2}));
    assertRefusedByDecode(
        decoder,
        write(dir, "one-frame.wav", one),
        NO_SAMPLES,
        "1 frame at 44100 Hz is shorter than one sample at 16000 Hz");
    // Two frames round up to one sample: a clip, however short.
    byte[] two = riff(chunk("fmt ", fmt(1, 1, 44100, 2, 16)), chunk("data", new byte[4]));
    assertThat(decoder.decode(write(dir, "two-frames.wav", two), RATE).samples()).hasSize(1);
  }

  @Test
  void aBugIsAnInternalErrorNotABlameOnTheExternalDecoder() {
    // No file makes this code fail (GarbageInputTest); a path whose file system throws stands in
    // for a bug. It is named like a WAV, which never goes near ffmpeg.
    Path buggy =
        (Path)
            Proxy.newProxyInstance(
                Path.class.getClassLoader(),
                new Class<?>[] {Path.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "toString" -> "bug.wav";
                      case "getFileName" -> Path.of("bug.wav");
                      case "equals" -> proxy == args[0];
                      case "hashCode" -> System.identityHashCode(proxy);
                      default -> throw new IllegalStateException("simulated bug");
                    });

    assertRefused(decoder, buggy, INTERNAL_ERROR, "IllegalStateException: simulated bug");
    AudioDecodeException e =
        catchThrowableOfType(AudioDecodeException.class, () -> decoder.decode(buggy, RATE));
    assertThat(e.getMessage())
        .isEqualTo(
            "bug.wav: could not be decoded (internal error)"
                + " (java.lang.IllegalStateException: simulated bug)")
        .doesNotContain("external decoder");
  }

  @Test
  void unknownSampleRate() throws Exception {
    refused(
        "rate0.wav",
        riff(chunk("fmt ", fmt(1, 1, 0, 2, 16)), chunk("data", pcm16(100))),
        BAD_HEADER,
        "0 Hz");
    byte[] c = comm(1, 100, 16, 0, null);
    c[8] = 0; // exponent 0, mantissa 0: the extended float 0.0
    c[9] = 0;
    refused(
        "rate0.aiff",
        form("AIFF", beChunk("COMM", c.length, c), beChunk("SSND", 208, ssnd(new byte[200]))),
        BAD_HEADER,
        "0 Hz");
  }

  @Test
  void unsupportedEncodingsAreNamed() throws Exception {
    refused(
        "tag.wav",
        riff(chunk("fmt ", fmt(0x1234, 1, RATE, 2, 16)), chunk("data", pcm16(100))),
        UNSUPPORTED_ENCODING,
        "format tag 0x1234");
    refused(
        "adpcm.wav",
        riff(chunk("fmt ", fmt(0x0011, 1, RATE, 256, 4)), chunk("data", new byte[512])),
        UNSUPPORTED_ENCODING,
        "IMA ADPCM (format tag 0x0011) needs ffmpeg on the PATH");
    refused(
        "f16.wav",
        riff(chunk("fmt ", fmt(3, 1, RATE, 2, 16)), chunk("data", pcm16(100))),
        UNSUPPORTED_ENCODING,
        "16-bit IEEE float");
    byte[] ext = TestAudio.fmtExtensible(1, 2, RATE, 16, 16);
    ext[24 + 15] = 0x42; // not the KSDATAFORMAT GUID
    refused(
        "guid.wav",
        riff(chunk("fmt ", ext), chunk("data", pcm16(100))),
        UNSUPPORTED_ENCODING,
        "sub-format {00000001-0000-0010-8000-00AA00389B42}");
    byte[] c = comm(1, 100, 16, RATE, "abcd");
    refused(
        "abcd.aifc",
        form("AIFC", beChunk("COMM", c.length, c), beChunk("SSND", 208, ssnd(new byte[200]))),
        UNSUPPORTED_ENCODING,
        "AIFF-C compression 'abcd'");
    byte[] ima = comm(1, 100, 16, RATE, "ima4");
    refused(
        "ima.aifc",
        form("AIFC", beChunk("COMM", ima.length, ima), beChunk("SSND", 208, ssnd(new byte[200]))),
        UNSUPPORTED_ENCODING,
        "IMA4 ADPCM ('ima4') needs ffmpeg");
  }

  @Test
  void malformedHeaders() throws Exception {
    refused(
        "shortfmt.wav",
        riff(chunk("fmt ", new byte[10]), chunk("data", pcm16(100))),
        BAD_HEADER,
        "at least 16");
    refused(
        "bits0.wav",
        riff(chunk("fmt ", fmt(1, 1, RATE, 2, 0)), chunk("data", pcm16(100))),
        BAD_HEADER,
        "bits per sample is 0");
    refused(
        "nofmt.wav",
        riff(chunk("LIST", new byte[4]), chunk("data", 0xFFFFFFFFL, pcm16(10))),
        BAD_HEADER,
        "before the 'fmt ' chunk");
    byte[] garbage = riff(fmt16(), chunk("data", pcm16(10)));
    garbage[12] = 1; // the fmt chunk's id
    refused("garbage.wav", garbage, BAD_HEADER, "unreadable chunk id at offset 12");
    byte[] c = comm(-2, 100, 16, RATE, null);
    refused(
        "neg.aiff",
        form("AIFF", beChunk("COMM", c.length, c), beChunk("SSND", 208, ssnd(new byte[200]))),
        BAD_HEADER,
        "-2 channels");
  }

  @Test
  void nanInAFloatFileIsRefusedRatherThanPassedOn() throws Exception {
    // probe reads only the header, so it cannot see the NaN; decode must.
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      Path file =
          write(
              dir, "bad.wav", TestAudio.wavFloat(RATE, 1, 32, 100, (ch, i) -> i == 50 ? bad : 0.1));
      assertRefusedByDecode(decoder, file, INVALID_SAMPLES, "NaN or infinite 32-bit float samples");
      assertThat(decoder.probe(file).frames()).isEqualTo(100);
    }
  }

  @Test
  void otherFormatsWithoutFfmpegAreUnsupportedAndSayWhatToInstall() throws Exception {
    byte[] flac = {'f', 'L', 'a', 'C', 0, 0, 0, 0x22};
    refused(
        "x.flac",
        Arrays.copyOf(flac, 64),
        UNSUPPORTED_FORMAT,
        "FLAC needs ffmpeg on the PATH, which was not found (install it, e.g. apt-get install"
            + " ffmpeg");
    refused(
        "x.ogg",
        Arrays.copyOf("OggS".getBytes(StandardCharsets.US_ASCII), 64),
        UNSUPPORTED_FORMAT,
        "OGG needs ffmpeg");
    refused(
        "x.mp3",
        Arrays.copyOf("ID3".getBytes(StandardCharsets.US_ASCII), 64),
        UNSUPPORTED_FORMAT,
        "MP3 needs ffmpeg");
    // MP3 inside a file named .wav is still MP3.
    refused(
        "mislabelled.wav",
        new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0, 0, 0},
        UNSUPPORTED_FORMAT,
        "MP3 needs ffmpeg");
    byte[] avi = riff(chunk("LIST", new byte[4]));
    System.arraycopy("AVI ".getBytes(StandardCharsets.US_ASCII), 0, avi, 8, 4);
    refused("x.avi", avi, UNSUPPORTED_FORMAT, "RIFF AVI needs ffmpeg");
  }
}
