package org.tkdworkbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions baked in at build time (Maven filters {@code build.properties}). */
public final class BuildInfo {
  private static final Properties PROPS = load();

  private BuildInfo() {}

  /** The app's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return PROPS.getProperty("version", "unknown");
  }

  /** The DJL version the app was built against. */
  public static String djlVersion() {
    return PROPS.getProperty("djl.version", "unknown");
  }

  /** The JavaFX version the app was built against. */
  public static String javafxVersion() {
    return PROPS.getProperty("javafx.version", "unknown");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
