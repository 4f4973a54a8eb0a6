package org.tkdworkbench.ui.wizard;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.audio.AudioFiles;
import org.tkdworkbench.data.DatasetImporter;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.DatasetRegistry;
import org.tkdworkbench.data.Datasets;
import org.tkdworkbench.data.ImportReport;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.data.SampleDataset;
import org.tkdworkbench.data.noisy.NoisyKeywordBuilder;
import org.tkdworkbench.data.noisy.NoisySpec;
import org.tkdworkbench.jobs.JobContext;
import org.tkdworkbench.workspace.Workspace;

/** The wizard's services on the real core: detection, indexing, the importer, builder, registry. */
public final class CoreWizardServices implements WizardServices {
  private static final String BACKGROUND_NOISE = "_background_noise_";

  private final Workspace workspace;
  private final AudioDecoder decoder;
  private final DatasetRegistry registry;
  private final int threads;

  public CoreWizardServices(Workspace workspace, AudioDecoder decoder, int threads) {
    this.workspace = workspace;
    this.decoder = decoder;
    this.registry = new DatasetRegistry(workspace);
    this.threads = threads;
  }

  @Override
  public Optional<Path> sample() {
    return SampleDataset.locate();
  }

  @Override
  public Path workspaceRoot() {
    return workspace.root();
  }

  @Override
  public Detected detect(Path root) throws IOException {
    requireReadableFolder(root);
    Layout layout = Datasets.detect(root);
    Path noise = root.resolve(BACKGROUND_NOISE);
    String manifest = null;
    try (Stream<Path> top = Files.list(root)) {
      manifest =
          top.filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv"))
              .sorted()
              .findFirst()
              .orElse(null);
    }
    return new Detected(layout, Files.isDirectory(noise) ? noise : null, manifest);
  }

  @Override
  public DatasetIndex index(Path root, Layout layout, LayoutOptions options, JobContext ctx)
      throws IOException {
    requireReadableFolder(root);
    return Datasets.index(root, layout, options, ctx);
  }

  @Override
  public ImportReport report(DatasetIndex index, JobContext ctx) {
    return new DatasetImporter(decoder, threads).report(index, ctx);
  }

  @Override
  public List<Path> audioFilesIn(Path folder) throws IOException {
    requireReadableFolder(folder);
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> AudioFiles.isAudioFileName(p.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  @Override
  public NoisyKeywordBuilder.Result buildNoisy(
      DatasetIndex source, List<Path> noise, NoisySpec spec, Path output, JobContext ctx)
      throws IOException {
    return new NoisyKeywordBuilder(decoder).build(source, noise, spec, output, ctx);
  }

  @Override
  public String fingerprint(DatasetIndex index) throws IOException {
    return DatasetRegistry.fingerprint(index);
  }

  @Override
  public RegisteredDataset register(RegisteredDataset entry) throws IOException {
    return registry.register(entry);
  }

  @Override
  public boolean usableOutput(Path folder) {
    if (!Files.exists(folder)) {
      return true;
    }
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void discard(Path builtFolder) throws IOException {
    if (!Files.isDirectory(builtFolder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> all = Files.walk(builtFolder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Throws the exception whose type says what is wrong, so the UI can phrase it. */
  private static void requireReadableFolder(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString());
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    if (!Files.isReadable(dir)) {
      throw new AccessDeniedException(dir.toString());
    }
  }
}
