package org.tkdworkbench.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens a saved teacher folder ({@code spec.json} + parameters) as an {@link AttentionTeacher}.
 *
 * <p>CONTRACT PLACEHOLDER: the teacher work fills it in.
 */
public final class TeacherStore {
  private TeacherStore() {}

  /** Loads the teacher in {@code folder}; the message names the file and the problem if it can't. */
  public static AttentionTeacher load(Path folder) throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }

  /** Reads only {@code spec.json}. */
  public static TeacherSpec readSpec(Path folder) throws IOException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
