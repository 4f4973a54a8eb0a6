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
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dataset noisy} through picocli: exit codes, messages, the summary and the files. */
class DatasetNoisyCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** A 16 kHz 16-bit mono WAV written by Java Sound. */
  private static void wav(Path p, double[] x) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(x.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : x) {
      b.putShort((short) Math.round(v * 32767));
    }
    Files.createDirectories(p.getParent());
    try (AudioInputStream in =
        new AudioInputStream(
            new ByteArrayInputStream(b.array()),
            new AudioFormat(16000, 16, 1, true, false),
            x.length)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, p.toFile());
    }
  }

  private static double[] word(int start, int len) {
    double[] x = new double[16000];
    for (int i = start; i < start + len; i++) {
      x[i] = 0.4 * Math.sin(2 * Math.PI * 600 * i / 16000.0);
    }
    return x;
  }

  private static double[] noise(int n, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 0.1 * r.nextGaussian();
    }
    return x;
  }

  /** Speech Commands layout: 4 clips, lists, and a _background_noise_ folder unless told not to. */
  private Path source(boolean withNoise) throws IOException {
    Path root = tmp.resolve(withNoise ? "sc" : "sc-quiet");
    wav(root.resolve("yes/aaaa0001_nohash_0.wav"), word(4000, 6400));
    wav(root.resolve("yes/aaaa0002_nohash_0.wav"), word(2000, 8000));
    wav(root.resolve("no/aaaa0001_nohash_0.wav"), word(6000, 4000));
    wav(root.resolve("no/aaaa0003_nohash_0.wav"), word(5000, 5000));
    Files.writeString(root.resolve("validation_list.txt"), "no/aaaa0003_nohash_0.wav\n");
    Files.writeString(root.resolve("testing_list.txt"), "yes/aaaa0002_nohash_0.wav\n");
    if (withNoise) {
      wav(root.resolve("_background_noise_/white.wav"), noise(3 * 16000, 1));
    }
    return root;
  }

  @Test
  void buildsTheVariantAndPrintsASummary() throws IOException {
    Path src = source(true);
    Path out = tmp.resolve("noisy");
    Run r =
        cli(
            "dataset",
            "noisy",
            "--source",
            src.toString(),
            "--length",
            "2",
            "--snr-min",
            "-6",
            "--snr-max",
            "6",
            "--seed",
            "1",
            "--output",
            out.toString(),
            "--threads",
            "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("written: 4 clips of 2.000 s at 16000 Hz")
        .contains("refused: 0 clips")
        .contains("output: " + out.toAbsolutePath())
        .contains("snr: asked -6.00..6.00 dB")
        .contains("keyword spans: 0.250..0.500 s");
    assertThat(out.resolve("yes/aaaa0001_nohash_0.wav")).exists();
    assertThat(Files.readAllLines(out.resolve("testing_list.txt")))
        .containsExactly("yes/aaaa0002_nohash_0.wav");
    assertThat(Files.readAllLines(out.resolve("keyword_spans.csv"))).hasSize(5);

    Path copies = tmp.resolve("noisy-copies");
    Run c = cli("dataset", "noisy", "--source", src.toString(), "--length", "2", "--copies", "3",
        "--output", copies.toString());
    assertThat(c.code()).as(c.err()).isZero();
    // 4 clips, one for validation and one for test: 2 training clips × 3 + 2.
    assertThat(c.out()).contains("written: 8 clips of 2.000 s at 16000 Hz (3 copies of each training clip)");
    assertThat(copies.resolve("yes/aaaa0001_nohash_0-copy3.wav")).exists();
    assertThat(copies.resolve("yes/aaaa0002_nohash_0-copy2.wav")).as("a test clip").doesNotExist();
  }

  /**
   * Speaker folds: the lists written are the fold's speakers (test fold, the one before it for
   * validation), copies only for the training speaker, and a clip's noisy version does not depend
   * on its split (each clip's draws come from its id), so fold variants agree clip for clip.
   */
  @Test
  void speakerFoldsChooseTheSplitsOfTheVariant() throws IOException {
    Path src = source(true);
    // Speech Commands' hash orders them aaaa0002, aaaa0001, aaaa0003 (python3:
    // int(hashlib.sha1(s.encode()).hexdigest(), 16) % 2**27): folds 1, 2, 3 of 3.
    String validation = "aaaa0002";
    String test = "aaaa0001";
    String train = "aaaa0003";
    Path out = tmp.resolve("fold2");
    Run r =
        cli("dataset", "noisy", src.toString(), "--folds", "3", "--test-fold", "2", "--length",
            "2", "--copies", "2", "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("testing_list.txt")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(test + "_nohash_0.wav"));
    assertThat(Files.readAllLines(out.resolve("validation_list.txt")))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).contains(validation + "_nohash_0.wav"));
    try (var files = Files.walk(out)) {
      List<String> copies =
          files.map(p -> p.getFileName().toString()).filter(n -> n.contains("-copy")).toList();
      assertThat(copies).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith(train));
    }
    assertThat(r.err()).contains("not used: the splits are speaker folds");
    assertThat(Files.readString(out.resolve("noisy_spec.json")))
        .containsPattern("\"options\" : \\{\\s*\"test_fold\" : 2,\\s*\"folds\" : 3\\s*}");

    Path published = tmp.resolve("published");
    Run p = cli("dataset", "noisy", src.toString(), "--length", "2", "--output", published.toString());
    assertThat(p.code()).as(p.err()).isZero();
    for (String clip : List.of("yes/aaaa0001_nohash_0.wav", "no/aaaa0003_nohash_0.wav")) {
      assertThat(Files.readAllBytes(out.resolve(clip)))
          .as(clip)
          .isEqualTo(Files.readAllBytes(published.resolve(clip)));
    }
  }

  @Test
  void speakerFoldOptionsAreCheckedAndNamed() throws IOException {
    Path src = source(true);
    Run noTest = cli("dataset", "noisy", src.toString(), "--folds", "10", "--output",
        tmp.resolve("a").toString());
    assertThat(noTest.code()).isEqualTo(2);
    assertThat(noTest.err()).contains("--test-fold: required with --folds (a fold in 1..10)");
    Run two = cli("dataset", "inspect", src.toString(), "--folds", "2", "--test-fold", "1");
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).contains("--folds: must be in 3..10000").contains("found 2");
    Run over = cli("dataset", "inspect", src.toString(), "--folds", "4", "--test-fold", "5");
    assertThat(over.code()).isEqualTo(2);
    assertThat(over.err()).contains("--test-fold: must be in 1..4, found 5");
    Path folders = tmp.resolve("plain");
    wav(folders.resolve("dog/a.wav"), word(100, 1000));
    Run plain = cli("dataset", "inspect", folders.toString(), "--folds", "3", "--test-fold", "1");
    assertThat(plain.code()).as(plain.err()).isEqualTo(2);
    assertThat(plain.err()).contains("--folds: speaker folds need the speech-commands layout")
        .contains("found folders");
    Path esc = tmp.resolve("ESC-50-master");
    org.tkdworkbench.data.DatasetFixtures.esc50(esc);
    Run escFolds = cli("dataset", "inspect", esc.toString(), "--folds", "5", "--test-fold", "1");
    assertThat(escFolds.code()).as(escFolds.err()).isEqualTo(2);
    assertThat(escFolds.err()).contains("found esc50 (it has its own five folds: use the test fold alone)");
  }

  @Test
  void aNoiseFolderIsSearchedRecursively() throws IOException {
    Path src = source(false);
    Path noiseDir = tmp.resolve("my-noise");
    wav(noiseDir.resolve("street/cars.wav"), noise(16000 * 3, 2));
    Files.writeString(noiseDir.resolve("README.txt"), "not audio, not picked up");
    Path out = tmp.resolve("noisy");
    Run r =
        cli(
            "dataset",
            "noisy",
            "--source",
            src.toString(),
            "--noise",
            noiseDir.toString(),
            "--length",
            "1.5",
            "--output",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("noise files used: 1");
    assertThat(Files.readString(out.resolve("keyword_spans.csv")))
        .contains(",cars.wav,"); // relative to the noise files' common folder
  }

  @Test
  void invalidSettingsExitTwoNamingTheOption() throws IOException {
    Path src = source(true);
    Path out = tmp.resolve("noisy");
    Run r =
        cli(
            "dataset",
            "noisy",
            "--source",
            src.toString(),
            "--length",
            "-1",
            "--snr-min",
            "6",
            "--snr-max",
            "-6",
            "--output",
            out.toString(),
            "--threads",
            "0",
            "--copies",
            "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--copies: must be in 1..100, found 0")
        .contains("--length: must be")
        .contains("found -1")
        .contains("--snr-min/--snr-max")
        .contains("--threads: must be at least 1, found 0");
    assertThat(out).doesNotExist();

    Run missing = cli("dataset", "noisy", "--source", src.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--output");

    Run noSource =
        cli(
            "dataset",
            "noisy",
            "--source",
            tmp.resolve("nope").toString(),
            "--output",
            out.toString());
    assertThat(noSource.code()).isEqualTo(2);
    assertThat(noSource.err())
        .contains("--source: must be a dataset folder")
        .contains("does not exist");
  }

  @Test
  void anExistingNonEmptyOutputIsAUsageErrorAndUntouched() throws IOException {
    Path src = source(true);
    Path out = tmp.resolve("results");
    Files.createDirectories(out);
    Files.writeString(out.resolve("thesis.tex"), "precious");
    Run r = cli("dataset", "noisy", "--source", src.toString(), "--output", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--output: must be a new or empty folder").contains("1 entry");
    assertThat(Files.readString(out.resolve("thesis.tex"))).isEqualTo("precious");
    try (var s = Files.list(out)) {
      assertThat(s.toList()).hasSize(1);
    }
  }

  @Test
  void withoutNoiseFolderOrOptionItSaysWhatToPass() throws IOException {
    Path src = source(false);
    Run r =
        cli(
            "dataset",
            "noisy",
            "--source",
            src.toString(),
            "--output",
            tmp.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--noise").contains("_background_noise_");

    Path empty = tmp.resolve("empty-noise");
    Files.createDirectories(empty);
    Run r2 =
        cli(
            "dataset",
            "noisy",
            "--source",
            src.toString(),
            "--noise",
            empty.toString(),
            "--output",
            tmp.resolve("o").toString());
    assertThat(r2.code()).isEqualTo(2);
    assertThat(r2.err()).contains("--noise: no audio files under");
  }

  @Test
  void theSourceCanBeGivenAsDirWithALayout() throws IOException {
    Path src = source(true);
    Path out = tmp.resolve("noisy-dir");
    Run r =
        cli(
            "dataset",
            "noisy",
            src.toString(),
            "--layout",
            "speech-commands",
            "--output",
            out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("written: 4 clips");
    Run missing =
        cli("dataset", "noisy", tmp.resolve("nope").toString(), "--output", out.toString() + "2");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("DIR: must be a dataset folder");
  }

  @Test
  void anFsd50kSourceIsAUsageErrorNamingTheSource() throws IOException {
    Path src = tmp.resolve("fsd");
    org.tkdworkbench.data.DatasetFixtures.fsd50k(src);
    wav(tmp.resolve("noise/white.wav"), noise(3 * 16000, 1));
    Path out = tmp.resolve("noisy");
    Run r =
        cli(
            "dataset",
            "noisy",
            "--source",
            src.toString(),
            "--noise",
            tmp.resolve("noise").toString(),
            "--output",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--source: FSD50K is a multi-label dataset");
    assertThat(out).doesNotExist();
  }

  @Test
  void whenNoClipCanBeUsedItFailsWithExitOneAndWritesNothing() throws IOException {
    Path src = source(true);
    Path out = tmp.resolve("noisy");
    // Every clip is 1 s: none fits in 0.5 s.
    Run r =
        cli(
            "dataset",
            "noisy",
            "--source",
            src.toString(),
            "--length",
            "0.5",
            "--output",
            out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("none of the 4 clips could be used")
        .contains("longer than the 0.500 s");
    assertThat(out).doesNotExist();
    try (var s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .noneMatch(n -> n.contains(".tmp-"));
    }
  }

  @Test
  void helpListsTheOptions() {
    Run r = cli("dataset", "noisy", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "--source",
            "--noise",
            "--length",
            "--snr-min",
            "--snr-max",
            "--seed",
            "--output",
            "--sample-rate",
            "--threads");
    assertThat(List.of(r.out().split("\n")))
        .anyMatch(l -> l.contains("--length") && l.contains("4.0"));
  }
}
