package org.tkdworkbench.models;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tkdworkbench.RuntimeSetup;
import org.tkdworkbench.workspace.Json;

/**
 * Opens a saved teacher folder ({@code spec.json} + parameters) as an {@link AttentionTeacher}.
 *
 * <p>Folder: {@code spec.json} ({@link TeacherSpec}), {@code teacher-NNNN.params} (DJL's {@code
 * Model.save}; the newest is loaded), {@code metrics.csv}, {@code summary.json}.
 */
public final class TeacherStore {
  /** Current {@link TeacherSpec#schemaVersion()}. */
  public static final int SCHEMA_VERSION = 1;

  public static final String SPEC_FILE = "spec.json";
  public static final String METRICS_FILE = "metrics.csv";
  public static final String SUMMARY_FILE = "summary.json";
  /** Prefix of the parameter files DJL writes ({@code teacher-0000.params}). */
  public static final String MODEL_NAME = "teacher";

  private TeacherStore() {}

  /** Loads the teacher in {@code folder} on the current engine ({@link Engines#current()}). */
  public static AttentionTeacher load(Path folder) throws IOException {
    return load(folder, Engines.current());
  }

  /**
   * Loads the teacher in {@code folder} on {@code engine}; the message names the file and the
   * problem if it can't. The parameter file is DJL's own format, so a teacher trained on one
   * engine loads on the other (the teacher has no engine-specific layers; {@code CrossEngineTest}).
   */
  public static AttentionTeacher load(Path folder, String engine) throws IOException {
    TeacherSpec spec = readSpec(folder);
    if (!hasParameters(folder)) {
      throw new NoSuchFileException(
          folder.resolve(MODEL_NAME + "-0000.params").toString(),
          null,
          "no teacher parameters (" + MODEL_NAME + "-NNNN.params) in the folder");
    }
    RuntimeSetup.apply();
    Model model = Engines.newModel(MODEL_NAME, engine);
    try {
      model.setBlock(new TeacherBlock(spec.config(), spec.features().nMels(), spec.classes().size()));
      model.load(folder, MODEL_NAME);
      return new DjlAttentionTeacher(model, spec);
    } catch (MalformedModelException | IOException | RuntimeException e) {
      model.close();
      throw new IOException(
          folder.resolve(MODEL_NAME + "-NNNN.params")
              + ": cannot load the teacher's parameters: "
              + e.getMessage(),
          e);
    }
  }

  /** Reads only {@code spec.json}. */
  public static TeacherSpec readSpec(Path folder) throws IOException {
    Path file = folder.resolve(SPEC_FILE);
    TeacherSpec spec;
    try {
      spec = Json.mapper().readValue(Files.readAllBytes(file), TeacherSpec.class);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "not found (is this a teacher folder?)");
    } catch (JacksonException e) {
      throw new IOException(file + ": not a valid teacher spec: " + e.getOriginalMessage(), e);
    }
    if (spec == null || spec.config() == null || spec.features() == null || spec.classes() == null) {
      throw new IOException(file + ": not a valid teacher spec: config, features or classes missing");
    }
    if (spec.schemaVersion() > SCHEMA_VERSION) {
      throw new IOException(
          file + ": schema_version " + spec.schemaVersion() + " is newer than this program (" + SCHEMA_VERSION + ")");
    }
    List<String> problems = spec.config().validate();
    problems.addAll(spec.features().validate());
    if (spec.classes().isEmpty()) {
      problems.add("classes: must not be empty");
    }
    if (!problems.isEmpty()) {
      throw new IOException(file + ": invalid teacher spec: " + String.join("; ", problems));
    }
    return spec;
  }

  private static boolean hasParameters(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.anyMatch(
          p -> {
            String n = p.getFileName().toString();
            return n.startsWith(MODEL_NAME + "-") && n.endsWith(".params");
          });
    }
  }
}
