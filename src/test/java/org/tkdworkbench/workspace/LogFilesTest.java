package org.tkdworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The app's log file in the workspace: written, with stack traces, and moved with the workspace. */
class LogFilesTest {
  @TempDir Path tmp;

  @org.junit.jupiter.api.AfterEach
  void detach() {
    LogFiles.detach();
  }

  @Test
  void infoAndErrorsWithTheirStackGoToTheWorkspacesLogFile() throws Exception {
    Logger log = LoggerFactory.getLogger("org.tkdworkbench.LogFilesTest");
    Path first = LogFiles.attach(new Workspace(tmp.resolve("ws1")));
    assertThat(first).isEqualTo(tmp.resolve("ws1/logs/tkd-workbench.log"));
    log.info("first line {}", 1);
    log.error("it broke", new IllegalStateException("the cause"));
    String text = Files.readString(first);
    assertThat(text).contains("INFO").contains("first line 1");
    assertThat(text).contains("ERROR").contains("it broke").contains("IllegalStateException: the cause")
        .contains("at org.tkdworkbench.workspace.LogFilesTest");

    Path second = LogFiles.attach(new Workspace(tmp.resolve("ws2")));
    log.info("second line");
    assertThat(Files.readString(second)).contains("second line");
    assertThat(Files.readString(first)).as("the old workspace's file is no longer written").doesNotContain("second line");
  }
}
