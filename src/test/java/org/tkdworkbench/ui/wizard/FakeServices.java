package org.tkdworkbench.ui.wizard;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.ImportReport;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.Refusal;
import org.tkdworkbench.data.RegisteredDataset;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.data.noisy.NoisyKeywordBuilder;
import org.tkdworkbench.data.noisy.NoisySpec;
import org.tkdworkbench.jobs.JobContext;

/** Services that answer from memory and record what they were asked. */
final class FakeServices implements WizardServices {
  final Path workspace;
  Path sample;
  Layout detectedLayout = Layout.SPEECH_COMMANDS;
  IOException detectFailure;
  IOException indexFailure;
  int clipsPerLabel = 3;
  List<String> labels = List.of("no", "yes");
  List<Refusal> refusals = List.of();
  final Set<Path> taken = new HashSet<>();
  final List<String> calls = new ArrayList<>();
  final List<RegisteredDataset> registered = new ArrayList<>();
  final List<Path> discarded = new ArrayList<>();
  NoisySpec builtWith;
  /** When set, the report waits here (checking for cancel) before answering. */
  CountDownLatch reportGate;
  volatile boolean reportSawCancel;

  FakeServices(Path workspace, Path sample) {
    this.workspace = workspace;
    this.sample = sample;
  }

  @Override
  public Optional<Path> sample() {
    return Optional.ofNullable(sample);
  }

  @Override
  public Path workspaceRoot() {
    return workspace;
  }

  @Override
  public Detected detect(Path root) throws IOException {
    calls.add("detect " + root.getFileName());
    if (detectFailure != null) {
      throw detectFailure;
    }
    return new Detected(detectedLayout, root.resolve("_background_noise_"), null);
  }

  @Override
  public DatasetIndex index(Path root, Layout layout, LayoutOptions options, JobContext ctx)
      throws IOException {
    calls.add("index " + root.getFileName() + " " + layout.cliName());
    if (indexFailure != null) {
      throw indexFailure;
    }
    List<Clip> clips = new ArrayList<>();
    for (String label : labels) {
      for (int i = 0; i < clipsPerLabel; i++) {
        Split split = i == 0 ? Split.TEST : Split.TRAIN;
        String id = label + "/" + i + ".wav";
        clips.add(new Clip(id, root.resolve(id), label, split));
      }
    }
    return new DatasetIndex(
        root, layout, options, clips, List.of(root.resolve("_background_noise_/n.wav")), labels,
        false, refusals, List.of());
  }

  @Override
  public ImportReport report(DatasetIndex index, JobContext ctx) {
    calls.add("report " + index.root().getFileName());
    if (reportGate != null) {
      try {
        while (reportGate.getCount() > 0) {
          if (ctx.isCancelled()) {
            reportSawCancel = true;
            ctx.checkCancelled();
          }
          ctx.progress(1, 4, "clip 1 of 4");
          Thread.sleep(5);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    SortedMap<String, Map<Split, Integer>> perClass = new TreeMap<>();
    Map<Split, Integer> perSplit = new EnumMap<>(Split.class);
    for (Clip c : index.clips()) {
      perClass.computeIfAbsent(c.label(), k -> new EnumMap<>(Split.class)).merge(c.split(), 1, Integer::sum);
      perSplit.merge(c.split(), 1, Integer::sum);
    }
    return new ImportReport(
        index, perClass, perSplit, index.clips().size(), 1.0, 1.0,
        new TreeMap<>(Map.of(16000, index.clips().size())), index.refused());
  }

  @Override
  public List<Path> audioFilesIn(Path folder) {
    calls.add("list " + folder.getFileName());
    return List.of(folder.resolve("noise.wav"));
  }

  @Override
  public NoisyKeywordBuilder.Result buildNoisy(
      DatasetIndex source, List<Path> noise, NoisySpec spec, Path output, JobContext ctx) {
    calls.add("build " + output.getFileName() + " from " + noise.size() + " noise files");
    builtWith = spec;
    taken.add(output);
    return new NoisyKeywordBuilder.Result(output, source.clips().size(), 0, List.of());
  }

  @Override
  public String fingerprint(DatasetIndex index) {
    return "fp-" + index.clips().size();
  }

  @Override
  public RegisteredDataset register(RegisteredDataset entry) {
    calls.add("register " + entry.name());
    RegisteredDataset stored =
        new RegisteredDataset(
            entry.name().toLowerCase(), entry.name(), entry.root(), entry.layout(), entry.options(),
            entry.features(), entry.fingerprint(), entry.clips(), entry.importedAt());
    registered.add(stored);
    return stored;
  }

  @Override
  public boolean usableOutput(Path folder) {
    return !taken.contains(folder);
  }

  @Override
  public void discard(Path builtFolder) {
    calls.add("discard " + builtFolder.getFileName());
    discarded.add(builtFolder);
    taken.remove(builtFolder);
  }
}
