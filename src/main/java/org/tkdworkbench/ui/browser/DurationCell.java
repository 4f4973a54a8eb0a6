package org.tkdworkbench.ui.browser;

import java.util.Locale;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/** "…" until the duration is read, then seconds; "unreadable" with the reason as a tooltip. */
final class DurationCell extends TableCell<ClipRow, Double> {
  @Override
  protected void updateItem(Double seconds, boolean empty) {
    super.updateItem(seconds, empty);
    getStyleClass().remove("unreadable");
    setTooltip(null);
    if (empty) {
      setText(null);
    } else if (seconds == null) {
      setText("…");
    } else if (seconds.isNaN()) {
      setText("unreadable");
      getStyleClass().add("unreadable");
      ClipRow row = getTableRow() == null ? null : getTableRow().getItem();
      if (row != null && row.problemProperty().get() != null) {
        setTooltip(new Tooltip(row.problemProperty().get()));
      }
    } else {
      setText(String.format(Locale.ROOT, "%.2f", seconds));
    }
  }
}
