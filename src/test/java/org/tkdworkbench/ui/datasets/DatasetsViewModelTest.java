package org.tkdworkbench.ui.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.SameThreadJobRunner;

/** The registered-datasets list without the toolkit. */
class DatasetsViewModelTest {
  private static RegisteredDataset entry(String id) {
    return new RegisteredDataset(
        id, id, "/data/" + id, "speech-commands", LayoutOptions.defaults(), FeatureSpec.defaults(),
        "fp", 3, Instant.EPOCH);
  }

  @Test
  void listsTheRegistryAndSaysWhenItIsEmptyOrUnreadable() {
    List<RegisteredDataset> stored = new ArrayList<>();
    IOException[] failure = {null};
    DatasetsViewModel vm =
        new DatasetsViewModel(
            () -> {
              if (failure[0] != null) {
                throw failure[0];
              }
              return List.copyOf(stored);
            },
            new SameThreadJobRunner(),
            Runnable::run);
    vm.refresh();
    assertThat(vm.registered()).isEmpty();
    assertThat(vm.messageProperty().get()).isEqualTo("No datasets imported yet.");

    stored.add(entry("speech"));
    stored.add(entry("esc"));
    vm.refresh();
    assertThat(vm.registered()).extracting(RegisteredDataset::id).containsExactly("speech", "esc");
    assertThat(vm.messageProperty().get()).isNull();

    failure[0] = new IOException("datasets.json: not valid JSON (kept aside as datasets.json.corrupt-1)");
    vm.refresh();
    assertThat(vm.registered()).as("the last good list stays").hasSize(2);
    assertThat(vm.messageProperty().get())
        .isEqualTo("Could not read the dataset registry: datasets.json: not valid JSON (kept aside as datasets.json.corrupt-1)");
  }

  @Test
  void selectingTheOpenDatasetDoesNotOpenItAgain() {
    DatasetsViewModel vm = new DatasetsViewModel(List::of, new SameThreadJobRunner(), Runnable::run);
    assertThat(vm.needsOpening(entry("a"))).isTrue();
    vm.setOpen("a");
    assertThat(vm.needsOpening(entry("a"))).isFalse();
    assertThat(vm.needsOpening(entry("b"))).isTrue();
    assertThat(vm.needsOpening(null)).isFalse();
  }
}
