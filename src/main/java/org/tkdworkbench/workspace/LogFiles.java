package org.tkdworkbench.workspace;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's rolling log in the workspace: {@code <workspace>/logs/tkd-workbench.log}, INFO and up
 * from the app (WARN and up from DJL), rolled at {@value #MAX_SIZE} into {@code
 * tkd-workbench.1.log} … {@code tkd-workbench.3.log}, so it never grows without bound. The console
 * keeps its own quieter configuration ({@code logback.xml}); this adds a file beside it when the
 * app starts, because only then is the workspace known.
 */
public final class LogFiles {
  /** The live log file's name in {@link Workspace#logs()}. */
  public static final String FILE = "tkd-workbench.log";

  /** Size at which the file is rolled. */
  public static final String MAX_SIZE = "5MB";

  /** Rolled files kept. */
  public static final int KEEP = 3;

  private static final String APPENDER = "workspace-file";

  private LogFiles() {}

  /**
   * Starts logging to the workspace's log file (again, to the new folder, when called twice).
   *
   * @return the live log file
   * @throws IOException when the logs folder cannot be made
   */
  public static synchronized Path attach(Workspace workspace) throws IOException {
    Path dir = Files.createDirectories(workspace.logs());
    Path file = dir.resolve(FILE);
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return file; // another SLF4J backend: it has its own configuration
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    detach(root);

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36}: %msg%n%ex");
    encoder.start();

    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName(APPENDER);
    appender.setFile(file.toString());
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(dir.resolve("tkd-workbench.%i.log").toString());
    rolling.setMinIndex(1);
    rolling.setMaxIndex(KEEP);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf(MAX_SIZE));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder);
    // The console's threshold stays on its appender; the file wants INFO from our own code.
    ch.qos.logback.classic.filter.ThresholdFilter threshold = new ch.qos.logback.classic.filter.ThresholdFilter();
    threshold.setLevel(Level.INFO.toString());
    threshold.start();
    appender.addFilter(threshold);
    appender.start();
    if (!appender.isStarted()) { // logback reports a file it cannot open on its status, not by throwing
      throw new IOException("cannot open " + file + " for writing");
    }

    if (root.getLevel() != null && root.getLevel().isGreaterOrEqual(Level.WARN)) {
      // Root is WARN for the console: let INFO through to the appenders, and keep the console
      // at WARN with a filter of its own.
      root.iteratorForAppenders().forEachRemaining(a -> {
        ch.qos.logback.classic.filter.ThresholdFilter consoleThreshold = new ch.qos.logback.classic.filter.ThresholdFilter();
        consoleThreshold.setLevel(root.getLevel().toString());
        consoleThreshold.start();
        a.addFilter(consoleThreshold);
      });
      root.setLevel(Level.INFO);
    }
    root.addAppender(appender);
    return file;
  }

  /** Stops writing the workspace's log file (the app's stop; tests). */
  public static synchronized void detach() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      detach(context.getLogger(Logger.ROOT_LOGGER_NAME));
    }
  }

  private static void detach(ch.qos.logback.classic.Logger root) {
    var old = root.getAppender(APPENDER);
    if (old != null) {
      root.detachAppender(old);
      old.stop();
    }
  }
}
