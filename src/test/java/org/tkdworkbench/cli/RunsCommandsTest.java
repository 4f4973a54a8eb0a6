package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.runs.RunStore;
import org.tkdworkbench.runs.RunWriter;

/** {@code runs list} and {@code runs show} on run folders written through the store. */
class RunsCommandsTest {
  static final List<String> COLUMNS = List.of("epoch", "step", "split", "loss", "accuracy");

  @TempDir Path tmp;
  Path root;
  Path finished;
  Path interrupted;
  Path corrupt;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @BeforeEach
  void runs() throws IOException {
    root = tmp.resolve("ws/runs");
    RunStore store = new RunStore(root);
    try (RunWriter w = store.create("lstm-p-l0.25", config("lstm-p", 0.25, 1), COLUMNS)) {
      finished = w.folder();
      w.start(3, "val_accuracy");
      for (int e = 1; e <= 3; e++) {
        w.appendMetrics(Map.of("epoch", e, "step", e * 10, "split", "train", "loss", 1.0 / e));
        w.appendMetrics(Map.of("epoch", e, "split", "validation", "accuracy", 0.5 + 0.1 * e));
        w.epochFinished(e, 0.5 + 0.1 * e, e == 2);
      }
      w.writeSummary(Map.of("best_epoch", 2, "test_accuracy", 0.6875));
      w.finish();
    }
    try (RunWriter w = store.create("tc-resnet-l0", config("tc-resnet", 0, 2), COLUMNS)) {
      interrupted = w.folder();
      w.start(10, "val_accuracy");
      w.appendMetrics(Map.of("epoch", 1, "split", "train", "loss", 2.5));
      w.epochFinished(1, 0.4, true);
      // closed without finish(): the process "died"
    }
    corrupt = Files.createDirectories(root.resolve("zz-broken"));
    Files.writeString(corrupt.resolve("run.json"), "{\"student\": ");
  }

  private static Map<String, Object> config(String student, double lambda, long seed) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("student", student);
    c.put("lambda", lambda);
    c.put("seed", seed);
    return c;
  }

  @Test
  void listShowsOneLinePerRunAndTheBrokenOneWithItsError() {
    String[] r = run("runs", "list", "--runs", root.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> lines = r[1].lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).split("\\s+"))
        .containsExactly("FOLDER", "STATE", "STUDENT", "LAMBDA", "SEED", "EPOCH", "BEST");
    assertThat(lines.get(1).split("\\s+"))
        .containsExactly(
            finished.getFileName().toString(),
            "finished",
            "lstm-p",
            "0.25",
            "1",
            "3/3",
            "0.7000",
            "val_accuracy",
            "@2");
    assertThat(lines.get(2).split("\\s+"))
        .containsExactly(
            interrupted.getFileName().toString(),
            "interrupted",
            "tc-resnet",
            "0",
            "2",
            "1/10",
            "0.4000",
            "val_accuracy",
            "@1");
    assertThat(lines.get(3))
        .startsWith("zz-broken")
        .contains(" error ", "run.json: not valid JSON", "status.json: missing");
    assertThat(r[2]).contains("1 of 3 run folders could not be read");
  }

  @Test
  void listDefaultsToTheWorkspacesRunsFolder() {
    String[] r = run("runs", "list", "--workspace", tmp.resolve("ws").toString());
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains(finished.getFileName().toString(), "zz-broken");

    String[] empty = run("runs", "list", "--workspace", tmp.resolve("elsewhere").toString());
    assertThat(empty[0]).isEqualTo("0");
    assertThat(empty[1])
        .startsWith("no runs in ")
        .contains(tmp.resolve("elsewhere/runs").toString());
  }

  @Test
  void showPrintsStatusConfigLastRowsAndSummary() {
    String[] r = run("runs", "show", finished.toString(), "--last", "2");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    String out = r[1];
    assertThat(out)
        .contains("state: finished")
        .contains("epoch: 3/3")
        .contains("best: epoch 2, val_accuracy 0.7000")
        .contains("\"student\" : \"lstm-p\"")
        .contains("metrics (metrics.csv): 6 rows, the last 2:")
        .contains("\"test_accuracy\" : 0.6875")
        .contains("student: not exported");
    List<String> lines = out.lines().toList();
    int header =
        lines.indexOf(
            lines.stream().filter(l -> l.startsWith("epoch  step")).findFirst().orElseThrow());
    assertThat(lines.get(header + 1).split("\\s+"))
        .containsExactly("3", "30", "train", "0.3333333333333333");
    assertThat(lines.get(header + 2).split("\\s+")).containsExactly("3", "validation", "0.8");
  }

  @Test
  void showFindsARunByNameAndSaysInterrupted() {
    String[] r =
        run("runs", "show", interrupted.getFileName().toString(), "--runs", root.toString());
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1])
        .contains("state: interrupted (status.json says running, but its writer is gone");
    assertThat(r[1]).contains("summary: none yet");
  }

  @Test
  void showFailsWithTheFileAndProblemOrExits2OnBadUsage() {
    String[] broken = run("runs", "show", corrupt.toString());
    assertThat(broken[0]).isEqualTo("1");
    assertThat(broken[2]).contains("run.json").contains("not valid JSON");

    String[] missing = run("runs", "show", "no-such-run", "--runs", root.toString());
    assertThat(missing[0]).isEqualTo("1");
    assertThat(missing[2]).contains("no run folder no-such-run");

    String[] usage = run("runs", "show", finished.toString(), "--last", "-1");
    assertThat(usage[0]).isEqualTo("2");
    assertThat(usage[2]).contains("--last");

    String[] noArg = run("runs", "show");
    assertThat(noArg[0]).isEqualTo("2");
    String[] noSub = run("runs");
    assertThat(noSub[0]).isEqualTo("2");
  }
}
