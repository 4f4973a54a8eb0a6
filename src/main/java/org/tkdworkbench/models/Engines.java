package org.tkdworkbench.models;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tkdworkbench.RuntimeSetup;

/**
 * Which DJL engine and device the models run on: the one place that names engines.
 *
 * <p>Both engines are in the build: MXNet (the default) and PyTorch (the road to GPU servers).
 * The choice is process-wide, like DJL's own {@code ai.djl.default_engine} property, which is
 * what {@link #select} sets: the CLI's {@code --engine} and the app's Settings call it. Code that
 * trains captures {@link #current()} once when it starts and builds every model with {@link
 * #newModel}, so a run keeps its engine even if the choice changes while it is queued or running.
 *
 * <p>The device is process-wide too ({@link #selectDevice}): {@code cpu} (default), {@code gpu}
 * (the first GPU) or {@code gpu:N}/{@code cuda:N}. It is checked against what the engine finds,
 * with a message that says what is missing when it finds none.
 */
public final class Engines {
  /** DJL's name of the MXNet engine. */
  public static final String MXNET = "MXNet";
  /** DJL's name of the PyTorch engine. */
  public static final String PYTORCH = "PyTorch";
  /** The default engine. */
  public static final String DEFAULT = MXNET;
  /** System property DJL reads for its default engine. */
  public static final String ENGINE_PROPERTY = "ai.djl.default_engine";
  /** System property holding the selected device ({@code cpu}, {@code gpu:0}, …). */
  public static final String DEVICE_PROPERTY = "tkd.device";

  private static final List<String> KNOWN = List.of(MXNET, PYTORCH);

  private Engines() {}

  /** The engines this build carries, default first. */
  public static List<String> available() {
    List<String> out = new ArrayList<>();
    for (String e : KNOWN) {
      if (Engine.hasEngine(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * DJL's name for a user's engine name ({@code mxnet}, {@code pytorch}, {@code torch}, any case).
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static String canonical(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "mxnet" -> MXNET;
      case "pytorch", "torch", "pt" -> PYTORCH;
      default -> throw new IllegalArgumentException("engine: unknown engine '" + name + "'; choose mxnet or pytorch");
    };
  }

  /** The lower-case name the CLI and files use ({@code mxnet}, {@code pytorch}). */
  public static String cliName(String engine) {
    return engine.toLowerCase(Locale.ROOT);
  }

  /** The engine new work runs on now. */
  public static String current() {
    RuntimeSetup.apply();
    return Engine.getDefaultEngineName();
  }

  /**
   * Makes {@code name} the engine of all work started from now on, after checking that it is in
   * this build. Its native library loads when work first uses it (off the UI thread: the first
   * PyTorch start unpacks a large library), and {@link #engine} reports a failure then.
   *
   * @return DJL's name of the engine
   * @throws IllegalArgumentException for an unknown engine or one missing from the build
   */
  public static String select(String name) {
    String engine = canonical(name);
    RuntimeSetup.apply();
    if (!Engine.hasEngine(engine)) {
      throw new IllegalArgumentException(
          "engine: " + engine + " is not in this build (its jars are missing from the classpath); available: " + available());
    }
    System.setProperty(ENGINE_PROPERTY, engine);
    return engine;
  }

  /**
   * The loaded engine.
   *
   * @throws IllegalArgumentException when it is not in this build or its native library fails
   */
  public static Engine engine(String engine) {
    RuntimeSetup.apply();
    if (!Engine.hasEngine(engine)) {
      throw new IllegalArgumentException(
          "engine: " + engine + " is not in this build (its jars are missing from the classpath); available: " + available());
    }
    try {
      return Engine.getEngine(engine);
    } catch (EngineException | UnsatisfiedLinkError e) {
      throw new IllegalArgumentException("engine: " + engine + "'s native library did not load: " + e.getMessage(), e);
    }
  }

  /** {@code PyTorch 2.7.1}: the engine's name and native version, or the name alone if it does not load. */
  public static String describe(String engine) {
    String v = version(engine);
    return v.equals("unknown") ? engine : engine + " " + v;
  }

  /** The native version of an engine, or {@code unknown}. */
  public static String version(String engine) {
    try {
      return engine(engine).getVersion();
    } catch (IllegalArgumentException e) {
      return "unknown";
    }
  }

  /** A new model on {@code engine} and the selected device. */
  public static Model newModel(String name, String engine) {
    return Model.newInstance(name, device(engine), engine);
  }

  /**
   * Chooses the device for work started from now on.
   *
   * @param spec {@code cpu}, {@code gpu} (= {@code gpu:0}), {@code gpu:N} or {@code cuda:N}
   * @return the canonical spec ({@code cpu} or {@code gpu:N})
   * @throws IllegalArgumentException for a malformed spec, or a GPU the current engine does not find
   */
  public static String selectDevice(String spec) {
    String canonical = parseDevice(spec);
    device(current(), spec);
    System.setProperty(DEVICE_PROPERTY, canonical);
    return canonical;
  }

  /** The selected device spec ({@code cpu} unless {@link #selectDevice} chose another). */
  public static String currentDevice() {
    return System.getProperty(DEVICE_PROPERTY, "cpu");
  }

  /** The selected device on {@code engine}. */
  public static Device device(String engine) {
    return device(engine, currentDevice());
  }

  /**
   * The device {@code spec} names on {@code engine}.
   *
   * @throws IllegalArgumentException when the engine finds no such GPU, saying how many it found
   *     and why there may be none
   */
  public static Device device(String engine, String spec) {
    String canonical = parseDevice(spec);
    if (canonical.equals("cpu")) {
      return Device.cpu();
    }
    int index = Integer.parseInt(canonical.substring("gpu:".length()));
    int gpus = engine(engine).getGpuCount();
    if (index >= gpus) {
      String why =
          engine.equals(MXNET)
              ? "the MXNet engine in this build is CPU-only (Maven Central has no CUDA build of MXNet); use --engine pytorch"
                  + " with a CUDA build of PyTorch's native library"
              : "the PyTorch native library in this build is the CPU one (pytorch-native-cpu); on a GPU server put a CUDA"
                  + " build on the classpath (see the README, GPU servers)";
      throw new IllegalArgumentException(
          "device: " + spec + " asked for GPU " + index + " but " + engine + " finds " + gpus + " GPU" + (gpus == 1 ? "" : "s")
              + (gpus == 0 ? ": " + why : ""));
    }
    return Device.gpu(index);
  }

  private static String parseDevice(String spec) {
    String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("cpu")) {
      return "cpu";
    }
    if (s.equals("gpu") || s.equals("cuda")) {
      return "gpu:0";
    }
    for (String prefix : new String[] {"gpu:", "cuda:"}) {
      if (s.startsWith(prefix)) {
        try {
          int n = Integer.parseInt(s.substring(prefix.length()));
          if (n >= 0) {
            return "gpu:" + n;
          }
        } catch (NumberFormatException e) {
          // falls through to the message below
        }
      }
    }
    throw new IllegalArgumentException("device: '" + spec + "' is not a device; use cpu, gpu, gpu:N or cuda:N");
  }
}
