package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI through picocli's real parsing: exit codes, messages and output files. */
class CliTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A 16-bit mono WAV of a sine, written by Java Sound (independent of our decoder). */
  private Path toneWav(String name, double hz, int rate, int samples) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hz * i / rate)));
    }
    AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
    Path p = tmp.resolve(name);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), f, samples)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, p.toFile());
    }
    return p;
  }

  @Test
  void helpListsTheCommandsAndExitsZero() {
    Run r = cli("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("features").contains("bench").contains("--workspace");
  }

  @Test
  void versionNamesTheApp() {
    Run r = cli("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("TKD Workbench").contains("DJL");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Run r = cli("frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).containsIgnoringCase("frobnicate");
  }

  @Test
  void missingRequiredOptionIsAUsageErrorNamingIt() {
    Run r = cli("features", "--output", tmp.resolve("x.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--input");
  }

  @Test
  void invalidFeatureSettingsNameTheFieldAndTheValueFound() throws IOException {
    Path wav = toneWav("a.wav", 440, 16000, 1600);
    Run r = cli("features", "--input", wav.toString(), "--output", tmp.resolve("x.csv").toString(),
        "--hop-length", "2048", "--n-mels", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("features.hop_length").contains("2048").contains("features.n_mels");
    assertThat(tmp.resolve("x.csv")).doesNotExist();
  }

  @Test
  void nonNumericOptionIsAUsageError() {
    Run r = cli("features", "--input", "a.wav", "--output", "b.csv", "--n-mels", "many");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--n-mels");
  }

  @Test
  void unreadableInputExitsOneNamingTheFileAndLeavesOutputAlone() throws IOException {
    Path bad = tmp.resolve("broken.wav");
    Files.writeString(bad, "this is not audio at all, just text pretending to be a wave file");
    Path out = tmp.resolve("out.csv");
    Files.writeString(out, "precious");
    Run r = cli("features", "--input", bad.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("broken.wav").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Files.readString(out)).isEqualTo("precious");

    Run missing = cli("features", "--input", tmp.resolve("nope.wav").toString(), "--output", out.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.wav");
  }

  /**
   * A tone at the centre frequency of one Slaney mel band must peak in that band. The centre is
   * worked out here from the Slaney formulas (linear 200/3 Hz per mel below 1 kHz, log step
   * ln(6.4)/27 above), not from the code under test.
   */
  @Test
  void featuresCsvHasHeaderOneLinePerFrameAndTheToneInItsBand() throws IOException {
    double maxMel = 15 + Math.log(8000 / 1000.0) / (Math.log(6.4) / 27); // 8 kHz on the Slaney scale
    double step = maxMel / 41; // 42 edges for 40 bands
    int band = 13;
    double centreMel = (band + 1) * step; // above 15 mel, so in the log region
    double centreHz = 1000 * Math.exp((centreMel - 15) * Math.log(6.4) / 27);
    Path wav = toneWav("tone.wav", centreHz, 16000, 16000);
    Path csv = tmp.resolve("out/tone.csv");

    Run r = cli("features", "--input", wav.toString(), "--output", csv.toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0).split(",")).hasSize(40).startsWith("mel_0");
    assertThat(lines).hasSize(1 + (1 + 16000 / 160));
    float[] mid = parse(lines.get(1 + 50));
    assertThat(mid).hasSize(40);
    int argmax = 0;
    for (int j = 1; j < mid.length; j++) {
      argmax = mid[j] > mid[argmax] ? j : argmax;
    }
    assertThat(argmax).isEqualTo(band);
  }

  @Test
  void featuresToStdoutAndNonDefaultSpec() throws IOException {
    Path wav = toneWav("tone44k.wav", 1000, 44100, 44100 / 2); // 0.5 s at 44.1 kHz
    Run r = cli("features", "--input", wav.toString(), "--output", "-",
        "--sample-rate", "22050", "--n-fft", "1024", "--win-length", "1024", "--hop-length", "256", "--n-mels", "64");
    assertThat(r.code()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    // 0.5 s resampled to 22050 Hz is 11025 samples: 1 + 11025 / 256 = 44 frames
    assertThat(lines).hasSize(1 + 44);
    assertThat(lines[1].split(",")).hasSize(64);
  }

  private static float[] parse(String line) {
    String[] cells = line.split(",");
    float[] v = new float[cells.length];
    for (int i = 0; i < cells.length; i++) {
      v[i] = Float.parseFloat(cells[i]);
    }
    return v;
  }

  @Test
  void benchWithoutAnyAudioIsAUsageError() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    Run r = cli("bench", "features", "--dataset", tmp.resolve("empty").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no audio files");
    assertThat(Arrays.asList(r.out().split("\n"))).noneMatch(l -> l.contains("clips/s"));
  }

  @Test
  void benchFeaturesReportsClipsPerSecond() throws IOException {
    for (int i = 0; i < 4; i++) {
      toneWav("c" + i + ".wav", 300 + 100 * i, 16000, 16000);
    }
    Run r = cli("bench", "features", "--dataset", tmp.toString(), "--repeats", "1", "--threads", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("4 clips").contains("log-mel, 1 thread:").contains("log-mel, 2 threads:");
  }

  @Test
  void outputSameAsInputIsRefusedAndTheAudioSurvives() throws IOException {
    Path wav = toneWav("keep.wav", 440, 16000, 1600);
    byte[] before = Files.readAllBytes(wav);
    Run r = cli("features", "--input", wav.toString(), "--output", wav.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--output").contains("input");
    assertThat(Files.readAllBytes(wav)).isEqualTo(before);
  }

  @Test
  void unwritableOutputExitsOneWithAReason() throws IOException {
    Path wav = toneWav("w.wav", 440, 16000, 1600);
    Path aFile = tmp.resolve("plain-file");
    Files.writeString(aFile, "x");
    Run r = cli("features", "--input", wav.toString(), "--output", aFile.resolve("out.csv").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot write").contains("out.csv").contains("in the way");
  }

  @Test
  void benchOptionErrorsNameTheOption() {
    Run r = cli("bench", "features", "--dataset", tmp.toString(), "--threads", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--threads: must be at least 1, found 0");
  }

  @Test
  void benchWhereNothingDecodesIsAFailureNotAUsageError() throws IOException {
    Files.writeString(tmp.resolve("a.wav"), "not audio");
    Files.writeString(tmp.resolve("b.wav"), "");
    Run r = cli("bench", "features", "--dataset", tmp.toString(), "--repeats", "1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("a.wav").contains("b.wav").contains("none of the 2 files");
  }
}
