package org.tkdworkbench.models;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import org.tkdworkbench.RuntimeSetup;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A teacher held in memory: a DJL {@link Model} whose block is a {@link TeacherBlock}. Inference
 * runs without dropout, each call in its own sub-manager that is closed before returning, so memory
 * stays flat however many clips are asked about. Calls are serialised (one native model).
 */
public final class DjlAttentionTeacher implements AttentionTeacher {
  /** Clips per forward pass in {@link #inferAll}. */
  static final int BATCH = 16;

  private final Model model;
  private final TeacherBlock block;
  private final TeacherSpec spec;
  private boolean closed;

  /** Wraps a model whose block is an initialised {@link TeacherBlock}; takes ownership of it. */
  public DjlAttentionTeacher(Model model, TeacherSpec spec) {
    this.model = Objects.requireNonNull(model, "model");
    this.block = (TeacherBlock) model.getBlock();
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /** The engine this teacher runs on. */
  public String engine() {
    return model.getNDManager().getEngine().getEngineName();
  }

  /**
   * A new, uninitialised teacher model: its block is a {@link TeacherBlock}, linear weights start
   * Xavier-uniform. Call {@link #initialize} (or a DJL trainer's {@code initialize}) before use.
   */
  public static Model newModel(TeacherConfig config, int mels, int classes) {
    return newModel(config, mels, classes, Engines.current());
  }

  /** As {@link #newModel(TeacherConfig, int, int)}, on {@code engine} and the selected device. */
  public static Model newModel(TeacherConfig config, int mels, int classes, String engine) {
    RuntimeSetup.apply();
    Model model = Engines.newModel(TeacherStore.MODEL_NAME, engine);
    TeacherBlock block = new TeacherBlock(config, mels, classes);
    block.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    model.setBlock(block);
    return model;
  }

  /** The input shapes to initialise a teacher block with: one clip of one token, and its mask. */
  public static Shape[] inputShapes(TeacherBlock block) {
    return new Shape[] {new Shape(1, 1, block.inputDim()), new Shape(1, 1)};
  }

  /** Initialises the parameters of a model from {@link #newModel} (engine's random seed). */
  public static void initialize(Model model) {
    TeacherBlock block = (TeacherBlock) model.getBlock();
    block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes(block));
  }

  @Override
  public TeacherSpec spec() {
    return spec;
  }

  /** The underlying DJL model (e.g. to save it). */
  public Model model() {
    return model;
  }

  @Override
  public synchronized TeacherOutput infer(float[][] logMel) {
    return run(List.<float[][]>of(logMel)).get(0);
  }

  @Override
  public synchronized List<TeacherOutput> inferAll(List<float[][]> logMels) {
    List<TeacherOutput> out = new ArrayList<>(logMels.size());
    for (int i = 0; i < logMels.size(); i += BATCH) {
      out.addAll(run(logMels.subList(i, Math.min(logMels.size(), i + BATCH))));
    }
    return out;
  }

  private List<TeacherOutput> run(List<float[][]> clips) {
    if (closed) {
      throw new IllegalStateException("teacher is closed");
    }
    int mels = spec.features().nMels();
    TeacherTokens.Batch batch = TeacherTokens.batch(clips, block.config(), mels);
    int b = batch.batch();
    int t = batch.maxTokens();
    try (NDManager step = model.getNDManager().newSubManager()) {
      NDArray tokens = step.create(batch.tokens(), new Shape(b, t, batch.inputDim()));
      NDArray mask = step.create(batch.mask(), new Shape(b, t));
      NDList out = block.forward(new ParameterStore(step, false), new NDList(tokens, mask), false);
      float[] logits = out.get(0).toFloatArray();
      int c = (int) out.get(0).getShape().get(1);
      int layers = out.size() - 1;
      int heads = block.config().heads();
      float[][] attn = new float[layers][];
      for (int l = 0; l < layers; l++) {
        attn[l] = out.get(l + 1).toFloatArray();
      }
      List<TeacherOutput> result = new ArrayList<>(b);
      int full = t + 1;
      for (int i = 0; i < b; i++) {
        int n = batch.tokenCounts()[i] + 1;
        float[][][][] a = new float[layers][heads][n][n];
        for (int l = 0; l < layers; l++) {
          for (int h = 0; h < heads; h++) {
            for (int r = 0; r < n; r++) {
              int base = ((i * heads + h) * full + r) * full;
              System.arraycopy(attn[l], base, a[l][h][r], 0, n);
            }
          }
        }
        float[] lg = new float[c];
        System.arraycopy(logits, i * c, lg, 0, c);
        double[] times = new double[n - 1];
        for (int k = 0; k < times.length; k++) {
          times[k] = spec.tokenTime(k);
        }
        result.add(new TeacherOutput(lg, a, times));
      }
      return result;
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      model.close();
    }
  }
}
