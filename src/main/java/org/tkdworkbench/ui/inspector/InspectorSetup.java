package org.tkdworkbench.ui.inspector;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.stage.Window;
import org.tkdworkbench.workspace.Workspace;

/**
 * What the app's composition root gives the inspector besides the shared services: where teachers
 * come from, the attention math and how the PNG's file is chosen. Tests replace them (a fake
 * teacher, a fixed export path).
 *
 * @param teachers the teacher folders and how to open one
 * @param maps rollout and head fusion
 * @param saveChooser asks for the PNG's path; null for the standard file chooser
 */
public record InspectorSetup(
    TeacherSource teachers, AttentionMaps maps, Function<Window, Path> saveChooser) {

  /** The app's setup: {@code <workspace>/teachers}, the core's rollout, a file chooser. */
  public static InspectorSetup of(Workspace workspace) {
    return new InspectorSetup(
        new WorkspaceTeachers(workspace.teachers()), AttentionMaps.CORE, null);
  }
}
