package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.workspace.Workspace;

class DatasetRegistryTest {
  @TempDir Path ws;

  private DatasetRegistry registry() {
    return new DatasetRegistry(new Workspace(ws));
  }

  private static RegisteredDataset entry(String name, String root) {
    return new RegisteredDataset(
        null,
        name,
        root,
        "esc50",
        new LayoutOptions(2, 3, null),
        FeatureSpec.defaults(),
        "ab12",
        42,
        Instant.parse("2025-01-31T12:00:00Z"));
  }

  @Test
  void registeredDatasetsComeBackEqualOldestFirst() throws IOException {
    DatasetRegistry r = registry();
    assertThat(r.list()).isEmpty();

    RegisteredDataset a = r.register(entry("ESC-50 (fold 2)", "/data/esc"));
    RegisteredDataset b = r.register(entry("ESC-50 (fold 2)", "/data/esc-copy"));

    assertThat(a.id()).isEqualTo("esc-50-fold-2");
    assertThat(b.id()).isEqualTo("esc-50-fold-2-2");
    assertThat(registry().list()).containsExactly(a, b);
    assertThat(registry().find("esc-50-fold-2-2")).contains(b);
    assertThat(registry().find("nope")).isEmpty();
    RegisteredDataset back = registry().list().get(0);
    assertThat(back.options()).isEqualTo(new LayoutOptions(2, 3, null));
    assertThat(back.features()).isEqualTo(FeatureSpec.defaults());
    assertThat(back.importedAt()).isEqualTo(Instant.parse("2025-01-31T12:00:00Z"));
  }

  @Test
  void theFileIsVersionedJsonWithSnakeCaseFields() throws IOException {
    registry().register(entry("a", "/data/a"));
    JsonNode top = new ObjectMapper().readTree(ws.resolve("datasets.json").toFile());
    assertThat(top.get("schema_version").asInt()).isEqualTo(1);
    JsonNode d = top.get("datasets").get(0);
    assertThat(d.get("imported_at").asText()).isEqualTo("2025-01-31T12:00:00Z");
    assertThat(d.get("options").get("test_fold").asInt()).isEqualTo(2);
    assertThat(d.get("features").get("n_fft").asInt()).isEqualTo(512);
  }

  @Test
  void registeringTheSameRootAgainReplacesItAndKeepsItsId() throws IOException {
    DatasetRegistry r = registry();
    RegisteredDataset first = r.register(entry("Sample", "/data/s"));
    r.register(entry("Other", "/data/o"));
    RegisteredDataset again =
        r.register(
            new RegisteredDataset(
                null, "Sample renamed", "/data/./s", "folders", null, null, "cd34", 7, null));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.importedAt()).isNotNull();
    assertThat(r.list())
        .extracting(RegisteredDataset::name)
        .containsExactly("Other", "Sample renamed");
  }

  @Test
  void aCorruptFileIsKeptAsideAndReportedNeverEmptiedSilently() throws IOException {
    Path file = ws.resolve("datasets.json");
    Files.writeString(file, "{\"schema_version\": 1, \"datasets\": [ {\"id\": \"x\", ");

    assertThatThrownBy(() -> registry().list())
        .isInstanceOf(CorruptRegistryException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("datasets.json.corrupt-");
    List<Path> aside;
    try (Stream<Path> s = Files.list(ws)) {
      aside =
          s.filter(p -> p.getFileName().toString().startsWith("datasets.json.corrupt-")).toList();
    }
    assertThat(aside)
        .singleElement()
        .satisfies(
            p ->
                assertThat(Files.readString(p))
                    .isEqualTo("{\"schema_version\": 1, \"datasets\": [ {\"id\": \"x\", "));
    assertThat(file).doesNotExist();
    assertThat(registry().list()).isEmpty();
    assertThat(registry().register(entry("a", "/a")).id()).isEqualTo("a");
  }

  @Test
  void entriesWithoutWhatAnEntryNeedsMakeTheFileCorrupt() throws IOException {
    Files.writeString(
        ws.resolve("datasets.json"), "{\"schema_version\":1,\"datasets\":[{\"name\":\"no id\"}]}");
    assertThatThrownBy(() -> registry().list())
        .isInstanceOf(CorruptRegistryException.class)
        .hasMessageContaining("entry 1");
  }

  @Test
  void unknownFieldsAreReadAndWrittenBack() throws IOException {
    Files.writeString(
        ws.resolve("datasets.json"),
        """
        {"schema_version": 1, "owner": "lab-7", "datasets": [
          {"id": "old", "name": "Old", "root": "/data/old", "layout": "folders", "clips": 3,
           "imported_at": "2024-05-01T00:00:00Z", "future_field": {"x": 1}}
        ]}
        """);
    assertThat(registry().list()).extracting(RegisteredDataset::id).containsExactly("old");

    registry().register(entry("New", "/data/new"));

    JsonNode top = new ObjectMapper().readTree(ws.resolve("datasets.json").toFile());
    assertThat(top.get("owner").asText()).isEqualTo("lab-7");
    assertThat(top.get("datasets").get(0).get("future_field").get("x").asInt()).isEqualTo(1);
    assertThat(top.get("datasets").get(1).get("id").asText()).isEqualTo("new");
  }

  @Test
  void aFileFromANewerVersionIsLeftAlone() throws IOException {
    String newer = "{\"schema_version\": 2, \"datasets\": []}";
    Files.writeString(ws.resolve("datasets.json"), newer);
    assertThatThrownBy(() -> registry().register(entry("a", "/a")))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(CorruptRegistryException.class)
        .hasMessageContaining("newer");
    assertThat(Files.readString(ws.resolve("datasets.json"))).isEqualTo(newer);
  }

  @Test
  void writesAreAtomicAndLeaveNoTemporaryFiles() throws IOException {
    DatasetRegistry r = registry();
    for (int i = 0; i < 5; i++) {
      r.register(entry("d" + i, "/d/" + i));
    }
    try (Stream<Path> s = Files.list(ws)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("datasets.json", ".datasets.json.lock");
    }
    assertThat(r.list()).hasSize(5);
  }

  @Test
  void fingerprintChangesWithFilesSizesAndLabelsButNotWithOrder() throws IOException {
    Path root = ws.resolve("d");
    DatasetFixtures.wav(root.resolve("dog/a.wav"));
    DatasetFixtures.wav(root.resolve("cat/b.wav"));
    DatasetIndex index =
        Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    String fp = DatasetRegistry.fingerprint(index);

    assertThat(fp).matches("[0-9a-f]{64}");
    List<Clip> reversed = new java.util.ArrayList<>(index.clips());
    java.util.Collections.reverse(reversed);
    assertThat(DatasetRegistry.fingerprint(index.withClips(reversed, List.of()))).isEqualTo(fp);

    List<Clip> relabelled =
        List.of(
            index.clips().get(0),
            new Clip(index.clips().get(1).id(), index.clips().get(1).path(), "wolf", Split.TRAIN));
    assertThat(DatasetRegistry.fingerprint(index.withClips(relabelled, List.of())))
        .isNotEqualTo(fp);

    DatasetFixtures.wav(root.resolve("dog/a.wav"), 2.0, 16000);
    assertThat(DatasetRegistry.fingerprint(index)).isNotEqualTo(fp);
  }

  @Test
  void fingerprintChangesWhenAFileIsRewrittenWithTheSameSize() throws IOException {
    Path root = ws.resolve("d");
    Path a = DatasetFixtures.wav(root.resolve("dog/a.wav"));
    DatasetIndex index =
        Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    String fp = DatasetRegistry.fingerprint(index);
    long size = Files.size(a);
    // A rebuilt noisy variant: same length and encoding, other samples, written later.
    byte[] bytes = Files.readAllBytes(a);
    bytes[bytes.length - 1] ^= 1;
    Files.write(a, bytes);
    Files.setLastModifiedTime(
        a,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(a).toMillis() + 2000));
    assertThat(Files.size(a)).isEqualTo(size);
    assertThat(DatasetRegistry.fingerprint(index)).isNotEqualTo(fp);
  }

  @Test
  void fingerprintIsSha256OfTheDocumentedLines() throws Exception {
    Path root = ws.resolve("d");
    Path a = DatasetFixtures.wav(root.resolve("dog/a.wav"));
    DatasetIndex index =
        Datasets.index(root, Layout.FOLDERS, LayoutOptions.defaults(), JobContext.none());
    String line =
        "dog/a.wav\t" + Files.size(a) + "\t" + Files.getLastModifiedTime(a).toMillis() + "\tdog\n";
    byte[] sha =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(DatasetRegistry.fingerprint(index))
        .isEqualTo(java.util.HexFormat.of().formatHex(sha));
  }
}
