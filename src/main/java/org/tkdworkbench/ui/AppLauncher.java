package org.tkdworkbench.ui;

/** Starts the JavaFX application. CONTRACT PLACEHOLDER: the UI work fills it in. */
public final class AppLauncher {
  private AppLauncher() {}

  public static void launch(String[] args) {
    throw new UnsupportedOperationException("the app is not built yet");
  }
}
