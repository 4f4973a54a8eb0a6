package org.tkdworkbench.distill;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.tkdworkbench.audio.AudioDecodeException;
import org.tkdworkbench.audio.AudioDecoder;
import org.tkdworkbench.data.Clip;
import org.tkdworkbench.data.DatasetIndex;
import org.tkdworkbench.data.Split;
import org.tkdworkbench.features.DatasetFeatures;
import org.tkdworkbench.features.FeatureCache;
import org.tkdworkbench.features.FeatureSpec;
import org.tkdworkbench.jobs.CancelledException;
import org.tkdworkbench.jobs.JobContext;

/**
 * A dataset's clips in memory for training: each clip's log-mel matrix {@code [frames][mels]}, its
 * class targets, its split. Shared by teacher and student training; batching (padding, tokens) is
 * the model's business.
 *
 * @param clips the clips that loaded, in the index's order
 * @param features {@code features.get(i)} is clip {@code i}'s matrix
 * @param classes the vocabulary, index = logit index
 * @param multiLabel whether a clip may carry several classes
 * @param failures clips whose features could not be computed (left out), with the reason
 */
public record ClipTensors(
    List<Clip> clips,
    List<float[][]> features,
    List<String> classes,
    boolean multiLabel,
    List<DatasetFeatures.Failure> failures) {

  public ClipTensors {
    if (clips.size() != features.size()) {
      throw new IllegalArgumentException(clips.size() + " clips but " + features.size() + " feature matrices");
    }
    clips = List.copyOf(clips);
    features = List.copyOf(features);
    classes = List.copyOf(classes);
    failures = List.copyOf(failures);
    for (Clip c : clips) {
      for (String label : c.labels()) {
        if (!classes.contains(label)) {
          throw new IllegalArgumentException("clip " + c.id() + " has label " + label + " outside the vocabulary");
        }
      }
    }
  }

  /**
   * What makes these clips unfit to train a classifier on, one sentence each (empty when fine): no
   * training clips, or a vocabulary too small to classify ({@link #classProblems}).
   */
  public List<String> trainingProblems() {
    List<String> p = new ArrayList<>();
    if (indices(Split.TRAIN).length == 0) {
      p.add("dataset: has no training clips"
          + (failures.isEmpty() ? "" : " that could be read (" + failures.size() + " clips of all splits skipped)"));
    }
    p.addAll(classProblems(classes, multiLabel));
    return p;
  }

  /**
   * A single-label vocabulary of fewer than two classes, as a sentence (empty when fine): its
   * "accuracy" would be 1 whatever the model learnt. Checked on a dataset's index before any clip is
   * decoded, and again on the clips that were.
   */
  public static List<String> classProblems(List<String> classes, boolean multiLabel) {
    if (multiLabel || classes.size() >= 2) {
      return List.of();
    }
    return List.of("dataset: has " + classes.size() + (classes.size() == 1 ? " class (" + classes.get(0) + ")" : " classes")
        + "; a single-label classifier needs at least 2");
  }

  /**
   * Throws {@link IllegalArgumentException} with the {@link #classProblems} of a dataset's labels:
   * called before its clips are decoded (or a teacher's knowledge computed) for nothing.
   */
  public static void requireClassifiable(List<String> labels, boolean multiLabel) {
    List<String> p = classProblems(labels, multiLabel);
    if (!p.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", p));
    }
  }

  /**
   * Loads every clip of {@code dataset} through the feature cache on {@code threads} threads;
   * clips that cannot be decoded are skipped and listed in {@link #failures()}.
   *
   * @throws CancelledException when {@code ctx} is cancelled
   */
  public static ClipTensors load(
      DatasetIndex dataset,
      FeatureSpec spec,
      FeatureCache cache,
      AudioDecoder decoder,
      int threads,
      JobContext ctx) {
    spec.requireValid();
    List<Clip> all = dataset.clips();
    int n = all.size();
    float[][][] loaded = new float[n][][];
    String[] errors = new String[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < n && !ctx.isCancelled(); i = next.getAndIncrement()) {
            Clip c = all.get(i);
            try {
              loaded[i] = cache.get(c.path(), spec, decoder);
            } catch (AudioDecodeException e) {
              errors[i] = e.getMessage();
            } catch (IOException | RuntimeException e) {
              errors[i] = c.path() + ": " + e;
            }
            ctx.progress(done.incrementAndGet(), n, "Features: " + c.fileName());
          }
        };
    int count = Math.max(1, Math.min(threads, n));
    if (count == 1) {
      worker.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(count, r -> {
        Thread t = new Thread(r, "tkd-clip-tensors");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          futures.add(pool.submit(worker));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      } catch (ExecutionException e) {
        throw new IllegalStateException("loading features failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    ctx.checkCancelled();
    List<Clip> clips = new ArrayList<>();
    List<float[][]> feats = new ArrayList<>();
    List<DatasetFeatures.Failure> failures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (loaded[i] != null) {
        clips.add(all.get(i));
        feats.add(loaded[i]);
      } else {
        failures.add(new DatasetFeatures.Failure(all.get(i).path(), errors[i]));
      }
    }
    failures.sort(Comparator.comparing(f -> f.file().toString()));
    return new ClipTensors(clips, feats, dataset.labels(), dataset.multiLabel(), failures);
  }

  public int size() {
    return clips.size();
  }

  /** Indices of the clips in {@code split}, ascending. */
  public int[] indices(Split split) {
    int[] out = new int[clips.size()];
    int k = 0;
    for (int i = 0; i < clips.size(); i++) {
      if (clips.get(i).split() == split) {
        out[k++] = i;
      }
    }
    return Arrays.copyOf(out, k);
  }

  /** Single-label target: the class index of clip {@code i}'s (first) label. */
  public int classIndex(int i) {
    return classes.indexOf(clips.get(i).labels().get(0));
  }

  /** Multi-hot target of clip {@code i}: 1 for each of its labels. */
  public float[] multiHot(int i) {
    float[] y = new float[classes.size()];
    for (String label : clips.get(i).labels()) {
      y[classes.indexOf(label)] = 1f;
    }
    return y;
  }

  /**
   * The targets of clips {@code batch} as the loss wants them: class indices {@code [B]}
   * (single-label) or multi-hot rows {@code [B, C]} (multi-label), on {@code m}.
   */
  public ai.djl.ndarray.NDArray labels(ai.djl.ndarray.NDManager m, int[] batch) {
    int c = classes.size();
    if (multiLabel) {
      float[] y = new float[batch.length * c];
      for (int i = 0; i < batch.length; i++) {
        System.arraycopy(multiHot(batch[i]), 0, y, i * c, c);
      }
      return m.create(y, new ai.djl.ndarray.types.Shape(batch.length, c));
    }
    float[] y = new float[batch.length];
    for (int i = 0; i < batch.length; i++) {
      y[i] = classIndex(batch[i]);
    }
    return m.create(y, new ai.djl.ndarray.types.Shape(batch.length));
  }

  /** Accuracy (single-label) or mAP (multi-label) of {@code scores[k]} for clip {@code idx[k]}. */
  public double metric(int[] idx, float[][] scores) {
    if (multiLabel) {
      float[][] t = new float[idx.length][];
      for (int i = 0; i < idx.length; i++) {
        t[i] = multiHot(idx[i]);
      }
      return ClassificationMetrics.meanAveragePrecision(scores, t);
    }
    int[] t = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      t[i] = classIndex(idx[i]);
    }
    return ClassificationMetrics.accuracy(scores, t);
  }

  /** The matrices of clips {@code idx}, in that order (not copied). */
  public List<float[][]> select(int[] idx) {
    List<float[][]> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(features.get(i));
    }
    return out;
  }

  /** Mean and standard deviation of every value of the clips {@code idx}: input standardisation. */
  public double[] meanAndStd(int[] idx) {
    double sum = 0;
    double sq = 0;
    long count = 0;
    for (int i : idx) {
      for (float[] row : features.get(i)) {
        for (float v : row) {
          sum += v;
          sq += (double) v * v;
          count++;
        }
      }
    }
    if (count == 0) {
      return new double[] {0, 1};
    }
    double mean = sum / count;
    double var = Math.max(0, sq / count - mean * mean);
    return new double[] {mean, Math.sqrt(var)};
  }
}
