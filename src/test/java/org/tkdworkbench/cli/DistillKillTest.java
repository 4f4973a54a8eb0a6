package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.Main;
import org.tkdworkbench.runs.RunInfo;
import org.tkdworkbench.runs.RunListing;
import org.tkdworkbench.runs.RunState;
import org.tkdworkbench.runs.RunStore;

/**
 * A real {@code distill} in a child JVM, killed with SIGKILL after its second epoch: the run folder
 * reads {@code interrupted}, every finished epoch's rows and checkpoint are there, and {@code
 * resume} trains the rest, each epoch exactly once.
 */
@Tag("engine")
class DistillKillTest {
  @TempDir Path tmp;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aKilledDistillationResumesWithoutLosingAFinishedEpoch() throws Exception {
    Path ds = ToneDataset.write(tmp.resolve("ds"));
    Path runs = tmp.resolve("runs");
    Path ws = tmp.resolve("ws");
    Path log = tmp.resolve("child.log");
    int epochs = 8;
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName(),
                "--workspace", ws.toString(),
                "distill", "--dataset", ds.toString(), "--student", "tc-resnet", "--lambda", "0.5",
                "--target", "energy", "--epochs", Integer.toString(epochs), "--batch-size", "2",
                "--runs", runs.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Path folder = null;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (true) {
        if (!child.isAlive()) {
          fail("distill exited with " + child.exitValue() + " before epoch 2 ended:\n" + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          fail("distill did not finish epoch 2 in 180 s:\n" + Files.readString(log));
        }
        List<RunListing> l = Files.isDirectory(runs) ? new RunStore(runs).list() : List.of();
        if (!l.isEmpty() && l.get(0).epoch() != null && l.get(0).epoch() >= 2) {
          folder = l.get(0).folder();
          break;
        }
        Thread.sleep(20);
      }
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
    } finally {
      child.destroyForcibly();
    }

    RunInfo killed = RunStore.read(folder);
    assertThat(killed.status().state()).isEqualTo(RunState.INTERRUPTED);
    int done = killed.status().epoch();
    assertThat(done).isBetween(2, epochs - 1);
    assertThat(killed.latestCheckpoint().orElseThrow().epoch()).isEqualTo(done);
    for (int e = 1; e <= done; e++) {
      String epoch = Integer.toString(e);
      assertThat(killed.metrics().rows().stream().filter(r -> r.text("epoch").equals(epoch)).map(r -> r.text("split")))
          .as("rows of finished epoch %d", e)
          .contains("train", "validation");
    }
    StringWriter list = new StringWriter();
    WorkbenchCommand.run(new PrintWriter(list), new PrintWriter(new StringWriter()), "runs", "list", "--runs", runs.toString());
    assertThat(list.toString()).contains("interrupted");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), "--workspace", ws.toString(), "resume", folder.toString());
    assertThat(code).as(err.toString()).isZero();
    RunInfo resumed = RunStore.read(folder);
    assertThat(resumed.status().state()).isEqualTo(RunState.FINISHED);
    List<String> trainEpochs =
        resumed.metrics().rows().stream().filter(r -> r.text("split").equals("train")).map(r -> r.text("epoch")).toList();
    assertThat(trainEpochs).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
    assertThat(resumed.summary().get("epochs_run").asInt()).isEqualTo(epochs);
  }
}
