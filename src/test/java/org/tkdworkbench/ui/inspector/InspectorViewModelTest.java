package org.tkdworkbench.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tkdworkbench.audio.PlaybackOutput;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Layout;
import org.tkdworkbench.data.LayoutOptions;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.distill.HeadFusion;
import org.tkdworkbench.distill.Rollout;
import org.tkdworkbench.distill.RolloutMethod;
import org.tkdworkbench.jobs.ExecutorJobRunner;
import org.tkdworkbench.jobs.JobRunner;
import org.tkdworkbench.jobs.SameThreadJobRunner;
import org.tkdworkbench.models.AttentionTeacher;
import org.tkdworkbench.ui.browser.ClipAnalysis;
import org.tkdworkbench.ui.browser.ClipAnalyzer;
import org.tkdworkbench.ui.browser.DecodingClipAnalyzer;
import org.tkdworkbench.ui.plot.WaveformEnvelope;

/** The inspector's state and jobs without the toolkit, on a fake teacher with known peaks. */
class InspectorViewModelTest {
  private static final Path TEACHER = Path.of("/ws/teachers/fake");

  @TempDir Path tmp;
  private final FakeTeacher teacher = new FakeTeacher();
  private final TestMaps maps = new TestMaps();
  private final List<Path> opened = new ArrayList<>();
  private ExecutorJobRunner pool;

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.close();
    }
  }

  private final TeacherSource source =
      new TeacherSource() {
        @Override
        public List<Path> list() {
          return List.of(TEACHER);
        }

        @Override
        public AttentionTeacher open(Path folder) throws IOException {
          opened.add(folder);
          if (folder.getFileName().toString().equals("broken")) {
            throw new IOException(folder.resolve("spec.json") + ": not JSON");
          }
          return folder.equals(TEACHER) ? teacher : new FakeTeacher();
        }
      };

  /** One second of silence; the display spectrogram has one loud band. */
  private static final ClipAnalyzer ANALYZER =
      (clip, ctx) -> {
        if (clip.id().contains("broken")) {
          throw new IOException("truncated: header promises 16000 frames, file holds 7");
        }
        float[] samples = new float[16000];
        float[][] logMel = new float[101][128];
        for (float[] f : logMel) {
          Arrays.fill(f, -13f);
          f[20] = 0;
        }
        return new ClipAnalysis(
            clip,
            samples,
            logMel,
            DecodingClipAnalyzer.DISPLAY_SPEC,
            WaveformEnvelope.of(samples, 16000, 64));
      };

  private InspectorViewModel vm(
      JobRunner runner, java.util.concurrent.Executor fx, AttentionMaps m) {
    return new InspectorViewModel(
        runner,
        source,
        (clip, spec) -> new float[101][spec.nMels()],
        ANALYZER,
        m,
        new Silent(),
        fx);
  }

  private DatasetIndex dataset(String... ids) throws IOException {
    List<Clip> clips = new ArrayList<>();
    for (String id : ids) {
      clips.add(new Clip(id, tmp.resolve(id), id.substring(0, id.indexOf('/')), Split.TEST));
    }
    Files.writeString(
        tmp.resolve("keyword_spans.csv"),
        "clip,start_s,end_s,snr_db,noise,noise_start_s,offset_s,keyword_gain,noise_gain\n"
            + "yes/a.wav,0.300000,0.600000,3.0,pink.wav,0.0,0.2,1,0.5\n");
    return new DatasetIndex(
        tmp,
        Layout.FOLDERS,
        LayoutOptions.defaults(),
        clips,
        List.of(),
        List.of("no", "yes"),
        false,
        List.of(),
        List.of());
  }

  private InspectorViewModel ready(String... ids) throws IOException {
    InspectorViewModel vm = vm(new SameThreadJobRunner(), Runnable::run, maps);
    vm.refreshTeachers();
    vm.setDataset(dataset(ids));
    return vm;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void theFirstTeacherIsOpenedAndItsLayersOffered() throws IOException {
    InspectorViewModel vm = ready("yes/a.wav");
    assertThat(vm.teacherFolderProperty().get()).isEqualTo(TEACHER);
    assertThat(vm.specProperty().get().classes()).containsExactly("no", "yes");
    assertThat(vm.layerChoices()).containsExactly(0, 1);
    assertThat(vm.layerProperty().get()).as("the last layer by default").isEqualTo(1);
  }

  @Test
  void selectingAClipInfersOnceAndSelectorsOnlyRerunRollout() throws IOException {
    InspectorViewModel vm = ready("yes/a.wav", "no/b.wav");
    vm.select(vm.rows().get(0));
    assertThat(teacher.inferences).hasValue(1);
    assertThat(maps.curves).hasValue(1);
    AttentionView v = vm.attentionProperty().get();
    assertThat(v.curve()).hasSize(10);
    assertThat(Arrays.stream(v.curve()).sum()).isCloseTo(1, within(1e-6));
    assertThat(v.layers().height()).isEqualTo(2);
    assertThat(v.layers().width()).isEqualTo(10);
    for (int h = 0; h < 2; h++) {
      assertThat(argmax(v.headRows()[h])).isEqualTo(FakeTeacher.peak(1, h, 10));
    }
    assertThat(v.tokenTimes()[0])
        .isCloseTo(0.045, within(1e-9)); // frames 0..9 centred at 4.5·10 ms

    vm.layerProperty().set(0);
    v = vm.attentionProperty().get();
    assertThat(v.layer()).isZero();
    for (int h = 0; h < 2; h++) {
      assertThat(argmax(v.headRows()[h])).isEqualTo(FakeTeacher.peak(0, h, 10));
    }
    vm.methodProperty().set(RolloutMethod.LAST_LAYER);
    vm.fusionProperty().set(HeadFusion.MAX);
    assertThat(vm.attentionProperty().get().method()).isEqualTo(RolloutMethod.LAST_LAYER);
    assertThat(vm.attentionProperty().get().fusion()).isEqualTo(HeadFusion.MAX);
    assertThat(maps.curves).hasValue(4);
    float[][][][] att = new FakeTeacher().infer(new float[101][40]).attention();
    assertThat(vm.attentionProperty().get().curve())
        .as("the curve is the core's rollout for the chosen method and fusion")
        .containsExactly(
            Rollout.curve(att, RolloutMethod.LAST_LAYER, HeadFusion.MAX), within(1e-12));
    assertThat(teacher.inferences).as("selectors never re-infer").hasValue(1);

    vm.select(vm.rows().get(1));
    vm.select(vm.rows().get(0));
    assertThat(teacher.inferences).as("a clip seen before comes from the cache").hasValue(2);
  }

  @Test
  void theKeywordSpanComesFromKeywordSpansCsv() throws IOException {
    InspectorViewModel vm = ready("yes/a.wav", "no/b.wav");
    vm.select(vm.rows().get(0));
    assertThat(vm.spanProperty().get().startSeconds()).isEqualTo(0.3);
    assertThat(vm.spanProperty().get().endSeconds()).isEqualTo(0.6);
    vm.select(vm.rows().get(1));
    assertThat(vm.spanProperty().get()).as("no row for this clip").isNull();
  }

  @Test
  void theCurvesPeakIsCheckedAgainstTheKeywordSpanClipByClip() throws IOException {
    InspectorViewModel vm = vm(new SameThreadJobRunner(), Runnable::run, maps);
    vm.refreshTeachers();
    DatasetIndex index = dataset("yes/a.wav", "no/b.wav", "no/c.wav");
    // Tokens of 10 frames are centred at 0.045 + 0.1·i s; the last layer's heads peak on tokens 6
    // and 8 (FakeTeacher), so with heads averaged the first maximum is token 6, at 0.645 s.
    Files.writeString(
        tmp.resolve("keyword_spans.csv"),
        "clip,start_s,end_s\nyes/a.wav,0.6,0.7\nno/b.wav,0.0,0.1\n");
    vm.setDataset(index);
    vm.methodProperty().set(RolloutMethod.LAST_LAYER);
    vm.select(row(vm, "yes/a.wav"));
    SpanCheck in = vm.spanCheckProperty().getValue();
    assertThat(in.hit().peakSeconds()).isCloseTo(0.645, within(1e-9));
    assertThat(in.inside()).isTrue();
    assertThat(in.text()).isEqualTo("peak 0.65 s · inside the keyword (0.60–0.70 s)");

    vm.select(row(vm, "no/b.wav"));
    SpanCheck out = vm.spanCheckProperty().getValue();
    assertThat(out.inside()).isFalse();
    assertThat(out.hit().distanceSeconds()).isCloseTo(0.545, within(1e-9));
    assertThat(out.text()).isEqualTo("peak 0.65 s · 0.55 s after the keyword (0.00–0.10 s)");

    vm.select(row(vm, "no/c.wav"));
    assertThat(vm.spanCheckProperty().getValue()).as("no span for this clip").isNull();
  }

  private static org.tkdworkbench.ui.browser.ClipRow row(InspectorViewModel vm, String id) {
    return vm.rows().stream().filter(r -> r.clip().id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void thePredictionIsRightOrWrongAgainstTheTrueLabel() throws IOException {
    InspectorViewModel vm = ready("yes/a.wav", "no/b.wav");
    vm.select(vm.rows().get(0));
    Prediction p = vm.predictionProperty().get();
    assertThat(p.predicted()).isEqualTo("yes");
    assertThat(p.probability()).isCloseTo(1 / (1 + Math.exp(-2)), within(1e-9));
    assertThat(p.correct()).isTrue();
    vm.select(vm.rows().get(1));
    p = vm.predictionProperty().get();
    assertThat(p.correct()).isFalse();
    assertThat(p.text()).isEqualTo("predicted yes (88 %) · true no");
  }

  @Test
  void anUnreadableTeacherOrClipIsAMessageAndTheRestGoesOn() throws IOException {
    InspectorViewModel vm = ready("yes/a.wav", "no/broken.wav");
    vm.openTeacherFolder(Path.of("/ws/teachers/broken"));
    assertThat(vm.messageProperty().get())
        .startsWith("Could not open teacher /ws/teachers/broken: ")
        .endsWith("spec.json: not JSON");
    assertThat(vm.errorProperty().get()).isTrue();
    assertThat(teacher.closed).as("the previous teacher is released").isTrue();

    vm.select(vm.rows().get(0));
    assertThat(vm.rasterProperty().get()).as("the spectrogram still shows").isNotNull();
    assertThat(vm.attentionProperty().get()).isNull();
    assertThat(vm.messageProperty().get()).isEqualTo(InspectorViewModel.CHOOSE_TEACHER);

    vm.teacherFolderProperty().set(TEACHER);
    assertThat(vm.attentionProperty().get()).as("the selected clip is shown again").isNotNull();
    vm.select(vm.rows().get(1));
    assertThat(vm.messageProperty().get()).startsWith("Could not show no/broken.wav: truncated");
    assertThat(vm.errorProperty().get()).isTrue();
    vm.select(vm.rows().get(0));
    assertThat(vm.messageProperty().get()).isNull();
  }

  @Test
  void stepMovesThroughTheFilteredList() throws IOException {
    InspectorViewModel vm = ready("yes/a.wav", "no/b.wav", "yes/c.wav");
    vm.filterTextProperty().set("yes");
    vm.step(1);
    assertThat(vm.selectedProperty().get().clip().id()).isEqualTo("yes/a.wav");
    vm.step(1);
    assertThat(vm.selectedProperty().get().clip().id()).isEqualTo("yes/c.wav");
    vm.step(1);
    assertThat(vm.selectedProperty().get().clip().id()).isEqualTo("yes/c.wav");
    vm.step(-1);
    assertThat(vm.selectedProperty().get().clip().id()).isEqualTo("yes/a.wav");
  }

  @Test
  void aStaleRolloutNeverOverwritesANewerChoice() throws Exception {
    pool = new ExecutorJobRunner(2);
    LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    Gate gate = new Gate(maps);
    InspectorViewModel vm = vm(pool, fx::add, gate);
    vm.refreshTeachers();
    drain(fx, 2); // the list, then the opened teacher
    vm.setDataset(dataset("yes/a.wav"));
    drain(fx, 1); // the spans
    vm.select(vm.rows().get(0));
    drain(fx, 1);
    assertThat(vm.attentionProperty().get().layer()).isEqualTo(1);

    gate.block = true;
    vm.layerProperty().set(0); // slow: waits at the gate
    assertThat(gate.started.await(5, TimeUnit.SECONDS)).isTrue();
    vm.layerProperty().set(1); // fast
    drain(fx, 1);
    assertThat(vm.attentionProperty().get().layer()).isEqualTo(1);
    gate.release.countDown();
    drain(fx, 1); // the stale layer-0 result arrives late and is dropped
    assertThat(vm.attentionProperty().get().layer()).isEqualTo(1);
    assertThat(teacher.inferences).hasValue(1);
  }

  private static void drain(LinkedBlockingQueue<Runnable> fx, int n) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      Runnable r = fx.poll(5, TimeUnit.SECONDS);
      assertThat(r).as("an FX task arrives").isNotNull();
      r.run();
    }
  }

  /** Makes the next curve wait until released. */
  static final class Gate implements AttentionMaps {
    private final AttentionMaps d;
    volatile boolean block;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();

    Gate(AttentionMaps d) {
      this.d = d;
    }

    @Override
    public double[] curve(float[][][][] a, RolloutMethod m, HeadFusion f) {
      calls.incrementAndGet();
      if (block) {
        block = false;
        started.countDown();
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return d.curve(a, m, f);
    }

    @Override
    public double[][] fuseHeads(float[][][] layer, HeadFusion f) {
      return d.fuseHeads(layer, f);
    }
  }

  /** An output that plays nothing. */
  static final class Silent implements PlaybackOutput {
    @Override
    public void play(float[] samples, int sampleRate, Runnable onFinished) {}

    @Override
    public void stop() {}

    @Override
    public boolean isPlaying() {
      return false;
    }

    @Override
    public double positionSeconds() {
      return 0;
    }

    @Override
    public void close() {}
  }
}
