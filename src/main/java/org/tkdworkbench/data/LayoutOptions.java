package org.tkdworkbench.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Choices a layout needs from the user. JSON names are snake_case ({@code test_fold}, {@code
 * validation_fold}, {@code manifest}) like the rest of the workspace's files; unset choices are
 * left out.
 *
 * @param testFold ESC-50: the fold (1..5) whose clips are the test split; default 5
 * @param validationFold ESC-50: an optional fold (1..5, not the test fold) for validation; null
 *     means no validation split
 * @param manifest MANIFEST: the manifest file, relative to the dataset root; null means the only
 *     {@code *.csv} at the root
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayoutOptions(
    @JsonProperty("test_fold") Integer testFold,
    @JsonProperty("validation_fold") Integer validationFold,
    @JsonProperty("manifest") String manifest) {
  /** No choices: ESC-50 tests on fold 5 without validation; the manifest is found. */
  public static LayoutOptions defaults() {
    return new LayoutOptions(null, null, null);
  }

  /** The ESC-50 test fold, defaulting to 5. */
  @JsonIgnore
  public int testFoldOrDefault() {
    return testFold == null ? 5 : testFold;
  }

  /** Every problem, as {@code field: rule, found value}. */
  public List<String> validate() {
    List<String> p = new ArrayList<>();
    if (testFold != null && (testFold < 1 || testFold > 5)) {
      p.add("layout.test_fold: must be in 1..5, found " + testFold);
    }
    if (validationFold != null) {
      if (validationFold < 1 || validationFold > 5) {
        p.add("layout.validation_fold: must be in 1..5, found " + validationFold);
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
