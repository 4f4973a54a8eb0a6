package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("engine")
class BenchStudentsCommandTest {
  record Run(int code, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void printsCostLatencyAndStepRatePerStudent() {
    Run r = cli("bench", "train", "--student", "tc-resnet,crnn", "--frames", "20", "--mels", "8",
        "--classes", "3", "--batch", "2", "--steps", "1", "--runs", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("20 frames x 8 mels, 3 classes, preset small");
    assertThat(r.out().lines().filter(l -> l.startsWith("tc-resnet ") || l.startsWith("crnn ")).count()).isEqualTo(2);
    assertThat(r.out()).doesNotContain("lstm-p ");
    assertThat(r.out()).contains("samples/s").contains("peak RSS MB");
    // samples/s is steps/s × batch 2, and Linux reports a peak RSS in MB
    String row = r.out().lines().filter(l -> l.startsWith("tc-resnet ")).findFirst().orElseThrow();
    String[] f = row.trim().split("\\s+");
    assertThat(Double.parseDouble(f[6])).isCloseTo(2 * Double.parseDouble(f[5]), org.assertj.core.api.Assertions.within(0.11));
    assertThat(Long.parseLong(f[7])).isPositive();
    // the old name still works
    assertThat(cli("bench", "students", "--help").code()).isZero();
  }

  @Test
  void unknownStudentsAndTooShortClipsAreUsageErrors() {
    Run unknown = cli("bench", "students", "--student", "lstm");
    assertThat(unknown.code()).isEqualTo(WorkbenchCommand.EXIT_USAGE);
    assertThat(unknown.err()).contains("unknown student architecture 'lstm'").contains("lstm-p");
    Run shortClip = cli("bench", "students", "--student", "crnn", "--frames", "5");
    assertThat(shortClip.code()).isEqualTo(WorkbenchCommand.EXIT_USAGE);
    assertThat(shortClip.err()).contains("--frames: must be at least 7 for crnn, found 5");
  }
}
