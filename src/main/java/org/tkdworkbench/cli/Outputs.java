package org.tkdworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on the files a command writes, before it writes them: an output never replaces the
 * command's input or lands among the files of a dataset, teacher or knowledge folder it reads
 * (what the user made is theirs).
 */
final class Outputs {
  private Outputs() {}

  /** Refuses {@code output} (a path, or "-" for standard output) when it is {@code input} itself. */
  static void notTheInput(String option, Path input, String output) {
    if (!output.equals("-") && sameFile(input, Path.of(output))) {
      throw new CliUsageException(option + ": must not be the input file (" + input + ")");
    }
  }

  /**
   * Refuses {@code output} inside {@code folder} (a dataset, a teacher, imported knowledge; links
   * resolved as far as they exist): it would write among the files the command reads.
   */
  static void notInside(String option, Path folder, Path output) {
    Path root = real(folder);
    Path out = real(output);
    if (out.startsWith(root)) {
      throw new CliUsageException(
          option + ": must not be inside " + folder + " (it would write among the files this command reads), found " + output);
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** The real path of {@code p}'s longest existing ancestor, with the rest appended. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      return abs;
    }
  }
}
