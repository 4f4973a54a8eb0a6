package org.tkdworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTailTest {
  @TempDir Path tmp;

  private static void append(Path f, String text) throws Exception {
    Files.writeString(f, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static List<String> epochs(MetricsTail.Update u) {
    return u.rows().stream().map(r -> r.text("epoch")).toList();
  }

  @Test
  void eachPollGivesOnlyTheNewCompleteRows() throws Exception {
    Path f = tmp.resolve("metrics.csv");
    MetricsTail tail = new MetricsTail(f);
    assertThat(tail.poll().rows()).isEmpty(); // no file yet

    append(f, "epoch,loss\n1,0.9\n2,0.");
    MetricsTail.Update u = tail.poll();
    assertThat(u.columns()).containsExactly("epoch", "loss");
    assertThat(epochs(u)).containsExactly("1"); // the torn row waits
    assertThat(u.rows().get(0).line()).isEqualTo(2);

    append(f, "8\n3,0.7\n");
    u = tail.poll();
    assertThat(u.reset()).isFalse();
    assertThat(epochs(u)).containsExactly("2", "3");
    assertThat(u.rows().get(0).number("loss")).isEqualTo(0.8);
    assertThat(u.rows().get(1).line()).isEqualTo(4);
    assertThat(tail.poll().rows()).isEmpty();
  }

  @Test
  void aRewoundFileIsReadAgainFromTheTopWithResetSet() throws Exception {
    Path f = tmp.resolve("metrics.csv");
    Files.writeString(f, "epoch,loss\n1,0.9\n2,0.8\n3,0.7\n");
    MetricsTail tail = new MetricsTail(f);
    assertThat(epochs(tail.poll())).containsExactly("1", "2", "3");

    // a resume cut epoch 3 and wrote a new epoch 3 of the same length: same size, other bytes
    Files.writeString(f, "epoch,loss\n1,0.9\n2,0.8\n3,0.6\n");
    MetricsTail.Update u = tail.poll();
    assertThat(u.reset()).isTrue();
    assertThat(epochs(u)).containsExactly("1", "2", "3");
    assertThat(u.rows().get(2).number("loss")).isEqualTo(0.6);

    // shorter file
    Files.writeString(f, "epoch,loss\n1,0.9\n");
    u = tail.poll();
    assertThat(u.reset()).isTrue();
    assertThat(epochs(u)).containsExactly("1");
  }

  @Test
  void aMalformedRowIsSkippedWithItsLine() throws Exception {
    Path f = tmp.resolve("metrics.csv");
    Files.writeString(f, "epoch,loss\n1,0.9,extra\n2,0.8\n");
    MetricsTail.Update u = new MetricsTail(f).poll();
    assertThat(epochs(u)).containsExactly("2");
    assertThat(u.warnings()).singleElement().asString().contains("line 2").contains("3 fields");
  }

  @Test
  void followsWhatARunWriterWrites() throws Exception {
    RunStore store = new RunStore(tmp);
    try (RunWriter w = store.create("tail", Map.of(), List.of("epoch", "loss"))) {
      MetricsTail tail = new MetricsTail(w.folder().resolve(RunStore.METRICS_FILE));
      w.appendMetrics(Map.of("epoch", 1, "loss", 0.5));
      assertThat(epochs(tail.poll())).containsExactly("1");
      w.appendMetrics(Map.of("epoch", 2, "loss", 0.25));
      assertThat(epochs(tail.poll())).containsExactly("2");
    }
  }
}
