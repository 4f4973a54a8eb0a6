package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.jobs.JobContext;

/**
 * Speaker folds: Speech Commands' hash (values from Python's {@code hashlib.sha1}, as TensorFlow's
 * {@code which_set} computes them), equal contiguous runs, and the bundled sample's published split
 * as fold 2 of 10 (its lists were made by that hash in {@code make_sample.py}, not by this code).
 */
class SpeakerFoldsTest {
  @TempDir Path tmp;

  @Test
  void theSpeakerIsTheNameBeforeNohashOrTheWholeName() {
    assertThat(SpeakerFolds.speaker("yes/0a7c2a8d_nohash_0.wav")).isEqualTo("0a7c2a8d");
    assertThat(SpeakerFolds.speaker("a/b/c0a2ea38_nohash_1-copy3.wav")).isEqualTo("c0a2ea38");
    assertThat(SpeakerFolds.speaker("dog/bark.wav")).isEqualTo("bark.wav");
  }

  @Test
  void placesAreSpeechCommandsHashes() {
    // python3: int(hashlib.sha1(s.encode()).hexdigest(), 16) % 2**27
    assertThat(SpeakerFolds.place("c0a2ea38")).isEqualTo(370214L);
    assertThat(SpeakerFolds.place("550a18d4")).isEqualTo(16429552L);
    assertThat(SpeakerFolds.place("0951a367")).isEqualTo(116207214L);
    assertThat(SpeakerFolds.place("speaker")).isEqualTo(82746716L);
    assertThat(SpeakerFolds.percentage("550a18d4")).isCloseTo(12.240970, within(1e-5));
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void foldsAreContiguousRunsOfEqualSizeSmallerFirst() {
    List<String> speakers =
        IntStream.range(0, 32).mapToObj(i -> "s" + i).collect(Collectors.toList());
    Map<String, Integer> fold = SpeakerFolds.assign(speakers, 10);
    assertThat(fold).hasSize(32);
    Map<Integer, Long> sizes =
        fold.values().stream().collect(Collectors.groupingBy(f -> f, Collectors.counting()));
    for (int f = 1; f <= 8; f++) {
      assertThat(sizes.get(f)).as("fold " + f).isEqualTo(3L);
    }
    assertThat(sizes.get(9)).isEqualTo(4L);
    assertThat(sizes.get(10)).isEqualTo(4L);
    // in fold order the places never go down: each fold is a run of places
    List<String> order = new ArrayList<>(fold.keySet());
    for (int i = 1; i < order.size(); i++) {
      assertThat(fold.get(order.get(i))).isGreaterThanOrEqualTo(fold.get(order.get(i - 1)));
      assertThat(SpeakerFolds.place(order.get(i)))
          .isGreaterThanOrEqualTo(SpeakerFolds.place(order.get(i - 1)));
    }
    // the same speakers in another order get the same folds
    List<String> reversed = new ArrayList<>(speakers);
    java.util.Collections.reverse(reversed);
    assertThat(SpeakerFolds.assign(reversed, 10)).isEqualTo(fold);
    // more folds than speakers: one speaker per fold, the first folds empty
    assertThat(SpeakerFolds.assign(List.of("a", "b"), 3).values()).containsExactlyInAnyOrder(2, 3);
  }

  @Test
  void tenFoldsOfTheBundledSampleHaveItsPublishedSplitAsFoldTwo() throws IOException {
    Path sample = SampleDataset.locate().orElseThrow();
    DatasetIndex published =
        Datasets.index(sample, Layout.SPEECH_COMMANDS, LayoutOptions.defaults(), JobContext.none());
    DatasetIndex fold2 =
        Datasets.index(
            sample,
            Layout.SPEECH_COMMANDS,
            LayoutOptions.speakerFolds(10, 2, null),
            JobContext.none());
    assertThat(splits(fold2)).isEqualTo(splits(published));
    assertThat(fold2.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("validation_list.txt and testing_list.txt are not used")
                    .contains("10 folds, test fold 2, validation fold 1"));
  }

  @Test
  void everyClipIsTestedOnceAndNoSpeakerCrossesSplits() throws IOException {
    Path sample = SampleDataset.locate().orElseThrow();
    Map<String, Integer> testedIn = new HashMap<>();
    int clips = 0;
    for (int k = 1; k <= 10; k++) {
      DatasetIndex index =
          Datasets.index(
              sample,
              Layout.SPEECH_COMMANDS,
              LayoutOptions.speakerFolds(10, k, null),
              JobContext.none());
      clips = index.clips().size();
      Map<String, Set<Split>> splitsOf = new HashMap<>();
      for (Clip c : index.clips()) {
        splitsOf.computeIfAbsent(SpeakerFolds.speaker(c.id()), s -> new HashSet<>()).add(c.split());
        if (c.split() == Split.TEST) {
          assertThat(testedIn.put(c.id(), k)).as(c.id() + " tested twice").isNull();
        }
      }
      assertThat(splitsOf.values()).allSatisfy(s -> assertThat(s).hasSize(1));
      assertThat(index.countBySplit().get(Split.VALIDATION)).as("fold " + k).isPositive();
      assertThat(index.countBySplit().get(Split.TEST)).as("fold " + k).isPositive();
    }
    assertThat(testedIn).hasSize(clips);
  }

  @Test
  void theValidationFoldDefaultsToTheOneBefore() throws IOException {
    Path root = tmp.resolve("sc");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String name = "yes/spk" + i + "_nohash_0.wav";
      DatasetFixtures.wav(root.resolve(name));
      names.add(name);
    }
    Files.writeString(root.resolve("testing_list.txt"), names.get(0) + "\n", StandardCharsets.UTF_8);
    // Speech Commands' hash orders them spk5, spk0 | spk4, spk2 | spk3, spk1 (python3:
    // int(hashlib.sha1(s.encode()).hexdigest(), 16) % 2**27), so three folds of two.
    DatasetIndex first =
        Datasets.index(
            root, Layout.SPEECH_COMMANDS, LayoutOptions.speakerFolds(3, 1, null), JobContext.none());
    assertThat(speakersBySplit(first))
        .containsEntry(Split.TEST, List.of("spk0", "spk5"))
        .containsEntry(Split.VALIDATION, List.of("spk1", "spk3")) // fold 3, before fold 1
        .containsEntry(Split.TRAIN, List.of("spk2", "spk4"));
    assertThat(first.warnings()).anySatisfy(w -> assertThat(w).startsWith("testing_list.txt is not used"));
    DatasetIndex chosen =
        Datasets.index(
            root, Layout.SPEECH_COMMANDS, LayoutOptions.speakerFolds(3, 1, 2), JobContext.none());
    assertThat(speakersBySplit(chosen))
        .containsEntry(Split.VALIDATION, List.of("spk2", "spk4"))
        .containsEntry(Split.TRAIN, List.of("spk1", "spk3"));
  }

  private static Map<Split, List<String>> speakersBySplit(DatasetIndex index) {
    return index.clips().stream()
        .collect(
            Collectors.groupingBy(
                Clip::split,
                Collectors.mapping(
                    c -> SpeakerFolds.speaker(c.id()),
                    Collectors.collectingAndThen(Collectors.toList(), l -> l.stream().sorted().toList()))));
  }

  @Test
  void anEmptyFoldIsSaid() throws IOException {
    Path root = tmp.resolve("two");
    DatasetFixtures.wav(root.resolve("yes/a_nohash_0.wav"));
    DatasetFixtures.wav(root.resolve("no/b_nohash_0.wav"));
    DatasetIndex index =
        Datasets.index(
            root, Layout.SPEECH_COMMANDS, LayoutOptions.speakerFolds(4, 1, null), JobContext.none());
    assertThat(index.warnings())
        .anySatisfy(w -> assertThat(w).contains("Fold 1 has no speakers (2 speakers in 4 folds)"));
  }

  @Test
  void otherLayoutsRefuseSpeakerFolds() throws IOException {
    Path esc = tmp.resolve("ESC-50-master");
    DatasetFixtures.esc50(esc);
    assertThatThrownBy(
            () -> Datasets.index(esc, null, LayoutOptions.speakerFolds(5, 1, null), JobContext.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layout.folds: speaker folds need the speech-commands layout")
        .hasMessageContaining("found esc50 (it has its own five folds");
  }

  @Test
  void optionsAreValidatedAgainstTheFoldCount() {
    assertThat(LayoutOptions.speakerFolds(2, 1, null).validate())
        .containsExactly(
            "layout.folds: must be in 3..10000 (a test fold, a validation fold and one to train"
                + " on), found 2");
    assertThat(LayoutOptions.speakerFolds(Integer.MAX_VALUE, 1, null).validate())
        .singleElement()
        .asString()
        .startsWith("layout.folds: must be in 3..10000");
    assertThat(new LayoutOptions(null, null, null, 10).validate())
        .containsExactly("layout.test_fold: required with layout.folds (a fold in 1..10)");
    assertThat(LayoutOptions.speakerFolds(10, 11, null).validate())
        .containsExactly("layout.test_fold: must be in 1..10, found 11");
    assertThat(LayoutOptions.speakerFolds(10, 7, 7).validate())
        .containsExactly("layout.validation_fold: must differ from the test fold (7), found 7");
    assertThat(LayoutOptions.speakerFolds(10, 7, 9).validate()).isEmpty();
    assertThat(LayoutOptions.speakerFolds(10, 1, null).speakerValidationFold()).isEqualTo(10);
    assertThat(LayoutOptions.speakerFolds(10, 4, null).speakerValidationFold()).isEqualTo(3);
    // without folds the ESC-50 bounds stay
    assertThat(new LayoutOptions(7, null, null).validate())
        .containsExactly("layout.test_fold: must be in 1..5, found 7");
  }

  @Test
  void foldsAreWrittenAndReadAsJsonAndLeftOutWhenUnset() throws IOException {
    var mapper = org.tkdworkbench.workspace.Json.mapper();
    String json = mapper.writeValueAsString(LayoutOptions.speakerFolds(10, 2, null));
    assertThat(mapper.readTree(json)).isEqualTo(mapper.readTree("{\"test_fold\":2,\"folds\":10}"));
    assertThat(mapper.readValue(json, LayoutOptions.class))
        .isEqualTo(LayoutOptions.speakerFolds(10, 2, null));
    assertThat(mapper.writeValueAsString(new LayoutOptions(2, 3, null))).doesNotContain("folds");
  }

  private static Map<String, Split> splits(DatasetIndex index) {
    return index.clips().stream().collect(Collectors.toMap(Clip::id, Clip::split));
  }
}
