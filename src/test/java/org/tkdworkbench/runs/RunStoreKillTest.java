package org.tkdworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9}: a child JVM ({@link KillableRun}) writes a run and is killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) in the middle of epoch 3. Nothing of epochs 1-2 may
 * be lost, the run must read as interrupted, and it must be resumable.
 */
@Tag("slow")
class RunStoreKillTest {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aKilledRunKeepsEveryFinishedEpochReadsInterruptedAndResumes() throws Exception {
    Path root = tmp.resolve("runs");
    Path ready = tmp.resolve("ready");
    Path log = tmp.resolve("child.log");
    String classpath = classpath();
    Process child =
        new ProcessBuilder(
                RunStoreTest.javaBin(),
                "-cp",
                classpath,
                KillableRun.class.getName(),
                root.toString(),
                ready.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      // Poll (no fixed sleep): the child is slow to start on a busy machine.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!Files.exists(ready)) {
        if (!child.isAlive()) {
          fail("the child exited with " + child.exitValue() + " before epoch 3:\n" + read(log));
        }
        if (System.nanoTime() > deadline) {
          fail("the child did not reach epoch 3 in 120 s:\n" + read(log));
        }
        Thread.sleep(50);
      }
      RunStore store = new RunStore(root);
      Path folder = store.list().get(0).folder();
      // Alive and holding its lock: running.
      assertThat(RunStore.read(folder).status().state()).isEqualTo(RunState.RUNNING);

      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
      if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
      }

      RunInfo info = RunStore.read(folder);
      assertThat(info.status().state()).isEqualTo(RunState.INTERRUPTED);
      assertThat(info.status().epoch()).isEqualTo(2);
      assertThat(info.status().bestEpoch()).isEqualTo(2);
      assertThat(store.list())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.ok()).isTrue();
                assertThat(l.state()).isEqualTo(RunState.INTERRUPTED);
                assertThat(l.student()).isEqualTo("lstm-p");
              });
      for (int epoch = 1; epoch <= 2; epoch++) {
        int e = epoch;
        List<MetricRow> rows =
            info.metrics().rows().stream().filter(r -> r.number("epoch") == e).toList();
        assertThat(rows)
            .extracting(r -> r.text("split"))
            .as("epoch %d", e)
            .containsExactly("train", "train", "train", "validation");
      }
      assertThat(info.metrics().rows().stream().filter(r -> r.number("epoch") == 3))
          .as("epoch 3's training rows were flushed before the kill")
          .hasSize(KillableRun.STEPS);
      assertThat(info.latestCheckpoint().orElseThrow().epoch()).isEqualTo(2);
      assertThat(Files.readString(info.latestCheckpoint().orElseThrow().folder().resolve("params")))
          .isEqualTo("epoch 2");
      assertThat(hidden(folder.resolve("checkpoints")))
          .as("the half-written epoch 3 is left hidden")
          .anyMatch(n -> n.startsWith(".epoch-0003.tmp-"));

      try (RunWriter w = store.reopen(folder)) {
        assertThat(hidden(folder.resolve("checkpoints"))).isEmpty();
        assertThat(w.latestCheckpoint()).get().extracting(Checkpoint::epoch).isEqualTo(2);
        assertThat(RunStore.read(folder).status().state()).isEqualTo(RunState.RUNNING);
        assertThat(w.rewindTo(2)).isEqualTo(KillableRun.STEPS);
        for (int step = 1; step <= KillableRun.STEPS; step++) {
          w.appendMetrics(KillableRun.row(3, step, "train", 0.2));
        }
        w.epochFinished(3, 0.8, true);
        w.saveCheckpoint(3, dir -> Files.writeString(dir.resolve("params"), "epoch 3"));
        w.finish();
      }
      RunInfo resumed = RunStore.read(folder);
      assertThat(resumed.status().state()).isEqualTo(RunState.FINISHED);
      assertThat(resumed.status().resumes()).isEqualTo(1);
      assertThat(resumed.metrics().rows()).hasSize(2 * (KillableRun.STEPS + 1) + KillableRun.STEPS);
      assertThat(resumed.metrics().tornLastLine()).isFalse();
      assertThat(resumed.latestCheckpoint().orElseThrow().epoch()).isEqualTo(3);
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void readingInTheWritersJvmNeverFreesItsLockForOtherProcesses() throws Exception {
    // POSIX locks belong to the process: closing any channel on the lock file would drop the
    // writer's lock. Read here many times, then ask another process.
    RunStore store = new RunStore(tmp.resolve("runs"));
    try (RunWriter w = store.create("live", java.util.Map.of(), KillableRun.COLUMNS)) {
      for (int i = 0; i < 20; i++) {
        assertThat(RunStore.read(w.folder()).status().state()).isEqualTo(RunState.RUNNING);
        assertThat(store.list())
            .singleElement()
            .extracting(RunListing::state)
            .isEqualTo(RunState.RUNNING);
      }
      assertThat(stateSeenByAnotherProcess(w.folder())).isEqualTo("running");
    }
    Path folder = store.list().get(0).folder();
    assertThat(stateSeenByAnotherProcess(folder)).isEqualTo("interrupted");
  }

  private String stateSeenByAnotherProcess(Path folder) throws Exception {
    Path log = Files.createTempFile(tmp, "state", ".log");
    Process p =
        new ProcessBuilder(
                RunStoreTest.javaBin(),
                "-cp",
                classpath(),
                PrintState.class.getName(),
                folder.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the reader finished").isTrue();
    } finally {
      p.destroyForcibly();
    }
    String out = read(log);
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().filter(l -> l.startsWith("state=")).findFirst().orElse(out).substring(6);
  }

  private static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  private static List<String> hidden(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
    }
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no output)";
    } catch (IOException e) {
      return "(output unreadable: " + e + ")";
    }
  }
}
