package org.tkdworkbench.ui.browser;

import java.util.Locale;
import java.util.function.Predicate;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.Split;

/**
 * The clip filter of the browser, shared with the attention inspector's list: a label, a split and
 * a text that must occur (case-insensitively) in the label or the file name.
 */
public final class ClipFilter {
  private ClipFilter() {}

  /**
   * @param text text to look for in the label or file name; null or blank matches every clip
   * @param label the only label to show, or null for all
   * @param split the only split to show, or null for all
   */
  public static Predicate<ClipRow> of(String text, String label, Split split) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return r -> {
      Clip c = r.clip();
      return (label == null || c.label().equals(label))
          && (split == null || c.split() == split)
          && (t.isEmpty()
              || c.label().toLowerCase(Locale.ROOT).contains(t)
              || c.fileName().toLowerCase(Locale.ROOT).contains(t));
    };
  }
}
