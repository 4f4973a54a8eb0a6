package org.tkdworkbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.NOT_AUDIO;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.TRUNCATED;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.UNSUPPORTED_ENCODING;
import static org.tkdworkbench.audio.AudioDecodeException.Reason.UNSUPPORTED_FORMAT;
import static org.tkdworkbench.audio.BrokenFileTest.assertRefused;
import static org.tkdworkbench.audio.BrokenFileTest.assertRefusedByDecode;
import static org.tkdworkbench.audio.ResamplingTest.rms;
import static org.tkdworkbench.audio.ResamplingTest.zeroCrossingFrequency;
import static org.tkdworkbench.audio.TestAudio.write;
import static org.tkdworkbench.audio.WavDecodingTest.step;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ffmpeg path, with files made by the real ffmpeg from WAVs we wrote (CI installs ffmpeg;
 * without it these tests are skipped). Hangs and failures use fake ffmpeg scripts and need no real
 * ffmpeg: {@link FakeFfmpegTest}.
 */
class FfmpegDecodingTest {
  private static final int RATE = 44100;

  private static Path ffmpeg;

  @TempDir Path dir;

  @BeforeAll
  static void needsFfmpeg() {
    Optional<Path> found = AudioDecoder.locateFfmpeg();
    assumeTrue(found.isPresent(), "ffmpeg is not on the PATH");
    ffmpeg = found.get();
  }

  private final AudioDecoder withFfmpeg = new AudioDecoder();
  private final AudioDecoder withoutFfmpeg = new AudioDecoder(Optional.empty());

  /** Runs the real ffmpeg: {@code in} → {@code out} with extra output options. */
  private static Path convert(Path in, Path out, String... options) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(ffmpeg.toString(), "-nostdin", "-v", "error", "-y", "-i", in.toString()));
    command.addAll(List.of(options));
    command.add(out.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor() == 0, "ffmpeg could not make " + out.getFileName() + ": " + log);
    return out;
  }

  private Path stereoWav() throws IOException {
    return write(
        dir, "source.wav", TestAudio.wavPcm(RATE, 2, 16, RATE, TestAudio.perChannel(RATE)));
  }

  @Test
  void flacIsLosslessAndMixedDownByAveragingLikeWav() throws Exception {
    Path flac = convert(stereoWav(), dir.resolve("x.flac"));

    AudioClip clip = withFfmpeg.decode(flac, RATE);

    TestAudio.Signal s = TestAudio.perChannel(RATE);
    float[] mono = clip.samples();
    assertThat(mono).hasSize(RATE);
    for (int i = 0; i < RATE; i++) {
      assertThat((double) mono[i]).isCloseTo(TestAudio.mix(s, 2, i), within(step(16)));
    }
    assertThat(clip.source()).isEqualTo(new SourceFormat("FLAC", "flac", RATE, 2, 16, RATE));
  }

  @Test
  void flacAndTheWavItCameFromGiveTheSameClipAfterResampling() throws Exception {
    Path wav = stereoWav();
    Path flac = convert(wav, dir.resolve("x.flac"));

    assertThat(withFfmpeg.decode(flac, 16000).samples())
        .containsExactly(withFfmpeg.decode(wav, 16000).samples());
  }

  @Test
  void probeReadsTheStreamFormatWithFfprobe() throws Exception {
    Path flac = convert(stereoWav(), dir.resolve("x.flac"), "-c:a", "flac", "-sample_fmt", "s32");
    assertThat(withFfmpeg.probe(flac))
        .isEqualTo(new SourceFormat("FLAC", "flac", RATE, 2, 24, RATE));
  }

  @Test
  void lossyOggAndMp3KeepFrequencyAmplitudeAndLength() throws Exception {
    Path wav =
        write(
            dir, "tone.wav", TestAudio.wavPcm(RATE, 1, 16, RATE, TestAudio.sine(1000, 0.5, RATE)));
    Path ogg = convert(wav, dir.resolve("x.ogg"), "-c:a", "libvorbis", "-q:a", "6");
    Path mp3 = convert(wav, dir.resolve("x.mp3"), "-c:a", "libmp3lame", "-b:a", "192k");
    for (Path file : List.of(ogg, mp3)) {
      AudioClip clip = withFfmpeg.decode(file, 16000);
      float[] out = clip.samples();
      // Lossy codecs pad or drop a block at the edges (ffmpeg 5.1 drops 128 samples of this
      // Vorbis file; MP3 can carry encoder padding): within 1 %.
      assertThat(out.length).as(file.toString()).isCloseTo(16000, within(160));
      assertThat(zeroCrossingFrequency(out, 1600, 14400, 16000)).isCloseTo(1000, within(2.0));
      assertThat(rms(out, 1600, 14400) * Math.sqrt(2)).isCloseTo(0.5, within(0.5 * 0.05));
      assertThat(clip.source().container()).isIn("OGG", "MP3");
      assertThat(clip.source().channels()).isEqualTo(1);
    }
  }

  @Test
  void adpcmInsideAWavGoesToFfmpegOrIsNamedWithoutIt() throws Exception {
    Path wav =
        write(
            dir, "tone.wav", TestAudio.wavPcm(RATE, 1, 16, RATE, TestAudio.sine(1000, 0.5, RATE)));
    Path adpcm = convert(wav, dir.resolve("adpcm.wav"), "-c:a", "adpcm_ima_wav");

    AudioClip clip = withFfmpeg.decode(adpcm, RATE);

    assertThat(clip.source().container()).isEqualTo("WAVE");
    assertThat(clip.source().encoding()).isEqualTo("adpcm_ima_wav");
    assertThat(zeroCrossingFrequency(clip.samples(), 4410, 39690, RATE))
        .isCloseTo(1000, within(2.0));
    assertRefused(
        withoutFfmpeg, adpcm, UNSUPPORTED_ENCODING, "IMA ADPCM (format tag 0x0011) needs ffmpeg");
  }

  @Test
  void truncatedFilesAreNotQuietlyDecodedToTheirRemains() throws Exception {
    Path flac = convert(stereoWav(), dir.resolve("x.flac"));
    byte[] whole = Files.readAllBytes(flac);
    Path cut = write(dir, "cut.flac", java.util.Arrays.copyOf(whole, whole.length * 6 / 10));
    // ffmpeg itself exits with 0 here, having decoded what is left.
    assertRefusedByDecode(
        withFfmpeg, cut, TRUNCATED, "header promises 44100 frames, ffmpeg decoded");

    Path wav =
        write(
            dir, "tone.wav", TestAudio.wavPcm(RATE, 1, 16, RATE, TestAudio.sine(1000, 0.5, RATE)));
    byte[] adpcm =
        Files.readAllBytes(convert(wav, dir.resolve("adpcm.wav"), "-c:a", "adpcm_ima_wav"));
    Path cutAdpcm = write(dir, "cut-adpcm.wav", java.util.Arrays.copyOf(adpcm, adpcm.length / 2));
    assertRefused(withFfmpeg, cutAdpcm, TRUNCATED, "bytes of sample data, file holds");
    assertRefused(withoutFfmpeg, cutAdpcm, TRUNCATED, "bytes of sample data, file holds");
  }

  @Test
  void withoutFfmpegARealFlacIsAnUnsupportedFormat() throws Exception {
    Path flac = convert(stereoWav(), dir.resolve("x.flac"));
    assertRefused(
        withoutFfmpeg,
        flac,
        UNSUPPORTED_FORMAT,
        "FLAC needs ffmpeg on the PATH, which was not found");
  }

  @Test
  void withoutFfprobeOtherFormatsSayWhatIsMissing() throws Exception {
    Path flac = convert(stereoWav(), dir.resolve("x.flac"));
    AudioDecoder noProbe =
        new AudioDecoder(Optional.of(ffmpeg), Optional.empty(), Duration.ofSeconds(60));
    assertRefused(noProbe, flac, UNSUPPORTED_FORMAT, "needs ffprobe");
  }

  @Test
  void nonAudioThatFfmpegCannotReadIsNotAudio() throws Exception {
    byte[] text = "definitely not an mp3\n".repeat(50).getBytes(StandardCharsets.UTF_8);
    assertRefused(withFfmpeg, write(dir, "fake.mp3", text), NOT_AUDIO, "");
    assertRefused(withFfmpeg, write(dir, "notes.txt", text), NOT_AUDIO, "");
  }

  @Test
  void fileNamesThatLookLikeOptionsOrUrlsAreReadAsFiles() throws Exception {
    Path flac = convert(stereoWav(), dir.resolve("x.flac"));
    Path odd = Files.copy(flac, dir.resolve("-i http:x.flac"));
    assertThat(withFfmpeg.decode(odd, RATE).samples()).hasSize(RATE);
  }

  @Test
  void theSystemPropertyChoosesFfmpegAndAWrongOneDisablesIt() throws Exception {
    String before = System.getProperty(FfmpegLocator.PROPERTY);
    try {
      System.setProperty(FfmpegLocator.PROPERTY, ffmpeg.toString());
      assertThat(AudioDecoder.locateFfmpeg()).contains(ffmpeg);
      System.setProperty(FfmpegLocator.PROPERTY, dir.resolve("no-such-ffmpeg").toString());
      assertThat(AudioDecoder.locateFfmpeg()).isEmpty();
      assertThat(new AudioDecoder().ffmpeg()).isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty(FfmpegLocator.PROPERTY);
      } else {
        System.setProperty(FfmpegLocator.PROPERTY, before);
      }
    }
  }
}
