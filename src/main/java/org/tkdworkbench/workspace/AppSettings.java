package org.tkdworkbench.workspace;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The app's settings that outlive a session, one small JSON file per user, outside the workspace
 * (it says where the workspace is): {@code $XDG_CONFIG_HOME/tkd-workbench/settings.json}, else
 * {@code ~/.config/tkd-workbench/settings.json}, or the file the system property {@value
 * #FILE_PROPERTY} names.
 *
 * <p>A missing file is the defaults (a first start). A file that cannot be read or parsed is the
 * defaults too, with {@link Loaded#problem()} naming the file and what is wrong; it is left as it
 * is until the user saves settings again, so nothing is lost by looking. Unknown fields are
 * ignored (a newer version's additions).
 *
 * @param workspace the workspace folder chosen in Settings, or null for the default
 * @param showGuide whether the getting-started guide is shown (dismissing it turns this off)
 * @param engine the DJL engine for new runs and teachers ({@code MXNet}, {@code PyTorch}), or null
 *     for the default
 */
public record AppSettings(
    @JsonProperty("workspace") String workspace,
    @JsonProperty("show_guide") Boolean showGuide,
    @JsonProperty("engine") String engine) {

  /** A file without {@code show_guide} (written by hand, or by an older version) shows the guide. */
  public AppSettings {
    showGuide = showGuide == null ? Boolean.TRUE : showGuide;
  }

  /** The app's folder under the user's configuration folder. */
  public static final String FOLDER = "tkd-workbench";

  /** The settings of a first start: default workspace, guide shown. */
  public static AppSettings defaults() {
    return new AppSettings(null, true, null);
  }

  /** System property naming another settings file (the tests use it to leave the user's alone). */
  public static final String FILE_PROPERTY = "tkd.settings.file";

  /** The settings file for this user: {@value #FILE_PROPERTY} if set, else from the environment. */
  public static Path defaultFile() {
    String explicit = System.getProperty(FILE_PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit.trim());
    }
    return defaultFile(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The settings file for an environment and a home folder (XDG base directories). */
  public static Path defaultFile(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isBlank() && Path.of(xdg.trim()).isAbsolute() ? Path.of(xdg.trim()) : home.resolve(".config");
    return config.resolve(FOLDER).resolve("settings.json");
  }

  public AppSettings withWorkspace(String folder) {
    return new AppSettings(folder == null || folder.isBlank() ? null : folder.strip(), showGuide, engine);
  }

  public AppSettings withShowGuide(boolean show) {
    return new AppSettings(workspace, show, engine);
  }

  public AppSettings withEngine(String name) {
    return new AppSettings(workspace, showGuide, name);
  }

  /**
   * Settings as read.
   *
   * @param settings what to use (the defaults when the file is missing or unreadable)
   * @param problem null, or a sentence naming the file and what is wrong with it
   */
  public record Loaded(AppSettings settings, String problem) {}

  /** Reads {@code file}; never throws for a bad file (see the class comment). */
  public static Loaded load(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      AppSettings s = Json.tolerant().readValue(bytes, AppSettings.class);
      return new Loaded(s == null ? defaults() : s, null);
    } catch (NoSuchFileException e) {
      return new Loaded(defaults(), null);
    } catch (JsonProcessingException e) {
      return new Loaded(defaults(), "Settings file " + file + " is not valid settings JSON (" + e.getOriginalMessage()
          + "); using the defaults until settings are saved again");
    } catch (IOException e) {
      return new Loaded(defaults(), "Cannot read the settings file " + file + ": " + e.getMessage() + "; using the defaults");
    }
  }

  /** Writes the settings to {@code file} atomically (a crash leaves the old file or the new one). */
  public void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    AtomicFiles.write(file, out -> {
      out.write(json);
      out.write('\n');
    });
  }
}
