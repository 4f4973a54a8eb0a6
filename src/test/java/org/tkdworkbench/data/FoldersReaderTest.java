package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.jobs.JobContext;

class FoldersReaderTest {
  @TempDir Path tmp;

  private static Map<String, String> labelAndSplit(DatasetIndex index) {
    return index.clips().stream()
        .collect(Collectors.toMap(Clip::id, c -> c.label() + "/" + c.split().displayName()));
  }

  @Test
  void theFirstFolderIsTheLabelAtAnyDepthAndEverythingIsTrain() throws IOException {
    Path root = tmp.resolve("d");
    DatasetFixtures.wav(root.resolve("dog/a.wav"));
    DatasetFixtures.wav(root.resolve("dog/session/2/b.wav"));
    DatasetFixtures.wav(root.resolve("cat/c.wav"));
    DatasetFixtures.textFile(root.resolve("cat/readme.txt"), "not audio: ignored silently");

    DatasetIndex index = Datasets.index(root, null, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.layout()).isEqualTo(Layout.FOLDERS);
    assertThat(labelAndSplit(index))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "dog/a.wav",
                "dog/train",
                "dog/session/2/b.wav",
                "dog/train",
                "cat/c.wav",
                "cat/train"));
    assertThat(index.refused()).isEmpty();
    assertThat(index.warnings()).isEmpty();
  }

  /** Labels spelt two ways stay two classes, with a warning; a folder with no clips says so. */
  @Test
  void labelsDifferingOnlyByCaseAreWarnedAboutAndNoClipsIsSaid() throws IOException {
    Path root = tmp.resolve("d");
    DatasetFixtures.wav(root.resolve("Dog/a.wav"));
    DatasetFixtures.wav(root.resolve("dog/b.wav"));
    DatasetFixtures.wav(root.resolve("cat/c.wav"));

    DatasetIndex index = Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.labels()).containsExactly("Dog", "cat", "dog");
    assertThat(index.warnings()).singleElement().asString()
        .isEqualTo("labels that differ only by case are kept as separate classes: Dog / dog");

    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty.resolve("dog"));
    DatasetFixtures.textFile(empty.resolve("dog/readme.txt"), "no audio here");
    DatasetIndex none = Datasets.index(empty, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    assertThat(none.clips()).isEmpty();
    assertThat(none.warnings()).anySatisfy(w -> assertThat(w).startsWith("no clips: nothing in " + empty).contains("folders layout"));
  }

  @Test
  void splitFoldersAtTheTopAreReadAsSplitsWithLabelsInside() throws IOException {
    Path root = tmp.resolve("d");
    DatasetFixtures.wav(root.resolve("train/dog/a.wav"));
    DatasetFixtures.wav(root.resolve("train/cat/b.wav"));
    DatasetFixtures.wav(root.resolve("Valid/dog/c.wav"));
    DatasetFixtures.wav(root.resolve("test/cat/deeper/d.wav"));
    DatasetFixtures.wav(root.resolve("test/loose.wav"));
    DatasetFixtures.wav(root.resolve(".cache/x/y.wav"));

    DatasetIndex index =
        Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());

    assertThat(labelAndSplit(index))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "train/dog/a.wav", "dog/train",
                "train/cat/b.wav", "cat/train",
                "Valid/dog/c.wav", "dog/validation",
                "test/cat/deeper/d.wav", "cat/test"));
    assertThat(index.labels()).containsExactly("cat", "dog");
    assertThat(index.warnings())
        .anySatisfy(w -> assertThat(w).contains("read as splits"))
        .anySatisfy(
            w -> assertThat(w).contains("directly in a split folder").contains("test/loose.wav"));
  }

  @Test
  void aDcaseStyleDevAndEvalTreeWarnsThatTheTrainSplitIsEmptyAndWhatToDo() throws IOException {
    Path root = tmp.resolve("dcase");
    DatasetFixtures.wav(root.resolve("dev/dog/a.wav"));
    DatasetFixtures.wav(root.resolve("eval/dog/b.wav"));

    DatasetIndex index = Datasets.index(root, null, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.countBySplit()).containsEntry(Split.TRAIN, 0);
    assertThat(index.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("No clip is in the train split")
                    .contains("dev = validation, eval = test")
                    .contains("rename")
                    .contains("manifest"));
  }

  @Test
  void aClassFolderNamedLikeASplitBesideOtherClassesStaysAClass() throws IOException {
    Path root = tmp.resolve("d");
    DatasetFixtures.wav(root.resolve("test/a.wav"));
    DatasetFixtures.wav(root.resolve("dog/b.wav"));
    DatasetIndex index =
        Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    assertThat(labelAndSplit(index))
        .containsEntry("test/a.wav", "test/train")
        .containsEntry("dog/b.wav", "dog/train");
  }

  @Test
  void aSymbolicLinkOutOfTheRootIsRefused() throws IOException {
    Path root = tmp.resolve("d");
    DatasetFixtures.wav(root.resolve("dog/a.wav"));
    Path outside = DatasetFixtures.wav(tmp.resolve("elsewhere/secret.wav"));
    Files.createSymbolicLink(root.resolve("dog/secret.wav"), outside);

    DatasetIndex index =
        Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.clips()).extracting(Clip::id).containsExactly("dog/a.wav");
    assertThat(index.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("dog/secret.wav");
              assertThat(r.reason()).isEqualTo(Refusal.Reason.OUTSIDE_ROOT);
              assertThat(r.detail()).contains(outside.toRealPath().toString());
            });
  }
}
