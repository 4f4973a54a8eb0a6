package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.jobs.JobContext;

class Esc50ReaderTest {
  @TempDir Path tmp;
  Path root;

  @BeforeEach
  void fixture() throws IOException {
    root = tmp.resolve("ESC-50-master");
    DatasetFixtures.esc50(root);
  }

  private DatasetIndex read(Integer test, Integer validation) throws IOException {
    return Datasets.index(
        root, Layout.ESC50, new LayoutOptions(test, validation, null), JobContext.none());
  }

  @Test
  void foldsBecomeSplitsAndCategoryIsTheLabel() throws IOException {
    DatasetIndex index = read(2, 3);

    Map<String, Split> splits =
        index.clips().stream().collect(Collectors.toMap(Clip::id, Clip::split));
    assertThat(splits)
        .containsEntry("audio/2-100032-A-0.wav", Split.TEST)
        .containsEntry("audio/2-17367-A-10.wav", Split.TEST)
        .containsEntry("audio/3-100032-A-0.wav", Split.VALIDATION)
        .containsEntry("audio/1-100032-A-0.wav", Split.TRAIN)
        .containsEntry("audio/5-17367-A-10.wav", Split.TRAIN);
    assertThat(index.labels()).containsExactly("dog", "rain");
    assertThat(index.multiLabel()).isFalse();
    assertThat(index.clips())
        .filteredOn(c -> c.id().contains("-17367-"))
        .allSatisfy(c -> assertThat(c.label()).isEqualTo("rain"));
    assertThat(index.clips())
        .hasSize(11); // 10 good rows + the text file, which only the probe can tell
    assertThat(index.countBySplit())
        .containsEntry(Split.TEST, 2)
        .containsEntry(Split.VALIDATION, 2);
  }

  @Test
  void defaultTestFoldIsFiveWithoutValidation() throws IOException {
    DatasetIndex index = read(null, null);
    assertThat(index.countBySplit())
        .containsEntry(Split.TEST, 2)
        .containsEntry(Split.VALIDATION, 0)
        .containsEntry(Split.TRAIN, 9);
    assertThat(index.clips())
        .filteredOn(c -> c.split() == Split.TEST)
        .allSatisfy(c -> assertThat(c.id()).startsWith("audio/5-"));
  }

  @Test
  void plantedRowsAreRefusedWithTheirReasonAndLine() throws IOException {
    DatasetIndex index = read(null, null);

    assertThat(index.refused())
        .extracting(Refusal::path, Refusal::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("audio/1-100032-A-0.wav", Refusal.Reason.DUPLICATE),
            org.assertj.core.groups.Tuple.tuple(
                "audio/1-9999-A-0.wav", Refusal.Reason.BAD_METADATA),
            org.assertj.core.groups.Tuple.tuple("audio/2-404-A-0.wav", Refusal.Reason.MISSING),
            org.assertj.core.groups.Tuple.tuple("../../outside.wav", Refusal.Reason.OUTSIDE_ROOT));
    assertThat(index.refused())
        .filteredOn(r -> r.reason() == Refusal.Reason.BAD_METADATA)
        .singleElement()
        .extracting(Refusal::detail)
        .asString()
        .contains("line 13 of meta/esc50.csv")
        .contains("fold")
        .contains("'9'");
    assertThat(index.refused())
        .filteredOn(r -> r.reason() == Refusal.Reason.DUPLICATE)
        .singleElement()
        .extracting(Refusal::detail)
        .asString()
        .contains("line 12")
        .contains("line 2");
    assertThat(index.warnings())
        .anySatisfy(w -> assertThat(w).contains("5-unlisted-A-0.wav").contains("does not list"));
  }

  @Test
  void aMissingMetadataFileIsAnErrorThatPointsAtTheRealRoot() {
    assertThatThrownBy(
            () -> Datasets.index(tmp, Layout.ESC50, LayoutOptions.defaults(), JobContext.none()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("meta/esc50.csv")
        .hasMessageContaining("ESC-50-master/: choose that folder");
    assertThatThrownBy(
            () ->
                Datasets.index(
                    root.resolve("audio"),
                    Layout.ESC50,
                    LayoutOptions.defaults(),
                    JobContext.none()))
        .hasMessageContaining("looks like the audio/ folder of the esc50 dataset");
  }

  @Test
  void aHeaderWithoutTheNeededColumnsIsAnError() throws IOException {
    DatasetFixtures.textFile(root.resolve("meta/esc50.csv"), "name,fold,class", "a.wav,1,dog");
    assertThatThrownBy(() -> read(null, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("needs the columns filename, fold and category")
        .hasMessageContaining("name,fold,class");
  }

  @Test
  void invalidFoldsAreRejectedBeforeReading() {
    assertThatThrownBy(() -> read(5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layout.validation_fold");
  }
}
