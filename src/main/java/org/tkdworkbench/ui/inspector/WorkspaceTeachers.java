package org.tkdworkbench.ui.inspector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.models.TeacherStore;

/**
 * The app's teacher source: sub-folders of {@code <workspace>/teachers}, opened by the core's
 * {@link TeacherStore}.
 */
public final class WorkspaceTeachers implements TeacherSource {
  /** The file that marks a folder as a teacher. */
  public static final String SPEC_FILE = "spec.json";

  private final Path folder;

  public WorkspaceTeachers(Path teachersFolder) {
    this.folder = teachersFolder;
  }

  @Override
  public List<Path> list() throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(SPEC_FILE)))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  @Override
  public AttentionTeacher open(Path teacher) throws IOException {
    if (!Files.isRegularFile(teacher.resolve(SPEC_FILE))) {
      throw new IOException(teacher + " is not a teacher folder: it has no " + SPEC_FILE);
    }
    return TeacherStore.load(teacher);
  }
}
