package org.tkdworkbench.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** What every test of the whole app needs: waiting with a sentence, and closing the app. */
final class AppTestSupport {
  private AppTestSupport() {}

  /** Waits until {@code condition} holds; a timeout fails saying what did not happen. */
  static void await(String what, long seconds, Callable<Boolean> condition) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }

  /** As above, up to 20 seconds. */
  static void await(String what, Callable<Boolean> condition) throws Exception {
    await(what, 20, condition);
  }

  /** Stops {@code app} (when it started) and closes its windows. */
  static void close(Application app) throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
    }
    FxToolkit.cleanupStages();
  }
}
