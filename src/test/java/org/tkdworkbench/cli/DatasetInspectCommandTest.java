package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.data.DatasetFixtures;

/** {@code dataset inspect} and {@code bench index} through picocli's real parsing. */
class DatasetInspectCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  private static JsonNode json(Run r) throws IOException {
    return new ObjectMapper().readTree(r.out());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void jsonReportHasTheDocumentedKeysAndExitsZeroDespiteRefusals() throws IOException {
    Path root = tmp.resolve("FSD50K");
    DatasetFixtures.fsd50k(root);

    Run r = cli("dataset", "inspect", root.toString(), "--json", "--threads", "2");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = json(r);
    assertThat(j.fieldNames())
        .toIterable()
        .contains(
            "layout",
            "classes",
            "clips",
            "perClass",
            "perSplit",
            "durations",
            "sampleRates",
            "refused",
            "multiLabel");
    assertThat(j.get("layout").asText()).isEqualTo("fsd50k");
    assertThat(j.get("multiLabel").asBoolean()).isTrue();
    assertThat(j.get("clips").asInt()).isEqualTo(5);
    assertThat(texts(j.get("classes")))
        .containsExactly("Bark", "Dog", "Domestic_animals_and_pets", "Guitar", "Music", "Rain");
    assertThat(j.get("perClass").get("Music").get("validation").asInt()).isEqualTo(1);
    assertThat(j.get("perClass").get("Music").get("test").asInt()).isEqualTo(1);
    assertThat(j.get("perSplit").get("train").asInt()).isEqualTo(2);
    assertThat(j.get("durations").get("max").asDouble()).isEqualTo(3.0);
    assertThat(j.get("sampleRates").get("4410").asInt()).isEqualTo(5);
    List<String> refused = new ArrayList<>();
    j.get("refused")
        .forEach(f -> refused.add(f.get("path").asText() + " " + f.get("reason").asText()));
    assertThat(refused)
        .containsExactly(
            "FSD50K.dev_audio/16401.wav label_not_in_vocabulary",
            "FSD50K.dev_audio/16402.wav missing",
            "FSD50K.dev_audio/16403.wav bad_metadata",
            "FSD50K.dev_audio/16404.wav empty",
            "FSD50K.dev_audio/16405.wav truncated");
    assertThat(j.get("refused").get(0).get("detail").asText()).contains("Banjo_typo");
  }

  @Test
  void tableReportNamesClassesSplitsAndRefusedFiles() throws IOException {
    Path root = tmp.resolve("ESC-50-master");
    DatasetFixtures.esc50(root);

    Run r =
        cli("dataset", "inspect", root.toString(), "--test-fold", "2", "--validation-fold", "3");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("esc50 (single-label)")
        .contains("10 accepted (train 6, validation 2, test 2), 5 refused")
        .containsPattern("dog\\s+3\\s+1\\s+1")
        .contains("audio/4-555-A-10.wav: not audio")
        .contains("../../outside.wav: path outside the dataset root")
        .contains("5-unlisted-A-0.wav");
  }

  @Test
  void badOptionsExitTwoNamingTheOptionAndTheValue() throws IOException {
    Path root = tmp.resolve("d");
    DatasetFixtures.wav(root.resolve("dog/a.wav"));

    Run layout = cli("dataset", "inspect", root.toString(), "--layout", "tfrecord");
    assertThat(layout.code()).isEqualTo(2);
    assertThat(layout.err()).contains("--layout").contains("tfrecord").contains("speech-commands");

    Run fold = cli("dataset", "inspect", root.toString(), "--layout", "esc50", "--test-fold", "7");
    assertThat(fold.code()).isEqualTo(2);
    assertThat(fold.err()).contains("--test-fold: must be in 1..5, found 7");

    Run same =
        cli("dataset", "inspect", root.toString(), "--test-fold", "2", "--validation-fold", "2");
    assertThat(same.code()).isEqualTo(2);
    assertThat(same.err()).contains("--validation-fold").contains("found 2");

    Run manifest = cli("dataset", "inspect", root.toString(), "--manifest", "../elsewhere.csv");
    assertThat(manifest.code()).isEqualTo(2);
    assertThat(manifest.err())
        .contains("--manifest: must be a file inside")
        .contains("../elsewhere.csv");

    Run threads = cli("dataset", "inspect", root.toString(), "--threads", "0");
    assertThat(threads.code()).isEqualTo(2);
    assertThat(threads.err()).contains("--threads");
  }

  @Test
  void aMissingOrNonFolderDirIsAUsageErrorAndUnreadableMetadataExitsOneWithAReason()
      throws IOException {
    Run missing = cli("dataset", "inspect", tmp.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains("DIR: must be a dataset folder")
        .contains("nope (does not exist)");

    Path file = Files.writeString(tmp.resolve("f.wav"), "x");
    Run notDir = cli("dataset", "inspect", file.toString());
    assertThat(notDir.code()).isEqualTo(2);
    assertThat(notDir.err()).contains("DIR: must be a dataset folder, found a file");

    Run viaSource = cli("dataset", "inspect", "--source", tmp.resolve("nope").toString());
    assertThat(viaSource.code()).isEqualTo(2);
    assertThat(viaSource.err()).contains("--source: must be a dataset folder");

    Run none = cli("dataset", "inspect");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("DIR: the dataset folder is required");

    Run noMeta = cli("dataset", "inspect", tmp.toString(), "--layout", "esc50");
    assertThat(noMeta.code()).isEqualTo(1);
    assertThat(noMeta.err()).contains("error: cannot read").contains("meta/esc50.csv");
  }

  @Test
  void describeGivesTheReasonNotJustThePath() {
    assertThat(DatasetSourceOptions.describe(new java.nio.file.NoSuchFileException("/a/b.csv")))
        .isEqualTo("not found: /a/b.csv");
    assertThat(DatasetSourceOptions.describe(new java.nio.file.NotDirectoryException("/a")))
        .isEqualTo("not a folder: /a");
    assertThat(DatasetSourceOptions.describe(new java.nio.file.AccessDeniedException("/a")))
        .isEqualTo("permission denied: /a");
  }

  @Test
  void cliJobRewritesOneLineOnATerminalAndIsSilentOtherwise() throws InterruptedException {
    java.io.StringWriter quiet = new java.io.StringWriter();
    try (CliJob job = CliJob.start(new java.io.PrintWriter(quiet), false, () -> {})) {
      Thread.sleep(600);
      job.progress(5, 10, "Probing");
    }
    assertThat(quiet.toString()).isEmpty();

    java.io.StringWriter tty = new java.io.StringWriter();
    try (CliJob job = CliJob.start(new java.io.PrintWriter(tty), true, () -> {})) {
      Thread.sleep(600);
      job.progress(5, 10, "Probing");
      job.progress(6, 10, "Probing"); // within half a second: not printed
    }
    assertThat(tty.toString())
        .startsWith("\rProbing  5/10 (50%)")
        .doesNotContain("6/10")
        .doesNotContain("\n")
        .endsWith("\r");
  }

  @Test
  void manifestOptionChoosesTheManifestAndTheLayout() throws IOException {
    Path root = tmp.resolve("m");
    DatasetFixtures.wav(root.resolve("a.wav"));
    DatasetFixtures.wav(root.resolve("b.wav"));
    DatasetFixtures.textFile(
        root.resolve("lists/all.csv"),
        "path,label,split",
        "../a.wav,dog;bark,train",
        "../b.wav,cat,test");

    Run r = cli("dataset", "inspect", root.toString(), "--manifest", "lists/all.csv", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = json(r);
    assertThat(j.get("layout").asText()).isEqualTo("manifest");
    assertThat(j.get("multiLabel").asBoolean()).isTrue();
    assertThat(j.get("perSplit").get("test").asInt()).isEqualTo(1);
  }

  @Test
  void registerRemembersTheDatasetInTheWorkspace() throws IOException {
    Path root = tmp.resolve("sc");
    DatasetFixtures.speechCommands(root);
    Path ws = tmp.resolve("ws");

    Run r =
        cli(
            "--workspace",
            ws.toString(),
            "dataset",
            "inspect",
            root.toString(),
            "--json",
            "--register",
            "My keywords");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("Registered as 'my-keywords'");
    assertThat(json(r).get("clips").asInt()).isEqualTo(6); // stdout stays pure JSON

    JsonNode registry = new ObjectMapper().readTree(ws.resolve("datasets.json").toFile());
    JsonNode d = registry.get("datasets").get(0);
    assertThat(d.get("id").asText()).isEqualTo("my-keywords");
    assertThat(d.get("layout").asText()).isEqualTo("speech-commands");
    assertThat(d.get("clips").asInt()).isEqualTo(6);
    assertThat(d.get("fingerprint").asText()).hasSize(64);

    // the inherited option also works after the subcommand
    Path ws2 = tmp.resolve("ws2");
    Run after =
        cli(
            "dataset",
            "inspect",
            root.toString(),
            "--register",
            "again",
            "--workspace",
            ws2.toString());
    assertThat(after.code()).as(after.err()).isZero();
    assertThat(ws2.resolve("datasets.json")).exists();
  }

  @Test
  void benchIndexRemovesItsTemporaryTreeOnCtrlC() throws Exception {
    Path where = Files.createDirectories(tmp.resolve("bench"));
    java.util.concurrent.atomic.AtomicReference<CliJob> made =
        new java.util.concurrent.atomic.AtomicReference<>();
    BenchIndexCommand.jobs =
        err -> {
          CliJob j = CliJob.start(err, false, () -> {});
          made.set(j);
          return j;
        };
    try {
      java.util.concurrent.atomic.AtomicReference<Run> result =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread command =
          new Thread(
              () ->
                  result.set(
                      cli(
                          "bench",
                          "index",
                          "--files",
                          "400000",
                          "--layout",
                          "folders",
                          "--dir",
                          where.toString())));
      command.start();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (made.get() == null || countFiles(where) < 200) {
        assertThat(System.nanoTime()).as("the tree is being generated").isLessThan(deadline);
        Thread.sleep(20);
      }
      made.get().interrupt(); // what the shutdown hook does on Ctrl-C: returns once cleaned up
      command.join(60_000);
      assertThat(result.get().code()).isEqualTo(1);
      assertThat(result.get().err()).contains("cancelled");
      try (var s = Files.list(where)) {
        assertThat(s.toList()).isEmpty();
      }
    } finally {
      BenchIndexCommand.jobs = CliJob::start;
    }
  }

  private static long countFiles(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.count();
    } catch (java.io.UncheckedIOException e) {
      return 0; // a file vanished mid-walk
    }
  }

  @Test
  void benchIndexGeneratesMeasuresAndCleansUp() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bench"));
    Run r =
        cli(
            "bench",
            "index",
            "--files",
            "300",
            "--dir",
            dir.toString(),
            "--repeats",
            "1",
            "--threads",
            "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("fsd50k: generated 300 tiny WAVs")
        .contains("folders: generated 300 tiny WAVs")
        .contains("300 clips, 0 refused")
        .contains("import report (header probe), 2 threads");
    try (var s = Files.list(dir)) {
      assertThat(s).isEmpty();
    }
    assertThat(cli("bench", "index", "--layout", "esc50").code()).isEqualTo(2);
  }
}
