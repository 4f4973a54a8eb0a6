package org.tkdworkbench.models.student;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * TC-ResNet (Choi et al., Interspeech 2019) as kws_streaming's {@code tc_resnet} builds it: mel bands
 * are channels and convolutions run along time only.
 *
 * <p>Layout: conv (3,1) → BN → ReLU, then one residual block per further channel count. A block
 * whose width changes has stride 2 and a 1×1 stride-2 conv → BN → ReLU on its shortcut; otherwise
 * stride 1 and an identity shortcut. Body: conv (k,1) stride s → BN → ReLU → conv (k,1) → BN, add the
 * shortcut, ReLU. Then global average pooling over time, dropout, a linear classifier. Padding is
 * "same" (k/2), so each stride-2 block maps T to ⌈T/2⌉. The input {@code [B, T, mels]} is laid out as
 * {@code [B, mels, T, 1]} for Conv2d with kernel (k,1): DJL's Conv1d followed by BatchNorm gives zero
 * gradients under MXNet's MKL-DNN (STACK.md). The context {@code c'} is the last block's output
 * before pooling, {@code [B, T', C]} (the frequency axis has size 1 here, so its mean is itself).
 *
 * <p>Sizes. {@code paper}: channels 24, 36, 36, 48, 48, 72, 72, kernel 9, dropout 0.2: the defaults of
 * kws_streaming {@code models/tc_resnet.py} ({@code --channels '24, 36, 36, 48, 48, 72, 72'
 * --kernel_size '(9,1)' --dropout 0.2}; TC-ResNet14-1.5 of the original paper); 6 blocks, T' ≈ T/8.
 * {@code small}: channels 16, 24, 24, 32, kernel 9, dropout 0.1: 3 blocks, T' ≈ T/4, 39,300
 * parameters at 40 mels, 12 classes (paper: 303,816, close to TC-ResNet14-1.5's 305k). Convolutions keep their bias before BN, as in kws_streaming. Batch-norm keeps DJL's
 * running-average momentum (0.9), not kws_streaming's 0.997: that suits its 80k-step trainings, but
 * after one epoch of a few hundred steps the running statistics would still be mostly their initial
 * values and validation in inference mode would see a different network.
 */
final class TcResNetStudent extends StudentBlock {
  static final int FIRST_KERNEL = 3;

  record Sizes(int first, int[] blocks, int kernel, float dropout) {
    static Sizes of(StudentSpec spec) {
      boolean paper = spec.preset() == StudentPreset.PAPER;
      int[] preset = paper ? new int[] {24, 36, 36, 48, 48, 72, 72} : new int[] {16, 24, 24, 32};
      int n = spec.depthOr(preset.length - 1);
      int[] blocks = new int[n];
      for (int i = 0; i < n; i++) {
        blocks[i] = spec.scaled(preset[Math.min(i + 1, preset.length - 1)]);
      }
      return new Sizes(spec.scaled(preset[0]), blocks, 9, paper ? 0.2f : 0.1f);
    }

    int last() {
      return blocks.length == 0 ? first : blocks[blocks.length - 1];
    }
  }

  private record Res(Conv2d conv1, BatchNorm bn1, Conv2d conv2, BatchNorm bn2, Conv2d shortcut, BatchNorm shortcutBn, int stride) {}

  private final StudentSpec spec;
  private final Sizes sizes;
  private final Conv2d conv0;
  private final BatchNorm bn0;
  private final List<Res> blocks = new ArrayList<>();
  private final Linear classifier;

  TcResNetStudent(StudentSpec spec) {
    this.spec = spec;
    this.sizes = Sizes.of(spec);
    conv0 = addChildBlock("conv0", conv(sizes.first, FIRST_KERNEL, 1));
    bn0 = addChildBlock("bn0", BatchNorm.builder().build());
    int channels = sizes.first;
    for (int i = 0; i < sizes.blocks.length; i++) {
      int n = sizes.blocks[i];
      String p = "block" + (i + 1) + "_";
      boolean down = n != channels;
      int stride = down ? 2 : 1;
      blocks.add(
          new Res(
              addChildBlock(p + "conv1", conv(n, sizes.kernel, stride)),
              addChildBlock(p + "bn1", BatchNorm.builder().build()),
              addChildBlock(p + "conv2", conv(n, sizes.kernel, 1)),
              addChildBlock(p + "bn2", BatchNorm.builder().build()),
              down ? addChildBlock(p + "shortcut", conv(n, 1, 2)) : null,
              down ? addChildBlock(p + "shortcut_bn", BatchNorm.builder().build()) : null,
              stride));
      channels = n;
    }
    classifier = addChildBlock("classifier", Linear.builder().setUnits(spec.classes()).build());
  }

  private static Conv2d conv(int filters, int kernel, int stride) {
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, 1))
        .optStride(new Shape(stride, 1))
        .optPadding(new Shape(kernel / 2, 0))
        .build();
  }

  static Tally cost(StudentSpec spec, int frames) {
    Sizes s = Sizes.of(spec);
    Tally t = new Tally();
    long len = frames;
    t.conv(spec.mels(), s.first, FIRST_KERNEL, 1, len, true).batchNorm(s.first);
    int channels = s.first;
    for (int n : s.blocks) {
      if (n != channels) {
        len = (len + 1) / 2;
        t.conv(channels, n, 1, 1, len, true).batchNorm(n);
      }
      t.conv(channels, n, s.kernel, 1, len, true).batchNorm(n);
      t.conv(n, n, s.kernel, 1, len, true).batchNorm(n);
      channels = n;
    }
    return t.linear(channels, spec.classes(), 1);
  }

  @Override
  public StudentSpec spec() {
    return spec;
  }

  @Override
  public int contextLength(int frames) {
    int len = frames;
    int channels = sizes.first;
    for (int n : sizes.blocks) {
      if (n != channels) {
        len = (len + 1) / 2;
      }
      channels = n;
    }
    return len;
  }

  @Override
  public int contextDim() {
    return sizes.last();
  }



  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    long t = inputShapes[0].get(1);
    Shape x = new Shape(b, spec.mels(), t, 1);
    x = init(conv0, manager, dataType, x);
    init(bn0, manager, dataType, x);
    for (Res r : blocks) {
      Shape in = x;
      x = init(r.conv1, manager, dataType, in);
      init(r.bn1, manager, dataType, x);
      x = init(r.conv2, manager, dataType, x);
      init(r.bn2, manager, dataType, x);
      if (r.shortcut != null) {
        Shape s = init(r.shortcut, manager, dataType, in);
        init(r.shortcutBn, manager, dataType, s);
      }
    }
    classifier.initialize(manager, dataType, new Shape(b, sizes.last()));
  }

  private static Shape init(ai.djl.nn.Block block, NDManager manager, DataType dataType, Shape in) {
    block.initialize(manager, dataType, in);
    return block.getOutputShapes(new Shape[] {in})[0];
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = normalize(ps, inputs.head(), training);
    Shape s = x.getShape();
    x = x.transpose(0, 2, 1).reshape(s.get(0), s.get(2), s.get(1), 1); // [B, mels, T, 1]
    x = Activation.relu(run(bn0, ps, run(conv0, ps, x, training), training));
    for (Res r : blocks) {
      NDArray shortcut =
          r.shortcut == null
              ? x
              : Activation.relu(run(r.shortcutBn, ps, run(r.shortcut, ps, x, training), training));
      NDArray y = Activation.relu(run(r.bn1, ps, run(r.conv1, ps, x, training), training));
      y = run(r.bn2, ps, run(r.conv2, ps, y, training), training);
      x = Activation.relu(y.add(shortcut));
    }
    // [B, C, T', 1] → mean over the frequency axis (size 1) → [B, T', C]
    NDArray context = x.mean(new int[] {3}).transpose(0, 2, 1);
    NDArray pooled = context.mean(new int[] {1});
    if (training && sizes.dropout > 0) {
      pooled = Dropout.dropout(pooled, sizes.dropout, true).head();
    }
    return new NDList(run(classifier, ps, pooled, training), context);
  }
}
