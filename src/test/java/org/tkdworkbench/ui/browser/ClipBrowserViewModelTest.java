package org.tkdworkbench.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.jobs.ExecutorJobRunner;
import org.tkdworkbench.jobs.SameThreadJobRunner;
import org.tkdworkbench.ui.plot.ColorMap;

/** The browser's state machine, without the JavaFX toolkit. */
class ClipBrowserViewModelTest {
  private final FakeOutput output = new FakeOutput();
  private final AtomicInteger analyses = new AtomicInteger();
  private final List<Runnable> fxCalls = new ArrayList<>();
  private ExecutorJobRunner pool;

  @AfterEach
  void closePool() {
    if (pool != null) {
      pool.close();
    }
  }

  /** A model whose jobs run inline and whose "FX thread" is the test thread. */
  private ClipBrowserViewModel inlineModel(DurationProbe probe, ClipAnalyzer analyzer) {
    return new ClipBrowserViewModel(
        new SameThreadJobRunner(),
        probe,
        analyzer,
        output,
        r -> {
          fxCalls.add(r);
          r.run();
        });
  }

  private ClipAnalyzer toneAnalyzer() {
    return (clip, ctx) -> {
      analyses.incrementAndGet();
      return Synthetic.analysis(clip, clip.label().length());
    };
  }

  private ClipBrowserViewModel standard() {
    ClipBrowserViewModel vm = inlineModel(p -> 1.0, toneAnalyzer());
    vm.setDataset(
        Synthetic.index(
            "yes/a.wav", "yes/b.wav:VALIDATION", "no/c.wav:TEST", "no/d.wav", "left/yes_e.wav"));
    return vm;
  }

  @Test
  void tableFillsAtOnceAndDurationsArriveInFewBatches() {
    String[] ids = new String[5000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (i % 2 == 0 ? "yes/" : "no/") + i + ".wav";
    }
    ClipBrowserViewModel vm =
        inlineModel(
            p -> {
              if (p.toString().endsWith("7.wav")) {
                throw new AudioDecodeException(p, AudioDecodeException.Reason.TRUNCATED, null);
              }
              return 1.5;
            },
            toneAnalyzer());
    vm.setDataset(Synthetic.index(ids));

    assertThat(vm.rows()).hasSize(5000);
    assertThat(vm.rows().get(0).durationProperty().get()).isEqualTo(1.5);
    ClipRow broken = vm.rows().get(7);
    assertThat(broken.durationProperty().get()).isNaN();
    assertThat(broken.problemProperty().get()).contains("file is truncated");
    // One hand-over per ~100 ms of probing, plus the completion: not one per clip.
    assertThat(fxCalls).hasSizeLessThan(50);
    assertThat(vm.statusProperty().get())
        .startsWith("Read the durations of 5000 clips; 500 unreadable");
    assertThat(vm.labels()).containsExactly("no", "yes");
  }

  @Test
  void filtersByTextLabelAndSplit() {
    ClipBrowserViewModel vm = standard();
    assertThat(vm.countTextProperty().get()).isEqualTo("5 clips");

    vm.filterTextProperty().set("YES");
    assertThat(vm.visibleRows())
        .extracting(ClipRow::toString)
        .containsExactly("yes/a.wav", "yes/b.wav", "left/yes_e.wav");
    assertThat(vm.countTextProperty().get()).isEqualTo("3 of 5 clips");

    vm.labelFilterProperty().set("yes");
    vm.splitFilterProperty().set(Split.VALIDATION);
    assertThat(vm.visibleRows()).extracting(ClipRow::toString).containsExactly("yes/b.wav");

    vm.filterTextProperty().set("");
    vm.labelFilterProperty().set(null);
    vm.splitFilterProperty().set(Split.TEST);
    assertThat(vm.visibleRows()).extracting(ClipRow::toString).containsExactly("no/c.wav");
  }

  @Test
  void selectingShowsTheSpectrogramAndRecolouringDoesNotRecompute() {
    ClipBrowserViewModel vm = standard();
    vm.select(vm.rows().get(0));
    assertThat(vm.analysisProperty().get().clip().id()).isEqualTo("yes/a.wav");
    assertThat(vm.rasterProperty().get().colorMap()).isEqualTo(ColorMap.VIRIDIS);
    assertThat(vm.messageProperty().get()).isNull();
    assertThat(vm.loadingProperty().get()).isFalse();

    vm.colorMapProperty().set(ColorMap.MAGMA);
    assertThat(vm.rasterProperty().get().colorMap()).isEqualTo(ColorMap.MAGMA);
    assertThat(analyses).hasValue(1);
  }

  @Test
  void aDecodingErrorIsAMessageNamingTheClipAndTheNextClipStillWorks() {
    ClipAnalyzer analyzer =
        (clip, ctx) -> {
          if (clip.id().equals("no/c.wav")) {
            throw new AudioDecodeException(
                clip.path(), AudioDecodeException.Reason.BAD_HEADER, "no RIFF chunk");
          }
          return Synthetic.analysis(clip, 3);
        };
    ClipBrowserViewModel vm = inlineModel(p -> 1.0, analyzer);
    vm.setDataset(Synthetic.index("yes/a.wav", "no/c.wav"));

    vm.select(vm.rows().get(1));
    assertThat(vm.failedProperty().get()).isTrue();
    assertThat(vm.messageProperty().get())
        .isEqualTo("no/c.wav: header is invalid (no RIFF chunk)");
    assertThat(vm.statusProperty().get()).isEqualTo(vm.messageProperty().get());
    assertThat(vm.analysisProperty().get()).isNull();
    assertThat(vm.canPlayProperty().get()).isFalse();

    vm.select(vm.rows().get(0));
    assertThat(vm.failedProperty().get()).isFalse();
    assertThat(vm.messageProperty().get()).isNull();
    assertThat(vm.analysisProperty().get().clip().id()).isEqualTo("yes/a.wav");
  }

  @Test
  void aStaleResultNeverOverwritesANewerSelection() throws Exception {
    pool = new ExecutorJobRunner(2);
    LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Map<String, Boolean> sawCancel = new ConcurrentHashMap<>();
    ClipAnalyzer analyzer =
        (clip, ctx) -> {
          if (clip.id().equals("yes/a.wav")) {
            firstStarted.countDown();
            releaseFirst.await(5, TimeUnit.SECONDS); // slow, and ignores cancellation on purpose
            sawCancel.put(clip.id(), ctx.isCancelled());
          }
          return Synthetic.analysis(clip, 1);
        };
    ClipBrowserViewModel vm = new ClipBrowserViewModel(pool, p -> 1.0, analyzer, output, fx::add);
    vm.setDataset(Synthetic.index("yes/a.wav", "no/c.wav"));
    drain(fx, 2); // the duration batch and the probe's completion

    vm.select(vm.rows().get(0));
    assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
    vm.select(vm.rows().get(1));
    fx.poll(5, TimeUnit.SECONDS).run(); // the newer clip's result
    assertThat(vm.analysisProperty().get().clip().id()).isEqualTo("no/c.wav");

    releaseFirst.countDown();
    fx.poll(5, TimeUnit.SECONDS).run(); // the stale result arrives late and is dropped
    assertThat(vm.analysisProperty().get().clip().id()).isEqualTo("no/c.wav");
    assertThat(vm.selectedProperty().get().clip().id()).isEqualTo("no/c.wav");
    assertThat(vm.loadingProperty().get()).isFalse();
    assertThat(sawCancel).containsEntry("yes/a.wav", true);
  }

  private static void drain(LinkedBlockingQueue<Runnable> fx, int n) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      fx.poll(5, TimeUnit.SECONDS).run();
    }
  }

  @Test
  void playTogglesAndAFinishedClipResetsTheButton() {
    ClipBrowserViewModel vm = standard();
    PlaybackViewModel play = vm.playback();
    vm.togglePlay();
    assertThat(play.playingProperty().get()).as("nothing to play before a selection").isFalse();

    vm.select(vm.rows().get(0));
    assertThat(play.buttonTextProperty().get()).isEqualTo("Play");
    vm.togglePlay();
    assertThat(play.playingProperty().get()).isTrue();
    assertThat(play.buttonTextProperty().get()).isEqualTo("Stop");
    assertThat(output.lastSamples).hasSize(16000);

    vm.togglePlay();
    assertThat(play.buttonTextProperty().get()).isEqualTo("Play");
    assertThat(output.stops).isEqualTo(1);

    vm.togglePlay();
    output.finish(0); // the first clip's late "finished" must not reset the second
    assertThat(play.buttonTextProperty().get()).isEqualTo("Stop");
    output.finish(1);
    assertThat(play.buttonTextProperty().get()).isEqualTo("Play");
  }

  @Test
  void selectingAnotherClipStopsPlayback() {
    ClipBrowserViewModel vm = standard();
    vm.select(vm.rows().get(0));
    vm.togglePlay();
    vm.select(vm.rows().get(1));
    assertThat(vm.playback().playingProperty().get()).isFalse();
    assertThat(output.playing).isFalse();
  }

  @Test
  void withoutAnOutputTheButtonSaysSoAndTheBrowserGoesOn() {
    ClipBrowserViewModel vm = standard();
    output.available = false;
    vm.select(vm.rows().get(0));
    vm.togglePlay();
    PlaybackViewModel play = vm.playback();
    assertThat(play.playingProperty().get()).isFalse();
    assertThat(play.buttonTextProperty().get()).isEqualTo("No audio output");
    assertThat(play.tooltipProperty().get()).startsWith("No audio output: this computer offers");
    assertThat(vm.statusProperty().get()).contains("No audio output");

    vm.select(vm.rows().get(2));
    assertThat(vm.analysisProperty().get().clip().id()).isEqualTo("no/c.wav");

    output.available = true; // plugged in: the next click just plays
    vm.togglePlay();
    assertThat(play.buttonTextProperty().get()).isEqualTo("Stop");
  }

  @Test
  void aNewDatasetClearsTheOldSelection() {
    ClipBrowserViewModel vm = standard();
    vm.select(vm.rows().get(0));
    vm.setDataset(Synthetic.index("dog/x.wav"));
    assertThat(vm.selectedProperty().get()).isNull();
    assertThat(vm.analysisProperty().get()).isNull();
    assertThat(vm.rows()).extracting(r -> r.clip().id()).containsExactly("dog/x.wav");
    assertThat(vm.messageProperty().get()).startsWith("Select a clip");
  }

  @Test
  void failureMessagesUseTheClipIdInsteadOfTheLongPath() {
    Clip clip = new Clip("yes/a.wav", Path.of("/very/long/root/yes/a.wav"), "yes", Split.TRAIN);
    AudioDecodeException e =
        new AudioDecodeException(clip.path(), AudioDecodeException.Reason.EMPTY, null);
    assertThat(Failures.describe(clip, e))
        .isEqualTo("yes/a.wav: file is empty (0 bytes)");
    assertThat(Failures.describe(clip, new IllegalStateException("boom")))
        .isEqualTo("Could not show yes/a.wav: boom");
  }
}
