package org.tkdworkbench.ui.inspector;

import java.nio.file.Path;
import java.util.List;
import org.tkdworkbench.models.AttentionTeacher;

/**
 * Where the inspector finds teachers: the teacher folders of the workspace, and opening one. Both
 * are called inside background jobs. Tests supply a fake that returns hand-made attention.
 */
public interface TeacherSource {
  /** Teacher folders that hold a {@code spec.json}, sorted by name. */
  List<Path> list() throws Exception;

  /** Opens a teacher folder; the exception's message is shown to the user as is. */
  AttentionTeacher open(Path folder) throws Exception;
}
