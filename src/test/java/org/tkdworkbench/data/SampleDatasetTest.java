package org.tkdworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDatasetTest {
  @TempDir Path project;

  @Test
  void anExplicitPropertyWins() throws IOException {
    Path elsewhere = Files.createDirectories(project.resolve("elsewhere"));
    Files.createDirectories(project.resolve("sample-audio"));
    assertThat(SampleDataset.locate(elsewhere.toString(), project, null)).contains(elsewhere);
  }

  @Test
  void thenTheWorkingDirectory() throws IOException {
    Path sample = Files.createDirectories(project.resolve("sample-audio"));
    assertThat(SampleDataset.locate(null, project, null)).contains(sample);
    assertThat(SampleDataset.locate(project.resolve("missing").toString(), project, null))
        .contains(sample);
  }

  @Test
  void thenBesideTheJarOrClassFolder() throws IOException {
    Path sample = Files.createDirectories(project.resolve("sample-audio"));
    Path classes = Files.createDirectories(project.resolve("target/classes"));
    Path jar = Files.write(project.resolve("target/tkd-workbench.jar"), new byte[0]);
    Path cwd = Files.createDirectories(project.resolve("somewhere/else"));
    assertThat(SampleDataset.locate(null, cwd, classes)).contains(sample);
    assertThat(SampleDataset.locate(null, cwd, jar)).contains(sample);
  }

  @Test
  void emptyWhenNowhere() throws IOException {
    Path cwd = Files.createDirectories(project.resolve("a/b/c/d/e"));
    assertThat(SampleDataset.locate(null, cwd, cwd.resolve("x.jar"))).isEmpty();
  }

  /** The real bundled sample, registered once in a new workspace, not again on the next start. */
  @Test
  void theBundledSampleIsRegisteredOnceInANewWorkspace() throws Exception {
    Path sample = SampleDataset.locate().orElseThrow();
    DatasetIndex index = Datasets.index(sample, null, LayoutOptions.defaults(), org.tkdworkbench.jobs.JobContext.none());
    DatasetRegistry registry = new DatasetRegistry(new org.tkdworkbench.workspace.Workspace(project.resolve("ws")));

    RegisteredDataset first = SampleDataset.registerIfAbsent(registry, index).orElseThrow();
    assertThat(first.name()).isEqualTo(SampleDataset.REGISTERED_NAME);
    assertThat(first.root()).isEqualTo(sample.toAbsolutePath().normalize().toString());
    assertThat(first.clips()).isEqualTo(index.clips().size()).isGreaterThan(300);
    assertThat(first.fingerprint()).isEqualTo(DatasetRegistry.fingerprint(index));

    assertThat(SampleDataset.registerIfAbsent(registry, index)).as("the second start").isEmpty();
    assertThat(registry.list()).hasSize(1);
  }
}
