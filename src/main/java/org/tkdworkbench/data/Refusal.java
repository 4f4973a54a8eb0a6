package org.tkdworkbench.data;

/**
 * A file (or metadata row) left out of a dataset, and why, in words a user reads.
 *
 * @param path the path as the dataset names it (relative to the root where possible)
 * @param reason the kind of problem
 * @param detail the specifics, e.g. "label 'Dog_bark' is not in vocabulary.csv"
 */
public record Refusal(String path, Reason reason, String detail) {
  /** Kinds of refusal, each with the phrase the import report prints. */
  public enum Reason {
    UNREADABLE("unreadable"),
    EMPTY("empty"),
    UNSUPPORTED_FORMAT("unsupported format"),
    NOT_AUDIO("not audio"),
    TRUNCATED("truncated"),
    LABEL_NOT_IN_VOCABULARY("label not in vocabulary"),
    OUTSIDE_ROOT("path outside the dataset root"),
    DUPLICATE("duplicate"),
    MISSING("listed but missing"),
    BAD_METADATA("bad metadata row");

    private final String phrase;

    Reason(String phrase) {
      this.phrase = phrase;
    }

    public String phrase() {
      return phrase;
    }
  }

  /** "path: phrase (detail)". */
  @Override
  public String toString() {
    return path + ": " + reason.phrase() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
  }
}
