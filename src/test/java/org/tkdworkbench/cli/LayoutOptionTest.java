package org.tkdworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that takes --layout accepts and refuses the same words, with the same message. */
class LayoutOptionTest {
  @TempDir Path tmp;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkbenchCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {Integer.toString(code), err.toString()};
  }

  @Test
  void anUnknownLayoutIsTheSameUsageErrorEverywhere() {
    String d = tmp.toString();
    String[][] runs = {
      run("dataset", "inspect", d, "--layout", "esc-51"),
      run("dataset", "features", d, "--layout", "esc-51"),
      run("teacher", "train", "--dataset", d, "--layout", "esc-51"),
      run("teacher", "evaluate", "--knowledge", d, "--dataset", d, "--layout", "esc-51"),
    };
    for (String[] r : runs) {
      assertThat(r[0]).as(r[1]).isEqualTo("2");
      assertThat(r[1])
          .contains("--layout: must be one of auto, folders, speech-commands, esc50, fsd50k, manifest")
          .contains("esc-51");
    }
  }
}
