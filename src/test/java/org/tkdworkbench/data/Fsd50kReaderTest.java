package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.jobs.JobContext;

class Fsd50kReaderTest {
  @TempDir Path root;

  @BeforeEach
  void fixture() throws IOException {
    DatasetFixtures.fsd50k(root);
  }

  @Test
  void devSplitsEvalIsTestAndEveryLabelOfAClipSurvives() throws IOException {
    DatasetIndex index = Datasets.index(root, null, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.layout()).isEqualTo(Layout.FSD50K);
    assertThat(index.multiLabel()).isTrue();
    Map<String, Clip> byId = index.clips().stream().collect(Collectors.toMap(Clip::id, c -> c));
    assertThat(byId.get("FSD50K.dev_audio/64760.wav").labels())
        .containsExactly("Bark", "Dog", "Domestic_animals_and_pets");
    assertThat(byId.get("FSD50K.dev_audio/64760.wav").split()).isEqualTo(Split.TRAIN);
    assertThat(byId.get("FSD50K.dev_audio/16400.wav").split()).isEqualTo(Split.VALIDATION);
    assertThat(byId.get("FSD50K.eval_audio/37199.wav").labels()).containsExactly("Music", "Guitar");
    assertThat(byId.get("FSD50K.eval_audio/37199.wav").split()).isEqualTo(Split.TEST);
    assertThat(byId.get("FSD50K.eval_audio/21914.wav").split()).isEqualTo(Split.TEST);
    assertThat(index.labels())
        .containsExactly("Bark", "Dog", "Domestic_animals_and_pets", "Guitar", "Music", "Rain");
  }

  @Test
  void plantedRowsAreRefusedWithTheRightReason() throws IOException {
    DatasetIndex index =
        Datasets.index(root, Layout.FSD50K, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.refused())
        .extracting(Refusal::path, Refusal::reason)
        .containsExactlyInAnyOrder(
            tuple("FSD50K.dev_audio/16401.wav", Refusal.Reason.LABEL_NOT_IN_VOCABULARY),
            tuple("FSD50K.dev_audio/16402.wav", Refusal.Reason.MISSING),
            tuple("FSD50K.dev_audio/16403.wav", Refusal.Reason.BAD_METADATA));
    assertThat(index.refused().get(0).detail())
        .contains("'Banjo_typo'")
        .contains("vocabulary.csv")
        .contains("line 5 of");
    assertThat(index.refused())
        .filteredOn(r -> r.reason() == Refusal.Reason.BAD_METADATA)
        .singleElement()
        .extracting(Refusal::detail)
        .asString()
        .contains("'holdout'")
        .contains("line 7");
    // the empty and the truncated file pass the index (names only); the importer refuses them
    assertThat(index.clips())
        .extracting(Clip::id)
        .contains("FSD50K.dev_audio/16404.wav", "FSD50K.dev_audio/16405.wav");
  }

  @Test
  void withoutVocabularyTheLabelsFoundAreTheVocabularyWithAWarning() throws IOException {
    Files.delete(root.resolve("FSD50K.ground_truth/vocabulary.csv"));
    DatasetIndex index =
        Datasets.index(root, Layout.FSD50K, LayoutOptions.defaults(), JobContext.none());
    assertThat(index.labels()).contains("Banjo_typo");
    assertThat(index.warnings())
        .anySatisfy(w -> assertThat(w).contains("vocabulary.csv is missing"));
  }

  /** A vocabulary row with an unquoted comma in its label is not read as a shorter label. */
  @Test
  void aVocabularyRowWithoutThreeFieldsIsNamedNotMisread() throws IOException {
    Path vocabulary = root.resolve("FSD50K.ground_truth/vocabulary.csv");
    String before = Files.readString(vocabulary);
    Files.writeString(vocabulary, before + (before.endsWith("\n") ? "" : "\n") + "99,Speech, human,/m/xyz\n");
    DatasetIndex index = Datasets.index(root, Layout.FSD50K, LayoutOptions.defaults(), JobContext.none());
    assertThat(index.labels()).doesNotContain("Speech");
    assertThat(index.warnings())
        .anySatisfy(w -> assertThat(w).contains("without exactly 3 fields").contains("(4 fields)"));
  }

  @Test
  void onlyTheEvalHalfIsEnough() throws IOException {
    Files.delete(root.resolve("FSD50K.ground_truth/dev.csv"));
    DatasetIndex index =
        Datasets.index(root, Layout.FSD50K, LayoutOptions.defaults(), JobContext.none());
    assertThat(index.clips()).extracting(Clip::split).containsOnly(Split.TEST).hasSize(2);
    assertThat(index.warnings()).anySatisfy(w -> assertThat(w).contains("dev.csv is missing"));
    assertThat(index.warnings())
        .anySatisfy(w -> assertThat(w).contains("no ground-truth row names"));
  }

  @Test
  void labelsAreSplitOnCommasTrimmedAndDeduplicated() {
    assertThat(Fsd50kReader.labels(" Bark, Dog,,Bark ")).isEqualTo(List.of("Bark", "Dog"));
  }

  @Test
  void largeGroundTruthReportsProgressAndStopsWhenCancelled(@TempDir Path big) throws IOException {
    IndexBenchmark.generateFsd50k(big, 1500, 7);
    List<Long> done = new java.util.ArrayList<>();
    JobContext counting =
        new JobContext() {
          @Override
          public void progress(long d, long total, String message) {
            done.add(d);
            assertThat(total).isEqualTo(1500);
          }

          @Override
          public boolean isCancelled() {
            return false;
          }
        };
    DatasetIndex index = Datasets.index(big, null, LayoutOptions.defaults(), counting);
    assertThat(index.clips()).hasSize(1500);
    assertThat(index.refused()).isEmpty();
    assertThat(index.countBySplit().get(Split.TEST)).isEqualTo(300);
    assertThat(done).contains(512L, 1024L, 1500L);

    JobContext cancelled =
        new JobContext() {
          @Override
          public void progress(long d, long total, String message) {}

          @Override
          public boolean isCancelled() {
            return true;
          }
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Datasets.index(big, Layout.FSD50K, LayoutOptions.defaults(), cancelled))
        .isInstanceOf(org.tkdworkbench.jobs.CancelledException.class);
  }
}
