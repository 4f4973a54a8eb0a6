package org.tkdworkbench.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The teacher transformer as a DJL block, written from engine-neutral NDArray ops so that the
 * forward pass can return every layer's attention probabilities (DJL's own encoder block hides
 * them, STACK.md).
 *
 * <p>Input: {@code NDList(tokens [B, T, framesPerToken·mels], keyMask [B, T])}, the mask 1 for real
 * tokens and 0 for padding (it may be omitted: all real). Output: {@code NDList(logits [B, C],
 * attention_1 [B, H, T+1, T+1], ..., attention_L)}; index 0 of the token axis is {@code c1}.
 *
 * <p>Per layer (pre-norm): {@code x += Wo·MHA(LN(x))}, {@code x += FFN(LN(x))}; a final LN, then the
 * classifier reads {@code c1}. Inputs are standardised by two stored, non-trained constants (mean,
 * 1/std of the training features) so a reopened teacher needs nothing but its parameter file.
 * Positions are fixed sinusoids, so any clip length works.
 */
public final class TeacherBlock extends AbstractBlock {
  private static final byte VERSION = 1;
  /** Added to the scores of padded keys: their softmax weight becomes exactly 0 in float32. */
  static final float MASKED = -1e9f;

  private final TeacherConfig config;
  private final int inputDim;
  private final int classes;
  private final Parameter inputNorm;
  private final Parameter c1;
  /** The stem's two convolutions: {@code Conv2d} over (time, mel), or {@code Conv1d} over time. */
  private final ai.djl.nn.Block stem1;
  private final ai.djl.nn.Block stem2;
  private final Linear embed;
  private final List<Layer> layers = new ArrayList<>();
  private final LayerNorm finalNorm;
  private final Linear classifier;

  private record Layer(
      LayerNorm norm1, Linear q, Linear k, Linear v, Linear out, LayerNorm norm2, Linear ff1, Linear ff2) {}

  /**
   * @param config sizes
   * @param mels mel bands per frame
   * @param classes logits
   */
  public TeacherBlock(TeacherConfig config, int mels, int classes) {
    super(VERSION);
    this.config = config;
    this.inputDim = config.framesPerToken() * mels;
    this.classes = classes;
    int d = config.modelDim();
    inputNorm =
        addParameter(
            Parameter.builder()
                .setName("input_norm")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(2))
                .optInitializer(new ConstantInitializer(1f))
                .optRequiresGrad(false)
                .build());
    c1 =
        addParameter(
            Parameter.builder()
                .setName("c1")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, 1, d))
                .optInitializer(new NormalInitializer(0.02f))
                .build());
    if (config.convStem() > 0 && config.stemTimeKernel() > 0) {
      int k = config.stemTimeKernel();
      stem1 = addChildBlock("stem1", ai.djl.nn.convolutional.Conv1d.builder().setKernelShape(new Shape(k))
          .optPadding(new Shape(k / 2)).setFilters(config.convStem()).build());
      stem2 = addChildBlock("stem2", ai.djl.nn.convolutional.Conv1d.builder().setKernelShape(new Shape(k))
          .optPadding(new Shape(k / 2)).setFilters(config.convStem()).build());
    } else if (config.convStem() > 0) {
      stem1 = addChildBlock("stem1", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
          .setFilters(config.convStem()).build());
      stem2 = addChildBlock("stem2", Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
          .optStride(new Shape(1, 2)).setFilters(config.convStem()).build());
    } else {
      stem1 = null;
      stem2 = null;
    }
    embed = addChildBlock("embed", Linear.builder().setUnits(d).build());
    for (int l = 0; l < config.layers(); l++) {
      String p = "layer" + (l + 1) + "_";
      layers.add(
          new Layer(
              addChildBlock(p + "norm1", LayerNorm.builder().axis(2).build()),
              addChildBlock(p + "q", Linear.builder().setUnits(d).build()),
              addChildBlock(p + "k", Linear.builder().setUnits(d).build()),
              addChildBlock(p + "v", Linear.builder().setUnits(d).build()),
              addChildBlock(p + "out", Linear.builder().setUnits(d).build()),
              addChildBlock(p + "norm2", LayerNorm.builder().axis(2).build()),
              addChildBlock(p + "ff1", Linear.builder().setUnits(config.ffDim()).build()),
              addChildBlock(p + "ff2", Linear.builder().setUnits(d).build())));
    }
    finalNorm = addChildBlock("final_norm", LayerNorm.builder().axis(2).build());
    classifier = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
  }

  public TeacherConfig config() {
    return config;
  }

  /** Width of one input token: frames per token × mels. */
  public int inputDim() {
    return inputDim;
  }

  public int classes() {
    return classes;
  }

  private int mels() {
    return inputDim / config.framesPerToken();
  }

  /** Mel bins after the stem's stride-2 convolution (kernel 3, padding 1); 1 for the temporal stem. */
  private int stemMels() {
    return temporal() ? 1 : (mels() - 1) / 2 + 1;
  }

  private boolean temporal() {
    return config.stemTimeKernel() > 0;
  }

  /** Sets the input standardisation (training features' mean and standard deviation). */
  public void setInputNormalization(float mean, float std) {
    NDArray a = inputNorm.getArray();
    a.set(new float[] {mean, 1f / Math.max(std, 1e-6f)});
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape tokens = inputShapes[0];
    long b = tokens.get(0);
    long t = tokens.get(1) + 1;
    int d = config.modelDim();
    if (stem1 != null) {
      int fpt = config.framesPerToken();
      long frames = tokens.get(1) * fpt;
      if (temporal()) {
        stem1.initialize(manager, dataType, new Shape(b, mels(), frames));
        stem2.initialize(manager, dataType, new Shape(b, config.convStem(), frames));
      } else {
        stem1.initialize(manager, dataType, new Shape(b, 1, frames, mels()));
        stem2.initialize(manager, dataType, new Shape(b, config.convStem(), frames, mels()));
      }
      embed.initialize(manager, dataType, new Shape(b, tokens.get(1), (long) fpt * config.convStem() * stemMels()));
    } else {
      embed.initialize(manager, dataType, tokens);
    }
    Shape seq = new Shape(b, t, d);
    for (Layer layer : layers) {
      layer.norm1.initialize(manager, dataType, seq);
      layer.q.initialize(manager, dataType, seq);
      layer.k.initialize(manager, dataType, seq);
      layer.v.initialize(manager, dataType, seq);
      layer.out.initialize(manager, dataType, seq);
      layer.norm2.initialize(manager, dataType, seq);
      layer.ff1.initialize(manager, dataType, seq);
      layer.ff2.initialize(manager, dataType, new Shape(b, t, config.ffDim()));
    }
    finalNorm.initialize(manager, dataType, seq);
    classifier.initialize(manager, dataType, new Shape(b, d));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    long t = inputShapes[0].get(1) + 1;
    Shape[] out = new Shape[1 + config.layers()];
    out[0] = new Shape(b, classes);
    for (int l = 0; l < config.layers(); l++) {
      out[l + 1] = new Shape(b, config.heads(), t, t);
    }
    return out;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray tokens = inputs.get(0);
    NDManager m = tokens.getManager();
    long b = tokens.getShape().get(0);
    long t = tokens.getShape().get(1);
    int d = config.modelDim();
    int h = config.heads();
    int dh = d / h;
    float dropout = training ? (float) config.dropout() : 0f;

    // Arrays derived from a parameter attach to the parameter's (model's) manager: move them to the
    // call's manager, or everything computed from them (the whole graph) outlives the step.
    NDArray norm = ps.getValue(inputNorm, tokens.getDevice(), training);
    NDArray mean = norm.get(0);
    NDArray invStd = norm.get(1);
    mean.attach(m);
    invStd.attach(m);
    NDArray x = tokens.sub(mean).mul(invStd);
    if (stem1 != null) {
      // Tokens tile the frames (stride = frames per token): back to [B, 1, frames, mels], two
      // convolutions, then every token's frames × channels × mel bins flattened again. Padded
      // frames are zeroed before and after each convolution — what the convolution's own zero
      // padding gives a clip alone — so a clip's output does not depend on its batch.
      int fpt = config.framesPerToken();
      int c = config.convStem();
      NDArray frameMask = null;
      if (inputs.size() > 1) {
        frameMask = inputs.get(1).toType(x.getDataType(), false).expandDims(2).broadcast(b, t, fpt)
            .reshape(temporal() ? new Shape(b, 1, t * fpt) : new Shape(b, 1, t * fpt, 1));
      }
      if (temporal()) {
        // Mel bins as channels, convolved over time: [B, mels, frames] → [B, C, frames].
        x = x.reshape(b, t * fpt, mels()).transpose(0, 2, 1);
      } else {
        x = x.reshape(b, t * fpt, mels()).expandDims(1);
      }
      x = masked(x, frameMask);
      x = masked(Activation.gelu(stem1.forward(ps, new NDList(x), training).head()), frameMask);
      x = masked(Activation.gelu(stem2.forward(ps, new NDList(x), training).head()), frameMask); // [B, C, frames(, M')]
      x = temporal()
          ? x.transpose(0, 2, 1).reshape(b, t, (long) fpt * c)
          : x.transpose(0, 2, 1, 3).reshape(b, t, (long) fpt * c * stemMels());
    }
    x = embed.forward(ps, new NDList(x), training).head(); // [B, T, D]
    NDArray cls = ps.getValue(c1, tokens.getDevice(), training).broadcast(b, 1, d);
    cls.attach(m);
    x = NDArrays.concat(new NDList(cls, x), 1); // [B, T+1, D]
    x = x.add(m.create(positions((int) t + 1, d)).toType(x.getDataType(), false));
    if (dropout > 0) {
      x = Dropout.dropout(x, dropout, true).head();
    }

    // Scores of padded keys get MASKED added: [B, 1, 1, T+1], c1 always real.
    NDArray keyBias = null;
    if (inputs.size() > 1) {
      NDArray mask = inputs.get(1).toType(x.getDataType(), false);
      NDArray withC1 = NDArrays.concat(new NDList(m.ones(new Shape(b, 1), x.getDataType()), mask), 1);
      keyBias = withC1.neg().add(1f).mul(MASKED).reshape(b, 1, 1, t + 1);
    }

    NDList result = new NDList();
    result.add(null); // logits, filled below
    float scale = (float) (1.0 / Math.sqrt(dh));
    for (Layer layer : layers) {
      NDArray y = layer.norm1.forward(ps, new NDList(x), training).head();
      NDArray q = heads(layer.q.forward(ps, new NDList(y), training).head(), b, t + 1, h, dh);
      NDArray k = heads(layer.k.forward(ps, new NDList(y), training).head(), b, t + 1, h, dh);
      NDArray v = heads(layer.v.forward(ps, new NDList(y), training).head(), b, t + 1, h, dh);
      NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale); // [B, H, T+1, T+1]
      if (keyBias != null) {
        scores = scores.add(keyBias);
      }
      NDArray attention = scores.softmax(-1);
      result.add(attention);
      NDArray used = dropout > 0 ? Dropout.dropout(attention, dropout, true).head() : attention;
      NDArray context = used.matMul(v).transpose(0, 2, 1, 3).reshape(b, t + 1, d);
      NDArray attended = layer.out.forward(ps, new NDList(context), training).head();
      if (dropout > 0) {
        attended = Dropout.dropout(attended, dropout, true).head();
      }
      x = x.add(attended);
      NDArray z = layer.norm2.forward(ps, new NDList(x), training).head();
      z = Activation.gelu(layer.ff1.forward(ps, new NDList(z), training).head());
      z = layer.ff2.forward(ps, new NDList(z), training).head();
      if (dropout > 0) {
        z = Dropout.dropout(z, dropout, true).head();
      }
      x = x.add(z);
    }
    x = finalNorm.forward(ps, new NDList(x), training).head();
    NDArray first = x.get(":, 0, :"); // c1: [B, D]
    result.set(0, classifier.forward(ps, new NDList(first), training).head());
    return result;
  }

  private static NDArray masked(NDArray x, NDArray frameMask) {
    return frameMask == null ? x : x.mul(frameMask);
  }

  /** [B, T, D] → [B, H, T, D/H]. */
  private static NDArray heads(NDArray x, long b, long t, int h, int dh) {
    return x.reshape(b, t, h, dh).transpose(0, 2, 1, 3);
  }

  /** Fixed sinusoidal positions {@code [n][d]} (Vaswani et al.). */
  static float[][] positions(int n, int d) {
    float[][] p = new float[n][d];
    for (int pos = 0; pos < n; pos++) {
      for (int i = 0; i < d; i += 2) {
        double angle = pos / Math.pow(10000.0, (double) i / d);
        p[pos][i] = (float) Math.sin(angle);
        if (i + 1 < d) {
          p[pos][i + 1] = (float) Math.cos(angle);
        }
      }
    }
    return p;
  }
}
