package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.jobs.JobContext;

class ManifestReaderTest {
  @TempDir Path tmp;

  /** A manifest dataset at tmp/data with good rows and one planted bad row of each kind. */
  private Path fixture() throws IOException {
    Path root = tmp.resolve("data");
    Path outside = DatasetFixtures.wav(tmp.resolve("outside.wav"));
    DatasetFixtures.wav(root.resolve("clips/a.wav"));
    DatasetFixtures.wav(root.resolve("clips/b.wav"));
    DatasetFixtures.wav(root.resolve("clips/c.wav"));
    DatasetFixtures.wav(root.resolve("clips/d.wav"));
    DatasetFixtures.wav(root.resolve("clips/e.wav"));
    DatasetFixtures.wav(root.resolve("clips/f.wav"));
    Files.createSymbolicLink(root.resolve("clips/link.wav"), outside);
    Files.createSymbolicLink(root.resolve("clips/alias.wav"), root.resolve("clips/a.wav"));
    DatasetFixtures.textFile(root.resolve("clips/notes.txt"), "hi");
    DatasetFixtures.textFile(
        root.resolve("manifest.csv"),
        "path,label,split", //                      line 1
        "clips/a.wav,dog,train", //                 2
        "clips/b.wav,\"dog;bark\",VALIDATION", //   3  multi-label, case-insensitive split
        "clips\\c.wav,cat,Dev", //                  4  Windows separator, dev = validation
        "clips/d.wav,cat,test", //                  5
        "clips/e.wav, cat ;; purr ,", //            6  empty split = train, labels trimmed
        "../outside.wav,dog,train", //              7
        outside + ",dog,train", //                  8  absolute
        "clips/link.wav,dog,train", //              9  symlink out
        "clips/a.wav,dog,test", //                  10 duplicate row
        "clips/alias.wav,dog,train", //             11 the same file by another name
        "clips/missing.wav,dog,train", //           12
        "clips/f.wav,dog,holdout", //               13 bad split
        "clips/f.wav,,train", //                    14 no label
        "clips/notes.txt,dog,train"); //            15 not audio by name
    return root;
  }

  @Test
  void rowsBecomeClipsWithSplitsAndMultiLabelLabels() throws IOException {
    Path root = fixture();
    DatasetIndex index = Datasets.index(root, null, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.layout()).isEqualTo(Layout.MANIFEST);
    assertThat(index.multiLabel()).isTrue();
    Map<String, Clip> byId = index.clips().stream().collect(Collectors.toMap(Clip::id, c -> c));
    assertThat(byId)
        .containsOnlyKeys(
            "clips/a.wav", "clips/b.wav", "clips/c.wav", "clips/d.wav", "clips/e.wav");
    assertThat(byId.get("clips/a.wav").split()).isEqualTo(Split.TRAIN);
    assertThat(byId.get("clips/b.wav").labels()).containsExactly("dog", "bark");
    assertThat(byId.get("clips/b.wav").split()).isEqualTo(Split.VALIDATION);
    assertThat(byId.get("clips/c.wav").split()).isEqualTo(Split.VALIDATION);
    assertThat(byId.get("clips/d.wav").split()).isEqualTo(Split.TEST);
    assertThat(byId.get("clips/e.wav").labels()).containsExactly("cat", "purr");
    assertThat(byId.get("clips/e.wav").split()).isEqualTo(Split.TRAIN);
    assertThat(byId.get("clips/a.wav").path())
        .isEqualTo(root.toAbsolutePath().resolve("clips/a.wav"));
    assertThat(index.labels()).containsExactly("bark", "cat", "dog", "purr");
  }

  @Test
  void everyPlantedRowIsRefusedWithItsReason() throws IOException {
    Path root = fixture();
    DatasetIndex index =
        Datasets.index(root, Layout.MANIFEST, LayoutOptions.defaults(), JobContext.none());

    assertThat(index.refused())
        .extracting(Refusal::path, Refusal::reason)
        .containsExactlyInAnyOrder(
            tuple("../outside.wav", Refusal.Reason.OUTSIDE_ROOT),
            tuple(tmp.resolve("outside.wav").toString(), Refusal.Reason.OUTSIDE_ROOT),
            tuple("clips/link.wav", Refusal.Reason.OUTSIDE_ROOT),
            tuple("clips/a.wav", Refusal.Reason.DUPLICATE),
            tuple("clips/alias.wav", Refusal.Reason.DUPLICATE),
            tuple("clips/missing.wav", Refusal.Reason.MISSING),
            tuple("clips/f.wav", Refusal.Reason.BAD_METADATA),
            tuple("clips/f.wav", Refusal.Reason.BAD_METADATA),
            tuple("clips/notes.txt", Refusal.Reason.NOT_AUDIO));
    assertThat(index.refused())
        .anySatisfy(
            r -> assertThat(r.detail()).contains("line 13 of manifest.csv").contains("'holdout'"));
    assertThat(index.refused())
        .anySatisfy(
            r -> assertThat(r.detail()).contains("line 14 of manifest.csv").contains("no label"));
    assertThat(index.refused())
        .anySatisfy(r -> assertThat(r.detail()).contains("line 8").contains("absolute path"));
    assertThat(index.refused())
        .anySatisfy(
            r -> assertThat(r.detail()).startsWith("symbolic link to").contains("outside.wav"));
    assertThat(index.refused())
        .anySatisfy(r -> assertThat(r.detail()).contains("the same file as clips/a.wav"));
    assertThat(index.refused()).extracting(Refusal::path).isSorted();
  }

  @Test
  void anAbsolutePathInsideTheRootIsRefusedAsAbsoluteNotAsOutside() throws IOException {
    Path root = tmp.resolve("abs");
    DatasetFixtures.wav(root.resolve("clips/a.wav"));
    DatasetFixtures.wav(root.resolve("clips/b.wav"));
    DatasetFixtures.textFile(
        root.resolve("manifest.csv"),
        "path,label",
        "clips/a.wav,dog",
        root.toAbsolutePath().normalize().resolve("clips/b.wav") + ",dog");
    DatasetIndex index = Datasets.index(root, null, LayoutOptions.defaults(), JobContext.none());
    assertThat(index.clips()).extracting(Clip::id).containsExactly("clips/a.wav");
    assertThat(index.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("clips/b.wav");
              assertThat(r.reason()).isEqualTo(Refusal.Reason.BAD_METADATA);
              assertThat(r.detail()).contains("absolute paths are not allowed").contains("line 3");
            });
  }

  @Test
  void pathsAreRelativeToTheManifestsFolderAndMayNotLeaveTheRoot() throws IOException {
    Path root = tmp.resolve("d");
    DatasetFixtures.wav(root.resolve("audio/x.wav"));
    DatasetFixtures.wav(root.resolve("top.wav"));
    DatasetFixtures.textFile(
        root.resolve("lists/train.csv"),
        "label,path",
        "x,../audio/x.wav",
        "t,../top.wav",
        "y,../../escape.wav");

    DatasetIndex index =
        Datasets.index(
            root,
            Layout.MANIFEST,
            new LayoutOptions(null, null, "lists/train.csv"),
            JobContext.none());

    assertThat(index.clips()).extracting(Clip::id).containsExactly("audio/x.wav", "top.wav");
    assertThat(index.multiLabel()).isFalse();
    assertThat(index.refused())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("../../escape.wav");
              assertThat(r.reason()).isEqualTo(Refusal.Reason.OUTSIDE_ROOT);
            });
  }

  @Test
  void aHeaderIsRequiredAndSeveralManifestsMustBeChosenBetween() throws IOException {
    Path root = tmp.resolve("m");
    DatasetFixtures.textFile(root.resolve("a.csv"), "clips/a.wav,dog");
    assertThatThrownBy(
            () ->
                Datasets.index(
                    root,
                    Layout.MANIFEST,
                    new LayoutOptions(null, null, "a.csv"),
                    JobContext.none()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("needs a header line with the columns path and label");

    DatasetFixtures.textFile(root.resolve("one.csv"), "path,label");
    DatasetFixtures.textFile(root.resolve("two.csv"), "path,label");
    assertThatThrownBy(
            () ->
                Datasets.index(root, Layout.MANIFEST, LayoutOptions.defaults(), JobContext.none()))
        .hasMessageContaining("several manifests (one.csv, two.csv)");
  }
}
