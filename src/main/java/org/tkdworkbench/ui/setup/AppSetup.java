package org.tkdworkbench.ui.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.models.Engines;
import org.tkdworkbench.ui.shell.ShellView;
import org.tkdworkbench.workspace.AppSettings;
import org.tkdworkbench.workspace.LogFiles;
import org.tkdworkbench.workspace.Workspace;

/**
 * What the app settles before its first window: the settings file, the workspace it points to
 * (created on the first start, and said so), the log file in it; then, once the shell exists,
 * the Settings and About buttons and the getting-started guide. Nothing here stops the app: a
 * settings file or workspace that cannot be read or made is a sentence in {@link #problems()}.
 */
public final class AppSetup {
  private static final Logger LOG = LoggerFactory.getLogger(AppSetup.class);

  private final Path settingsFile;
  private AppSettings settings;
  private final Workspace workspace;
  private final boolean firstStart;
  private Path logFile;
  private final List<String> problems = new ArrayList<>();

  /**
   * @param explicitWorkspace {@code --workspace}, or null
   * @param settingsFile the settings file ({@link AppSettings#defaultFile()} in the app)
   */
  public AppSetup(Path explicitWorkspace, Path settingsFile) {
    this.settingsFile = settingsFile;
    AppSettings.Loaded loaded = AppSettings.load(settingsFile);
    settings = loaded.settings();
    if (loaded.problem() != null) {
      problems.add(loaded.problem());
    }
    applyEngine(settings.engine());
    workspace = Workspace.resolve(explicitWorkspace, System.getenv(), Path.of(System.getProperty("user.home")), settings.workspace());
    firstStart = !Files.isDirectory(workspace.root());
    try {
      Files.createDirectories(workspace.root());
    } catch (IOException | RuntimeException e) {
      problems.add("Cannot create the workspace folder " + workspace.root() + ": " + e.getMessage());
    }
    try {
      logFile = LogFiles.attach(workspace);
      LOG.info("TKD Workbench {} started; workspace {} ({})", org.tkdworkbench.BuildInfo.version(), workspace.root(),
          firstStart ? "created now" : "existing");
    } catch (IOException | RuntimeException e) {
      problems.add("Cannot write the log in " + workspace.logs() + ": " + e.getMessage());
    }
    logProblems();
  }

  /** Makes the settings' engine the one new work uses; a name this build lacks is a problem, MXNet stays. */
  private void applyEngine(String engine) {
    if (engine == null) {
      return;
    }
    try {
      Engines.select(engine);
    } catch (IllegalArgumentException e) {
      problems.add("Settings file " + settingsFile + ": " + e.getMessage() + "; using " + Engines.current());
    }
  }

  public Workspace workspace() {
    return workspace;
  }

  private void logProblems() {
    problems.forEach(p -> LOG.warn("{}", p));
  }

  /** The log file, or null when it could not be made. */
  public Path logFile() {
    return logFile;
  }

  public AppSettings settings() {
    return settings;
  }

  /** Whether this start created the workspace folder. */
  public boolean firstStart() {
    return firstStart;
  }

  /** Sentences about what could not be read or made (empty when all went well). */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** The status line's first words: where the work goes. */
  public String greeting() {
    return (firstStart ? "Created the workspace " : "Workspace ") + workspace.root()
        + (firstStart ? " (change it in Settings)" : "");
  }

  /** Adds Settings and About to the navigation and shows the guide unless it was hidden. */
  public void install(ShellView shell, Supplier<Window> owner, JobRunner jobs) {
    Button settingsButton = new Button("Settings…");
    settingsButton.setId("openSettings");
    Button about = new Button("About…");
    about.setId("openAbout");
    for (Button b : List.of(settingsButton, about)) {
      b.getStyleClass().add("nav-footer-button");
      b.setMaxWidth(Double.MAX_VALUE);
    }
    about.setOnAction(e -> AboutDialog.show(owner.get(), jobs, workspace.root(), logFile));
    GettingStarted guide = new GettingStarted(shell::show, () -> {
      shell.setBanner(null);
      save(settings.withShowGuide(false), owner);
    });
    settingsButton.setOnAction(e -> SettingsDialog.showAndWait(owner.get(), settings, workspace.root(),
            Workspace.defaultRoot(Path.of(System.getProperty("user.home"))))
        .ifPresent(s -> {
          if (s.engine() != null && !s.engine().equals(Engines.current())) {
            applyEngine(s.engine());
            LOG.info("engine for new runs and teachers: {}", Engines.current());
          }
          save(s, owner);
          shell.setBanner(s.showGuide() ? guide.root() : null);
        }));
    // Where the work goes, always in sight: the folder's name, the whole path on hover.
    javafx.scene.control.Label where = new javafx.scene.control.Label("Workspace: " + workspace.root().getFileName());
    where.setId("workspaceLabel");
    where.getStyleClass().add("muted");
    where.setWrapText(true);
    where.setPadding(new javafx.geometry.Insets(4, 6, 2, 6));
    where.setTooltip(new javafx.scene.control.Tooltip(workspace.root().toString()));
    shell.addFooter(where, settingsButton, about);
    if (settings.showGuide()) {
      shell.setBanner(guide.root());
    }
  }

  /** Saves and remembers the settings; a file that cannot be written is an error dialog naming it. */
  void save(AppSettings s, Supplier<Window> owner) {
    try {
      s.save(settingsFile);
      settings = s;
    } catch (IOException | RuntimeException e) {
      Alert a = new Alert(Alert.AlertType.ERROR, "Cannot save the settings to " + settingsFile + ": " + e.getMessage());
      if (owner.get() != null) {
        a.initOwner(owner.get());
      }
      a.show();
    }
  }
}
