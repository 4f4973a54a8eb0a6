package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.runs.RunStore;

class SweepCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void badGridsExitTwo() throws IOException {
    Path ds = ToneDataset.write(tmp.resolve("ds"));
    Run r = cli("sweep", "--dataset", ds.toString(), "--students", "tc-resnet,gpt", "--lambdas", "0,0.5",
        "--targets", "energy,loud", "--seeds", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--student:").contains("found 'loud'").contains("--seeds: must be in 1..100, found 0");
    r = cli("sweep", "--dataset", ds.toString(), "--students", "tc-resnet", "--lambdas", "0,0.5");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("teacher: this run needs the teacher's attention curves");
  }

  @Tag("engine")
  @Test
  void runsTheGridPrintsTable2AndReusesFinishedCells() throws IOException {
    Path ds = ToneDataset.write(tmp.resolve("ds"));
    Path runs = tmp.resolve("runs");
    String[] args = {"--workspace", tmp.resolve("ws").toString(), "sweep", "--dataset", ds.toString(),
        "--students", "tc-resnet", "--lambdas", "0,0.5", "--seeds", "2", "--targets", "energy,uniform",
        "--epochs", "1", "--batch-size", "8", "--runs", runs.toString()};
    Run r = cli(args);
    assertThat(r.code()).as(r.err()).isZero();
    // λ = 0 once per seed, λ = 0.5 per target and seed
    assertThat(r.err()).contains("Sweep: 6 runs").contains("6 runs (0 reused), 0 failed");
    assertThat(new RunStore(runs).list()).hasSize(6);
    assertThat(r.out())
        .contains("### accuracy (%), target energy")
        .contains("### accuracy (%), target uniform")
        .contains("| student | λ = 0 | λ = 0.5 |")
        .containsPattern("\\| tc-resnet \\| (\\*\\*)?[0-9.]+ ± [0-9.]+(\\*\\*)? \\|")
        .containsPattern("\\| tc-resnet \\| [+-][0-9.]+ \\(\\d/\\d/\\d\\) \\|");
    try (Stream<Path> s = Files.list(runs)) {
      List<String> files = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("sweep-")).toList();
      assertThat(files).anyMatch(n -> n.endsWith(".md")).anyMatch(n -> n.endsWith(".csv"));
    }

    Run again = cli(args);
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("6 runs (6 reused), 0 failed");
    assertThat(again.out()).isEqualTo(r.out());

    Run compare = cli("runs", "compare", "--runs", runs.toString());
    assertThat(compare.code()).isZero();
    assertThat(compare.out()).isEqualTo(r.out());
  }
}
