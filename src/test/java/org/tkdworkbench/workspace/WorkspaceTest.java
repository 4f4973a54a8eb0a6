package org.tkdworkbench.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path tmp;

  @Test
  void explicitFolderWinsOverEnvironmentAndHome() {
    Workspace ws = Workspace.resolve(tmp.resolve("a"), Map.of("TKD_WORKSPACE", "/elsewhere"), tmp);
    assertThat(ws.root()).isEqualTo(tmp.resolve("a"));
  }

  @Test
  void environmentWinsOverHome() {
    Workspace ws = Workspace.resolve(null, Map.of("TKD_WORKSPACE", tmp.resolve("env").toString()), tmp);
    assertThat(ws.root()).isEqualTo(tmp.resolve("env"));
  }

  @Test
  void defaultIsAFolderInHomeAndResolvingWritesNothing() {
    Workspace ws = Workspace.resolve(null, Map.of(), tmp);
    assertThat(ws.root()).isEqualTo(tmp.resolve("tkd-workspace"));
    assertThat(ws.root()).doesNotExist();
  }

  @Test
  void atomicWriteReplacesWholeFileOrNothing() throws IOException {
    Path f = tmp.resolve("out/data.csv");
    AtomicFiles.write(f, "old".getBytes());
    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    f,
                    out -> {
                      out.write("half".getBytes());
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(f)).isEqualTo("old");
    try (var s = Files.list(f.getParent())) {
      assertThat(s).containsExactly(f); // no temp file left behind
    }
    AtomicFiles.write(f, "new".getBytes());
    assertThat(Files.readString(f)).isEqualTo("new");
  }

  @Test
  void atomicWriteKeepsTheTargetsPermissions() throws IOException {
    Path f = tmp.resolve("shared.csv");
    Files.writeString(f, "v1");
    var perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--");
    Files.setPosixFilePermissions(f, perms);
    AtomicFiles.write(f, "v2".getBytes());
    assertThat(Files.getPosixFilePermissions(f)).isEqualTo(perms);
    assertThat(Files.readString(f)).isEqualTo("v2");
  }

  @Test
  void describeGivesAReasonNotJustAPath() {
    assertThat(AtomicFiles.describe(new java.nio.file.AccessDeniedException("/x/y")))
        .contains("permission denied").contains("/x/y");
    assertThat(AtomicFiles.describe(new java.nio.file.NoSuchFileException("/x/y")))
        .contains("no such file").contains("/x/y");
    assertThat(AtomicFiles.describe(new java.nio.file.FileAlreadyExistsException("/x")))
        .contains("in the way");
  }
}
