package org.tkdworkbench.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Choices a layout needs from the user. JSON names are snake_case ({@code test_fold}, {@code
 * validation_fold}, {@code manifest}, {@code folds}) like the rest of the workspace's files; unset
 * choices are left out, so files written before a choice existed read the same.
 *
 * @param testFold ESC-50: the fold (1..5) whose clips are the test split, default 5; with {@code
 *     folds}: the speaker fold (1..folds) that is the test split, required
 * @param validationFold ESC-50: an optional fold (1..5, not the test fold) for validation, null
 *     meaning no validation split; with {@code folds}: the speaker fold for validation, null meaning
 *     the fold before the test fold (cyclically)
 * @param manifest MANIFEST: the manifest file, relative to the dataset root; null means the only
 *     {@code *.csv} at the root
 * @param folds Speech Commands: split by {@link SpeakerFolds speaker folds} instead of the split
 *     lists, into this many folds (3..{@link #MAX_FOLDS}); null means the lists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayoutOptions(
    @JsonProperty("test_fold") Integer testFold,
    @JsonProperty("validation_fold") Integer validationFold,
    @JsonProperty("manifest") String manifest,
    @JsonProperty("folds") Integer folds) {
  /** The most speaker folds: beyond leave-one-speaker-out on Speech Commands' 2,618 speakers. */
  public static final int MAX_FOLDS = 10_000;

  /** ESC-50 folds and a manifest, without speaker folds. */
  public LayoutOptions(Integer testFold, Integer validationFold, String manifest) {
    this(testFold, validationFold, manifest, null);
  }

  /** No choices: ESC-50 tests on fold 5 without validation; the manifest is found. */
  public static LayoutOptions defaults() {
    return new LayoutOptions(null, null, null, null);
  }

  /**
   * Speech Commands split into {@code folds} speaker folds, {@code testFold} the test split and
   * {@code validationFold} (null: the fold before it) the validation split.
   */
  public static LayoutOptions speakerFolds(int folds, int testFold, Integer validationFold) {
    return new LayoutOptions(testFold, validationFold, null, folds);
  }

  /** The ESC-50 test fold, defaulting to 5. */
  @JsonIgnore
  public int testFoldOrDefault() {
    return testFold == null ? 5 : testFold;
  }

  /**
   * With {@code folds}: the validation fold, defaulting to the one before the test fold (fold
   * {@code folds} before fold 1).
   */
  @JsonIgnore
  public int speakerValidationFold() {
    if (folds == null || testFold == null) {
      throw new IllegalStateException("no speaker folds");
    }
    return validationFold != null ? validationFold : testFold == 1 ? folds : testFold - 1;
  }

  /** Every problem, as {@code field: rule, found value}. */
  public List<String> validate() {
    List<String> p = new ArrayList<>();
    int last = 5;
    if (folds != null) {
      if (folds < 3 || folds > MAX_FOLDS) {
        p.add(
            "layout.folds: must be in 3.."
                + MAX_FOLDS
                + " (a test fold, a validation fold and one to train on), found "
                + folds);
        return p;
      }
      last = folds;
      if (testFold == null) {
        p.add("layout.test_fold: required with layout.folds (a fold in 1.." + folds + ")");
        return p;
      }
    }
    if (testFold != null && (testFold < 1 || testFold > last)) {
      p.add("layout.test_fold: must be in 1.." + last + ", found " + testFold);
    }
    if (validationFold != null) {
      if (validationFold < 1 || validationFold > last) {
        p.add("layout.validation_fold: must be in 1.." + last + ", found " + validationFold);
      } else if (validationFold == testFoldOrDefault()) {
        p.add(
            "layout.validation_fold: must differ from the test fold ("
                + testFoldOrDefault()
                + "), found "
                + validationFold);
      }
    }
    if (manifest != null && manifest.isBlank()) {
      p.add("layout.manifest: must name a file, found an empty name");
    }
    return p;
  }
}
