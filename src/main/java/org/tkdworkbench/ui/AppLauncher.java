package org.tkdworkbench.ui;

import javafx.application.Application;

/**
 * Starts the JavaFX application from a class that does not extend {@link Application}: a
 * plain-classpath jar whose main class extends it fails with "JavaFX runtime components are
 * missing" (STACK.md).
 */
public final class AppLauncher {
  private AppLauncher() {}

  /** Opens the app window; returns when it is closed. Takes {@code --workspace}, {@code --dataset}. */
  public static void launch(String[] args) {
    Application.launch(WorkbenchApp.class, args);
  }
}
