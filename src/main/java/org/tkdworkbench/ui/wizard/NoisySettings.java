package org.tkdworkbench.ui.wizard;

import org.tkdworkbench.ui.form.FieldForm;
import org.tkdworkbench.ui.form.Numbers;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.tkdworkbench.data.noisy.NoisySpec;

/**
 * The noisy-variant page's state: whether to build one, its length, SNR range, seed, copies of each
 * training clip, noise folder
 * and output folder, validated by {@link NoisySpec#validate()} plus the two folder checks only the
 * UI can make (a noise folder is chosen, the output is new or empty).
 *
 * <p>The noise folder defaults to the source's {@code _background_noise_}, the output to {@code
 * <workspace>/datasets/<source>-noisy-<length>s} (numbered if taken), each until the user types
 * their own.
 */
public final class NoisySettings {
  /** The lengths the paper uses, offered in the length box (any other can be typed). */
  public static final List<String> LENGTHS = List.of("2", "4", "6", "8");

  private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
  private final FieldForm form;
  private final ReadOnlyObjectWrapper<NoisySpec> spec = new ReadOnlyObjectWrapper<>();
  private final Predicate<Path> usableOutput;
  private final Path workspace;
  private String sourceName = "dataset";
  private int sampleRate = NoisySpec.defaults().sampleRate();
  private Path reusableOutput;
  private boolean noiseEdited;
  private boolean outputEdited;
  private boolean settingDefaults;

  /**
   * @param workspace where the default output goes ({@code datasets/} below it)
   * @param usableOutput true when a folder does not exist or is empty
   */
  public NoisySettings(Path workspace, Predicate<Path> usableOutput) {
    this.workspace = workspace;
    this.usableOutput = usableOutput;
    NoisySpec d = NoisySpec.defaults();
    form =
        new FieldForm("noisy")
            .field("length", Numbers.format(d.lengthSeconds()))
            .field("snr_min", Numbers.format(d.snrMinDb()))
            .field("snr_max", Numbers.format(d.snrMaxDb()))
            .field("seed", Long.toString(d.seed()))
            .field("copies", Integer.toString(d.trainingCopies()))
            .field("noise", "")
            .field("output", "")
            .alias("snr", "snr_min", "snr_max");
    for (String f : form.names()) {
      form.value(f).addListener((o, a, b) -> changed(f));
    }
    enabled.addListener((o, a, b) -> validate());
    validate();
  }

  private void changed(String field) {
    if (!settingDefaults) {
      noiseEdited |= field.equals("noise");
      outputEdited |= field.equals("output");
      if (field.equals("length")) {
        suggestOutput();
      }
    }
    validate();
  }

  /** The source the variant is built from: its name and its noise folder (may be null). */
  void setSource(String name, Path backgroundNoise) {
    sourceName = name;
    if (!noiseEdited) {
      setDefault("noise", backgroundNoise == null ? "" : backgroundNoise.toString());
    }
    suggestOutput();
  }

  /** The rate the clips are written at: the feature rate, so no clip is resampled twice. */
  void setSampleRate(int hz) {
    sampleRate = hz;
    validate();
  }

  /**
   * A folder this wizard built itself and may rebuild: it is not "taken" for the output check, and
   * the default output may point at it again.
   */
  void setReusableOutput(Path folder) {
    reusableOutput = folder;
    suggestOutput();
  }

  /** Puts the default output back (after the source or length changed), unless the user chose one. */
  void suggestOutput() {
    if (outputEdited) {
      validate();
      return;
    }
    Double length = Numbers.parseDouble(form.text("length"));
    String base = sourceName + "-noisy-" + (length == null ? "" : Numbers.format(length)) + "s";
    Path dir = workspace.resolve("datasets");
    Path candidate = dir.resolve(base);
    for (int n = 2; n < 1000 && !usable(candidate); n++) {
      candidate = dir.resolve(base + "-" + n);
    }
    setDefault("output", candidate.toString());
  }

  private void setDefault(String field, String value) {
    settingDefaults = true;
    try {
      form.value(field).set(value);
    } finally {
      settingDefaults = false;
    }
    validate();
  }

  private boolean usable(Path p) {
    return p.equals(reusableOutput) || usableOutput.test(p);
  }

  private void validate() {
    if (!enabled.get()) {
      spec.set(null);
      form.show(List.of());
      return;
    }
    List<String> problems = new ArrayList<>();
    Double length = Numbers.parseDouble(form.text("length"));
    if (length == null) {
      problems.add(form.notANumber("length", "a number of seconds"));
    }
    Double min = Numbers.parseDouble(form.text("snr_min"));
    if (min == null) {
      problems.add(form.notANumber("snr_min", "a number of dB"));
    }
    Double max = Numbers.parseDouble(form.text("snr_max"));
    if (max == null) {
      problems.add(form.notANumber("snr_max", "a number of dB"));
    }
    Long seed = Numbers.parseLong(form.text("seed"));
    if (seed == null) {
      problems.add(form.notANumber("seed", "a whole number"));
    }
    Long copies = Numbers.parseLong(form.text("copies"));
    if (copies == null) {
      problems.add(form.notANumber("copies", "a whole number"));
    }
    NoisySpec s = null;
    if (problems.isEmpty()) {
      s = new NoisySpec(length, min, max, seed, sampleRate,
          (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, copies)));
      problems.addAll(s.validate());
    }
    Path noise = path("noise", "choose a folder of noise recordings", problems);
    Path output = path("output", "choose a folder for the new dataset", problems);
    if (output != null && !usable(output)) {
      problems.add("noisy.output: must be a new or empty folder, found files in " + output);
    }
    if (noise != null && output != null && output.startsWith(noise)) {
      problems.add("noisy.output: must not be inside the noise folder, found " + output);
    }
    spec.set(problems.isEmpty() ? s : null);
    form.show(problems);
  }

  private Path path(String field, String ask, List<String> problems) {
    String text = form.text(field);
    if (text.isEmpty()) {
      problems.add("noisy." + field + ": " + ask + ", found none");
      return null;
    }
    try {
      return Path.of(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      problems.add("noisy." + field + ": must be a folder path, found '" + text + "'");
      return null;
    }
  }

  public BooleanProperty enabledProperty() {
    return enabled;
  }

  public FieldForm form() {
    return form;
  }

  /** The settings, or null while disabled or invalid. */
  public ReadOnlyObjectProperty<NoisySpec> specProperty() {
    return spec.getReadOnlyProperty();
  }

  /** True when the page lets the wizard go on: no variant, or a valid one. */
  public boolean ready() {
    return !enabled.get() || spec.get() != null;
  }

  public Path noiseFolder() {
    return Path.of(form.text("noise")).toAbsolutePath().normalize();
  }

  public Path outputFolder() {
    return Path.of(form.text("output")).toAbsolutePath().normalize();
  }
}
