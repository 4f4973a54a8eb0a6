package org.tkdworkbench.ui.runs;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.tkdworkbench.runs.RunListing;

/**
 * One row of the runs table: a run folder whose latest {@link RunListing} is swapped in place at
 * each re-list. The cells observe {@link #listingProperty()}, so an epoch redraws only the cells
 * whose text changed. Putting a new item into a {@code TableView}'s list instead makes its skin
 * rebuild every cell (JavaFX's RT-28397 path), a repaint of the whole table in software rendering
 * (30–50 ms on two cores busy training), at every epoch of every run.
 */
public final class RunRow {
  private final Path folder;
  private final ReadOnlyObjectWrapper<RunListing> listing;

  RunRow(RunListing listing) {
    this.folder = listing.folder();
    this.listing = new ReadOnlyObjectWrapper<>(this, "listing", listing);
  }

  /** The run folder: a row's identity. */
  public Path folder() {
    return folder;
  }

  /** The latest listing. */
  public RunListing get() {
    return listing.get();
  }

  /** Swaps in a newer listing of the same folder (no change event when equal). */
  void set(RunListing newer) {
    if (!newer.folder().equals(folder)) {
      throw new IllegalArgumentException("listing of " + newer.folder() + " for the row of " + folder);
    }
    if (!newer.equals(listing.get())) {
      listing.set(newer);
    }
  }

  public ReadOnlyObjectProperty<RunListing> listingProperty() {
    return listing.getReadOnlyProperty();
  }
}
