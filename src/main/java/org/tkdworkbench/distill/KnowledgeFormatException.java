package org.tkdworkbench.distill;

import java.util.List;

/**
 * An imported knowledge file that cannot be used as it is: every problem found, each naming the
 * file, the array or column and what was expected and found. Nothing is guessed.
 */
public final class KnowledgeFormatException extends Exception {
  private static final int SHOWN = 20;
  private final List<String> problems;

  public KnowledgeFormatException(List<String> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public KnowledgeFormatException(String problem) {
    this(List.of(problem));
  }

  /** Every problem, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(List<String> problems) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < problems.size() && i < SHOWN; i++) {
      b.append(i == 0 ? "" : "\n").append(problems.get(i));
    }
    if (problems.size() > SHOWN) {
      b.append("\n... and ").append(problems.size() - SHOWN).append(" more problems");
    }
    return b.toString();
  }
}
