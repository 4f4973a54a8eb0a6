package org.tkdworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.workspace.Json;

/** The run folder format (DESIGN §4) written by {@link RunWriter} and read by {@link RunStore}. */
class RunStoreTest {
  static final List<String> COLUMNS =
      List.of(
          "epoch", "step", "split", "loss", "loss_cls", "loss_att", "accuracy", "lr", "seconds");

  @TempDir Path tmp;

  private static Map<String, Object> config(String student, double lambda, long seed) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("student", student);
    c.put("lambda", lambda);
    c.put("seed", seed);
    c.put("dataset", Map.of("fingerprint", "abc123"));
    return c;
  }

  private static Map<String, Object> row(int epoch, int step, String split, double loss) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("epoch", epoch);
    r.put("step", step);
    r.put("split", split);
    r.put("loss", loss);
    return r;
  }

  @Test
  void createAppendReadRoundTrip() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    RunStore store = new RunStore(tmp.resolve("runs"), 2, clock);
    Path folder;
    try (RunWriter w = store.create("lstm-p λ=0.25/s1", config("lstm-p", 0.25, 7), COLUMNS)) {
      folder = w.folder();
      w.start(3, "val_accuracy");
      for (int e = 1; e <= 3; e++) {
        w.appendMetrics(row(e, e * 10, "train", 1.0 / e));
        Map<String, Object> val = row(e, e * 10, "validation", 1.5 / e);
        val.put("accuracy", 0.5 + 0.1 * e);
        w.appendMetrics(val);
        w.epochFinished(e, 0.5 + 0.1 * e, e != 3);
      }
      w.writeSummary(Map.of("best_epoch", 2, "test_accuracy", 0.71, "test_map", Double.NaN));
      w.exportStudent(dir -> Files.writeString(dir.resolve("spec.json"), "{}"));
      w.finish();
    }
    assertThat(folder.getFileName().toString()).isEqualTo("20260102-030405-lstm-p-0.25-s1");
    try (RunWriter second = store.create("lstm-p λ=0.25/s1", config("x", 0, 1), COLUMNS)) {
      assertThat(second.folder().getFileName().toString())
          .isEqualTo("20260102-030405-lstm-p-0.25-s1-2");
    }

    RunInfo info = RunStore.read(folder);
    assertThat(info.config().get("student").asText()).isEqualTo("lstm-p");
    assertThat(info.config().get("lambda").asDouble()).isEqualTo(0.25);
    assertThat(info.config().at("/dataset/fingerprint").asText()).isEqualTo("abc123");
    RunStatus s = info.status();
    assertThat(s.state()).isEqualTo(RunState.FINISHED);
    assertThat(s.created()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(s.finished()).isNotNull();
    assertThat(s.epoch()).isEqualTo(3);
    assertThat(s.epochs()).isEqualTo(3);
    assertThat(s.bestEpoch()).isEqualTo(2);
    assertThat(s.bestMetric()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s.metric()).isEqualTo("val_accuracy");
    assertThat(s.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(info.metrics().columns()).isEqualTo(COLUMNS);
    assertThat(info.metrics().rows()).hasSize(6);
    MetricRow last = info.metrics().rows().get(5);
    assertThat(last.text("split")).isEqualTo("validation");
    assertThat(last.number("loss")).isEqualTo(0.5);
    assertThat(last.number("accuracy")).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(last.number("lr")).isNaN();
    assertThat(info.summary().get("test_accuracy").asDouble()).isEqualTo(0.71);
    assertThat(info.summary().get("test_map").isNull()).as("NaN is not JSON").isTrue();
    assertThat(info.student()).isEqualTo(folder.resolve("student"));
    assertThat(info.student().resolve("spec.json")).exists();
    assertThat(info.warnings()).isEmpty();

    // status.json is plain JSON with snake_case keys and ISO-8601 UTC times.
    JsonNode raw = Json.tolerant().readTree(folder.resolve("status.json").toFile());
    assertThat(raw.get("state").asText()).isEqualTo("finished");
    assertThat(raw.get("best_epoch").asInt()).isEqualTo(2);
    assertThat(raw.get("created").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(raw.has("error")).isTrue();

    List<RunListing> list = store.list();
    assertThat(list)
        .extracting(RunListing::name)
        .containsExactly("20260102-030405-lstm-p-0.25-s1", "20260102-030405-lstm-p-0.25-s1-2");
    RunListing first = list.get(0);
    assertThat(first.ok()).isTrue();
    assertThat(first.student()).isEqualTo("lstm-p");
    assertThat(first.lambda()).isEqualTo(0.25);
    assertThat(first.seed()).isEqualTo(7L);
    assertThat(first.state()).isEqualTo(RunState.FINISHED);
    // The second writer was closed without finish(): its run reads as interrupted.
    assertThat(list.get(1).state()).isEqualTo(RunState.INTERRUPTED);
  }

  @Test
  void theLogGetsOneTimedLinePerCallAndKeepsGrowingAcrossAResume() throws IOException {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    RunStore store = new RunStore(tmp, 2, clock);
    Path folder;
    try (RunWriter w = store.create("log", Map.of(), List.of("epoch"))) {
      folder = w.folder();
      w.log("loading features of 3 clips");
      w.log("two\nlines");
    }
    try (RunWriter w = store.reopen(folder)) {
      w.log("resuming after epoch 0");
    }
    assertThat(Files.readAllLines(folder.resolve(RunStore.LOG_FILE)))
        .containsExactly(
            "03:04:05 loading features of 3 clips", "03:04:05 two lines", "03:04:05 resuming after epoch 0");
  }

  @Test
  void metricsCsvIsPandasStyleWhateverTheDefaultLocale() throws IOException {
    Locale saved = Locale.getDefault();
    Path folder;
    Locale.setDefault(Locale.GERMANY); // decimal comma: must not leak into the file
    try (RunWriter w =
        new RunStore(tmp).create("csv", Map.of(), List.of("epoch", "split", "loss", "acc", "lr"))) {
      folder = w.folder();
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("epoch", 1);
      r.put("split", "train");
      r.put("loss", 0.5);
      r.put("acc", Double.NaN);
      r.put("lr", 1e-4);
      w.appendMetrics(r);
      w.appendMetrics(Map.of("epoch", 2, "split", "val, noisy \"b\"", "loss", 1234567.25f));
      w.appendMetrics(Map.of("epoch", 3, "loss", Double.POSITIVE_INFINITY));
      assertThatThrownBy(() -> w.appendMetrics(Map.of("epoch", 4, "los", 1.0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"los\"");
    } finally {
      Locale.setDefault(saved);
    }
    // Parsed here independently of MetricsLog, as pandas.read_csv would see it.
    List<String> lines = Files.readAllLines(folder.resolve("metrics.csv"), StandardCharsets.UTF_8);
    assertThat(lines)
        .containsExactly(
            "epoch,split,loss,acc,lr",
            "1,train,0.5,NaN,1.0E-4",
            "2,\"val, noisy \"\"b\"\"\",1234567.2,,",
            "3,,inf,,");
    String[] first = lines.get(1).split(",", -1);
    assertThat(Integer.parseInt(first[0])).isEqualTo(1);
    assertThat(Double.parseDouble(first[2])).isEqualTo(0.5);
    assertThat(Double.parseDouble(first[3])).isNaN();
    assertThat(Double.parseDouble(first[4])).isEqualTo(1e-4);
    assertThat(Files.readString(folder.resolve("metrics.csv"))).endsWith("\n").doesNotContain("\r");

    MetricsTable t = RunStore.read(folder).metrics();
    assertThat(t.rows().get(1).text("split")).isEqualTo("val, noisy \"b\"");
    assertThat(t.rows().get(2).number("loss")).isInfinite();
  }

  @Test
  void aTornLastLineIsIgnoredAndCutBeforeAppendingAgain() throws IOException {
    RunStore store = new RunStore(tmp);
    Path folder;
    try (RunWriter w = store.create("torn", Map.of(), COLUMNS)) {
      folder = w.folder();
      w.appendMetrics(row(1, 1, "train", 0.9));
      w.appendMetrics(row(1, 2, "train", 0.8));
    }
    Path csv = folder.resolve("metrics.csv");
    // What kill -9 in the middle of a write could leave: a row without its newline.
    Files.writeString(csv, "1,3,tra", StandardOpenOption.APPEND);

    MetricsTable t = RunStore.read(folder).metrics();
    assertThat(t.rows()).hasSize(2);
    assertThat(t.tornLastLine()).isTrue();
    assertThat(t.warnings()).isEmpty();
    assertThat(store.list().get(0).ok()).isTrue();

    try (RunWriter w = store.reopen(folder)) {
      w.appendMetrics(row(1, 3, "train", 0.7));
    }
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3)).startsWith("1,3,train,0.7,");
    MetricsTable again = RunStore.read(folder).metrics();
    assertThat(again.rows()).extracting(r -> r.number("step")).containsExactly(1.0, 2.0, 3.0);
    assertThat(again.tornLastLine()).isFalse();
  }

  @Test
  void aMalformedMiddleRowIsSkippedWithAWarningNamingItsLine() throws IOException {
    Path folder;
    try (RunWriter w = new RunStore(tmp).create("bad-row", Map.of(), List.of("epoch", "loss"))) {
      folder = w.folder();
      w.appendMetrics(Map.of("epoch", 1, "loss", 0.5));
    }
    Files.writeString(folder.resolve("metrics.csv"), "1,2,3\n2,0.4\n", StandardOpenOption.APPEND);
    RunInfo info = RunStore.read(folder);
    assertThat(info.metrics().rows()).extracting(r -> r.number("epoch")).containsExactly(1.0, 2.0);
    assertThat(info.warnings())
        .singleElement()
        .asString()
        .contains("metrics.csv", "line 3", "3 fields");
  }

  @Test
  void statusJsonIsNeverSeenHalfWritten() throws Exception {
    RunStore store = new RunStore(tmp);
    try (RunWriter w = store.create("atomic", Map.of("student", "crnn"), COLUMNS)) {
      Path status = w.folder().resolve("status.json");
      // A crash during a rewrite leaves AtomicFiles' temporary beside the real file: ignored.
      Files.writeString(w.folder().resolve(".status.json.5eed.tmp"), "{\"state\": \"fin");
      AtomicBoolean done = new AtomicBoolean();
      AtomicInteger reads = new AtomicInteger();
      List<String> bad = new ArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                while (!done.get()) {
                  try {
                    byte[] b = Files.readAllBytes(status);
                    Json.tolerant().readValue(b, RunStatus.class);
                    reads.incrementAndGet();
                  } catch (IOException e) {
                    synchronized (bad) {
                      bad.add(e.toString());
                    }
                  }
                }
              });
      reader.start();
      for (int e = 1; e <= 300; e++) {
        w.epochFinished(e, e, e % 7 == 0);
      }
      done.set(true);
      reader.join(10_000);
      assertThat(bad).isEmpty();
      assertThat(reads.get()).isPositive();
      assertThat(RunStore.read(w.folder()).status().state()).isEqualTo(RunState.RUNNING);
      assertThat(RunStore.read(w.folder()).status().epoch()).isEqualTo(300);
      assertThat(store.list()).singleElement().satisfies(l -> assertThat(l.ok()).isTrue());
    }
    Path folder = store.list().get(0).folder();
    store.reopen(folder).close();
    assertThat(folder.resolve(".status.json.5eed.tmp")).doesNotExist();
  }

  @Test
  void checkpointsKeepTheLastKAndTheBestAndOnlyCompleteOnesCount() throws IOException {
    RunStore store = new RunStore(tmp, 2);
    try (RunWriter w = store.create("ckpt", Map.of(), COLUMNS)) {
      for (int e = 1; e <= 6; e++) {
        int epoch = e;
        w.epochFinished(e, e == 2 ? 0.9 : 0.5, e == 2);
        Checkpoint c =
            w.saveCheckpoint(e, dir -> Files.writeString(dir.resolve("params"), "epoch " + epoch));
        assertThat(c.folder().getFileName().toString()).isEqualTo(String.format("epoch-%04d", e));
      }
      assertThat(w.checkpoints()).extracting(Checkpoint::epoch).containsExactly(2, 5, 6);
      assertThat(w.bestCheckpoint()).get().extracting(Checkpoint::epoch).isEqualTo(2);
      assertThat(w.latestCheckpoint()).get().extracting(Checkpoint::epoch).isEqualTo(6);

      // A save that fails halfway publishes nothing and leaves nothing.
      assertThatThrownBy(
              () ->
                  w.saveCheckpoint(
                      7,
                      dir -> {
                        Files.writeString(dir.resolve("params"), "half");
                        throw new IOException("disk full");
                      }))
          .hasMessage("disk full");
      try (Stream<Path> s = Files.list(w.folder().resolve("checkpoints"))) {
        assertThat(s.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("epoch-0002", "epoch-0005", "epoch-0006");
      }
      // Saving an epoch again replaces its folder whole.
      w.saveCheckpoint(6, dir -> Files.writeString(dir.resolve("other"), "again"));
      Path six = w.latestCheckpoint().orElseThrow().folder();
      try (Stream<Path> s = Files.list(six)) {
        assertThat(s.map(p -> p.getFileName().toString())).containsExactly("other");
      }
    }
    Path folder = store.list().get(0).folder();
    // What a kill during a save leaves: a hidden temporary folder with part of epoch 7.
    Path half = Files.createDirectories(folder.resolve("checkpoints/.epoch-0007.tmp-abc"));
    Files.writeString(half.resolve("params"), "half");
    assertThat(RunStore.read(folder).latestCheckpoint().orElseThrow().epoch()).isEqualTo(6);
    assertThat(RunStore.read(folder).checkpoints())
        .extracting(Checkpoint::epoch)
        .containsExactly(2, 5, 6);
    try (RunWriter w = store.reopen(folder)) {
      assertThat(half).doesNotExist();
      assertThat(w.latestCheckpoint()).get().extracting(Checkpoint::epoch).isEqualTo(6);
      // Retention carries over a resume: the best epoch (2) is still protected.
      w.saveCheckpoint(7, dir -> Files.writeString(dir.resolve("params"), "7"));
      assertThat(w.checkpoints()).extracting(Checkpoint::epoch).containsExactly(2, 6, 7);
    }
  }

  @Test
  void brokenRunsAreListedWithTheirFileAndProblemAndTheOthersListFine() throws IOException {
    RunStore store = new RunStore(tmp);
    Path good;
    try (RunWriter w =
        store.create("good", Map.of("student", "tc-resnet", "lambda", 0.1), COLUMNS)) {
      good = w.folder();
      w.finish();
    }
    Path corruptConfig = copyRun(good, "a-corrupt-config");
    Files.writeString(corruptConfig.resolve("run.json"), "{\"student\": \"lstm-p\", ");
    Path noStatus = copyRun(good, "b-no-status");
    Files.delete(noStatus.resolve("status.json"));
    Path metricsFolder = copyRun(good, "c-metrics-folder");
    Files.delete(metricsFolder.resolve("metrics.csv"));
    Files.createDirectories(metricsFolder.resolve("metrics.csv/garbage"));
    Path binaryMetrics = copyRun(good, "d-binary-metrics");
    Files.write(
        binaryMetrics.resolve("metrics.csv"), new byte[] {(byte) 0xff, 0, 1, (byte) 0xfe, '\n'});
    Path badState = copyRun(good, "e-bad-state");
    Files.writeString(
        badState.resolve("status.json"),
        "{\"state\": \"sleeping\", \"created\": \"2026-01-01T00:00:00Z\"}");
    Path empty = Files.createDirectories(tmp.resolve("f-empty"));
    Files.createDirectories(tmp.resolve(".g.tmp-123")); // a run being created: not listed
    Files.writeString(tmp.resolve("notes.txt"), "not a run");

    List<RunListing> list = store.list();
    assertThat(list)
        .extracting(RunListing::name)
        .containsExactly(
            good.getFileName().toString(),
            "a-corrupt-config",
            "b-no-status",
            "c-metrics-folder",
            "d-binary-metrics",
            "e-bad-state",
            "f-empty");
    Map<String, RunListing> by = new LinkedHashMap<>();
    list.forEach(l -> by.put(l.name(), l));
    assertThat(by.get("a-corrupt-config").error()).startsWith("run.json: not valid JSON");
    assertThat(by.get("a-corrupt-config").state()).isEqualTo(RunState.FINISHED);
    assertThat(by.get("b-no-status").error()).startsWith("status.json: missing");
    assertThat(by.get("b-no-status").student()).isEqualTo("tc-resnet");
    assertThat(by.get("c-metrics-folder").error())
        .isEqualTo("metrics.csv: is a folder, expected a file");
    assertThat(by.get("d-binary-metrics").error())
        .startsWith("metrics.csv: ")
        .contains("not UTF-8");
    assertThat(by.get("e-bad-state").error())
        .startsWith("status.json: not a valid status")
        .contains("sleeping");
    assertThat(by.get("f-empty").error())
        .isEqualTo("not a run folder: no run.json, status.json or metrics.csv");
    RunListing ok = by.get(good.getFileName().toString());
    assertThat(ok.ok()).isTrue();
    assertThat(ok.state()).isEqualTo(RunState.FINISHED);
    assertThat(ok.lambda()).isEqualTo(0.1);

    assertThatThrownBy(() -> RunStore.read(corruptConfig))
        .isInstanceOf(RunFormatException.class)
        .hasMessageContaining(corruptConfig.resolve("run.json").toString())
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> RunStore.read(metricsFolder))
        .hasMessageContaining("metrics.csv: is a folder");
    assertThatThrownBy(() -> store.reopen(noStatus)).hasMessageContaining("status.json: missing");
    assertThat(empty).isEmptyDirectory();
  }

  private Path copyRun(Path from, String name) throws IOException {
    Path to = Files.createDirectories(from.resolveSibling(name));
    for (String f : List.of("run.json", "status.json", "metrics.csv")) {
      Files.copy(from.resolve(f), to.resolve(f));
    }
    return to;
  }

  @Test
  void aRunningStatusWithoutItsWriterReadsAsInterrupted() throws IOException {
    RunStore store = new RunStore(tmp);
    Path folder;
    try (RunWriter w = store.create("live", Map.of(), COLUMNS)) {
      folder = w.folder();
      assertThat(RunStore.read(folder).status().state()).isEqualTo(RunState.RUNNING);
      assertThatThrownBy(() -> store.reopen(folder))
          .hasMessageContaining("is being written by another writer");
      // The probe must not have released the live writer's lock.
      assertThat(RunStore.read(folder).status().state()).isEqualTo(RunState.RUNNING);
    }
    assertThat(RunStore.read(folder).status().state()).isEqualTo(RunState.INTERRUPTED);
    // The file itself still says running: interrupted is derived, never written.
    assertThat(Files.readString(folder.resolve("status.json"))).contains("\"running\"");
    try (RunWriter w = store.reopen(folder)) {
      assertThat(w.status().resumes()).isEqualTo(1);
      w.cancel();
    }
    assertThat(RunStore.read(folder).status().state()).isEqualTo(RunState.CANCELLED);
    try (RunWriter w = store.reopen(folder)) {
      w.fail("NaN loss at epoch 3");
    }
    RunStatus failed = RunStore.read(folder).status();
    assertThat(failed.state()).isEqualTo(RunState.FAILED);
    assertThat(failed.error()).isEqualTo("NaN loss at epoch 3");
    assertThat(failed.resumes()).isEqualTo(2);
  }

  @Test
  void withoutALockFileThePidAndHeartbeatDecide() throws Exception {
    Instant now = Instant.now();
    String here = RunLock.hostName();
    long me = ProcessHandle.current().pid();
    Process gone = new ProcessBuilder(javaBin(), "-version").redirectErrorStream(true).start();
    gone.getInputStream().readAllBytes();
    gone.waitFor();
    long parent = ProcessHandle.current().parent().orElseThrow().pid(); // alive: it runs us
    assertThat(RunReader.fallbackAlive(status(parent, here, now.minusSeconds(3600)), now)).isTrue();
    // This JVM's own pid: a live writer here would have been found without the file.
    assertThat(RunReader.fallbackAlive(status(me, here, now), now)).isFalse();
    assertThat(RunReader.fallbackAlive(status(gone.pid(), here, now), now)).isFalse();
    assertThat(RunReader.fallbackAlive(status(me, "another-host", now.minusSeconds(60)), now))
        .isTrue();
    assertThat(RunReader.fallbackAlive(status(me, "another-host", now.minusSeconds(3600)), now))
        .isFalse();

    // A run folder without a lock file (written by hand, or by another tool) uses the fallback.
    RunStore store = new RunStore(tmp);
    Path folder;
    try (RunWriter w = store.create("nolock", Map.of(), COLUMNS)) {
      folder = w.folder();
    }
    Files.delete(folder.resolve(".writer.lock"));
    assertThat(RunStore.read(folder).status().state()).isEqualTo(RunState.INTERRUPTED);
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static RunStatus status(long pid, String host, Instant heartbeat) {
    return new RunStatus(
        1,
        RunState.RUNNING,
        heartbeat,
        heartbeat,
        heartbeat,
        null,
        1,
        2,
        null,
        null,
        null,
        null,
        pid,
        host,
        heartbeat,
        0);
  }

  @Test
  void rewindToDropsLaterRowsCheckpointsAndBest() throws IOException {
    RunStore store = new RunStore(tmp, 5);
    try (RunWriter w = store.create("rewind", Map.of(), COLUMNS)) {
      for (int e = 1; e <= 3; e++) {
        w.appendMetrics(row(e, 1, "train", 1.0 / e));
        w.appendMetrics(row(e, 2, "train", 1.0 / e));
        w.epochFinished(e, e, e != 2);
        w.saveCheckpoint(e, dir -> Files.writeString(dir.resolve("p"), "x"));
      }
      w.appendMetrics(Map.of("split", "note")); // no epoch: kept
      assertThat(w.status().bestEpoch()).isEqualTo(3);
      assertThat(w.rewindTo(1)).isEqualTo(4);
      w.appendMetrics(row(2, 1, "train", 0.25));
      RunInfo info = RunStore.read(w.folder());
      assertThat(info.metrics().rows())
          .extracting(r -> r.text("epoch") + "/" + r.text("step"))
          .containsExactly("1/1", "1/2", "/", "2/1");
      assertThat(info.checkpoints()).extracting(Checkpoint::epoch).containsExactly(1);
      assertThat(info.status().epoch()).isEqualTo(1);
      assertThat(info.status().bestEpoch()).isNull();
      assertThat(info.status().bestMetric()).isNull();
    }
  }

  @Test
  void runsCreatedAtOnceInOneSecondGetDistinctFolders() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    RunStore store = new RunStore(tmp, 2, clock);
    int n = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Path>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  try (RunWriter w = store.create("same", Map.of(), COLUMNS)) {
                    w.finish();
                    return w.folder();
                  }
                }));
      }
      java.util.Set<Path> folders = new java.util.HashSet<>();
      for (var f : futures) {
        folders.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(folders).hasSize(n);
    } finally {
      pool.shutdownNow();
    }
    assertThat(store.list()).hasSize(n).allSatisfy(l -> assertThat(l.ok()).isTrue());
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("."))).isEmpty();
    }
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    RunStore store = new RunStore(tmp);
    assertThatThrownBy(() -> store.create("x", Map.of(), List.of("epoch", "epoch")))
        .hasMessageContaining("\"epoch\" appears twice");
    assertThatThrownBy(() -> store.create("x", Map.of(), List.of("a,b")))
        .hasMessageContaining("commas");
    assertThatThrownBy(() -> new RunStore(tmp, 0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> store.create("x", Map.of("lambda", Double.NaN), List.of("epoch")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("config.lambda: must be a finite number, found NaN");
    assertThat(RunStore.folderName(Instant.parse("2026-03-04T05:06:07Z"), "  ../..  "))
        .isEqualTo("20260304-050607-run");
  }
}
