package org.tkdworkbench.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTeachersTest {
  @TempDir Path tmp;

  @Test
  void listsOnlyFoldersWithASpecSortedByName() throws IOException {
    Path teachers = tmp.resolve("teachers");
    Files.createDirectories(teachers.resolve("zeta"));
    Files.writeString(teachers.resolve("zeta/spec.json"), "{}");
    Files.createDirectories(teachers.resolve("half-written"));
    Files.createDirectories(teachers.resolve("alpha"));
    Files.writeString(teachers.resolve("alpha/spec.json"), "{}");
    Files.writeString(teachers.resolve("notes.txt"), "not a folder");
    assertThat(new WorkspaceTeachers(teachers).list())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("alpha", "zeta");
  }

  @Test
  void noTeachersFolderYetIsAnEmptyList() throws IOException {
    assertThat(new WorkspaceTeachers(tmp.resolve("missing")).list()).isEmpty();
  }

  @Test
  void aFolderWithoutSpecIsRefusedWithASentence() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("photos"));
    assertThatThrownBy(() -> new WorkspaceTeachers(tmp).open(dir))
        .isInstanceOf(IOException.class)
        .hasMessage(dir + " is not a teacher folder: it has no spec.json");
  }
}
