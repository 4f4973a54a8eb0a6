package org.tkdworkbench;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process-wide settings that must be in place before DJL or its native engine loads.
 *
 * <p>DJL calls home over HTTP unless it is told it is offline, so the offline switches are set as
 * system properties here, first thing. The MXNet thread settings that STACK.md measured fastest on
 * two cores ({@code OMP_NUM_THREADS=2}, {@code MXNET_ENGINE_TYPE=NaiveEngine}) are read by native
 * code from the process environment, which Java cannot change; we set them through libc's
 * {@code setenv} (via JNA, which DJL already ships) unless the user set them, before any native
 * engine library is loaded. The launcher scripts set them too, for launch paths where this runs
 * too late.
 */
public final class RuntimeSetup {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeSetup.class);
  private static volatile boolean applied;
  /** What this class put into the native environment (System.getenv cannot see it). */
  private static final java.util.Map<String, String> SET = new java.util.concurrent.ConcurrentHashMap<>();

  private RuntimeSetup() {}

  /** Applies the offline and threading settings once; later calls do nothing. */
  public static synchronized void apply() {
    if (applied) {
      return;
    }
    applied = true;
    // Offline unless the user explicitly says otherwise (a GPU server letting DJL download its
    // CUDA build of PyTorch: -Dai.djl.offline=false or DJL_OFFLINE=false; README, GPU servers).
    if (System.getProperty("ai.djl.offline") == null && !"false".equalsIgnoreCase(System.getenv("DJL_OFFLINE"))) {
      System.setProperty("ai.djl.offline", "true");
    }
    System.setProperty("OPT_OUT_TRACKING", "true");
    // Both engines are in the build. DJL ranks MXNet first on x86-64 but skips it on other
    // platforms; our default is MXNet everywhere unless the user chose (this property, DJL's
    // environment variable, or --engine / Settings later).
    if (System.getProperty("ai.djl.default_engine") == null && System.getenv("DJL_DEFAULT_ENGINE") == null) {
      System.setProperty("ai.djl.default_engine", "MXNet");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    if (!"false".equalsIgnoreCase(System.getProperty("ai.djl.offline"))) {
      setEnvIfAbsent("DJL_OFFLINE", "true");
    }
    setEnvIfAbsent("OPT_OUT_TRACKING", "true");
    setEnvIfAbsent("OMP_NUM_THREADS", Integer.toString(Math.max(1, Math.min(cores, 4))));
    setEnvIfAbsent("MXNET_ENGINE_TYPE", "NaiveEngine");
  }

  /**
   * An environment variable as native code sees it: the process's own, else the value {@link
   * #apply} set; null when neither.
   */
  public static String nativeEnv(String name) {
    String v = System.getenv(name);
    return v != null ? v : SET.get(name);
  }

  private interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  private static void setEnvIfAbsent(String name, String value) {
    if (System.getenv(name) != null || !(Platform.isLinux() || Platform.isMac())) {
      return;
    }
    try {
      LibC libc = Native.load("c", LibC.class);
      if (libc.setenv(name, value, 0) == 0) {
        SET.put(name, value);
      }
    } catch (Throwable e) { // JNA missing or no libc: the engine still works, only slower.
      LOG.debug("could not set {} in the process environment: {}", name, e.toString());
    }
  }
}
