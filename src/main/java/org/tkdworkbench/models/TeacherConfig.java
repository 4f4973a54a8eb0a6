package org.tkdworkbench.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.ArrayList;
import java.util.List;

/**
 * Sizes of the transformer teacher: log-mel frames grouped into tokens, a learnable first token
 * {@code c1} that the classifier reads, sinusoidal or learned positions, {@code layers} pre-norm
 * encoder layers of {@code heads}-head self-attention.
 *
 * <p>Token {@code i} covers frames {@code [i·tokenStride, i·tokenStride + framesPerToken)}; a clip
 * of {@code F} frames has {@code 1 + max(0, F − framesPerToken) / tokenStride} input tokens (the
 * last partial group is zero-padded only when the clip is shorter than one token).
 *
 * @param framesPerToken log-mel frames per token
 * @param tokenStride frames between token starts (≤ framesPerToken means overlap or tiling)
 * @param modelDim embedding width
 * @param layers encoder layers L
 * @param heads attention heads H per layer (must divide modelDim)
 * @param ffDim feed-forward width
 * @param dropout dropout probability in [0, 1)
 * @param convStem channels of an optional convolutional stem (0 = none): two 3×3 convolutions over
 *     (time, mel) with GELU, the second halving the mel axis, before frames are grouped into tokens;
 *     the local time-frequency patterns a CNN student gets for free. Needs {@code token_stride ==
 *     frames_per_token}.
 * @param stemTimeKernel 0 for the 2-D stem above; k &gt; 0 makes the stem temporal instead: two
 *     1-D convolutions over time of width k (odd) with the mel bins as input channels and {@code
 *     convStem} output channels, GELU after each — the inductive bias of the TC-ResNet student
 *     under the attention layers. Read as 0 when {@code convStem} is 0 (no stem). Left out of
 *     spec.json when 0, so older readers still read it.
 */
public record TeacherConfig(
    @JsonProperty("frames_per_token") int framesPerToken,
    @JsonProperty("token_stride") int tokenStride,
    @JsonProperty("model_dim") int modelDim,
    @JsonProperty("layers") int layers,
    @JsonProperty("heads") int heads,
    @JsonProperty("ff_dim") int ffDim,
    @JsonProperty("dropout") double dropout,
    @JsonProperty("conv_stem") int convStem,
    @JsonProperty("stem_time_kernel") @JsonSetter(nulls = Nulls.AS_EMPTY) @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        int stemTimeKernel) {

  /**
   * No stem has no kernel: {@code conv_stem 0} with the default kernel means "no stem", as the
   * option's help says, not an error about a kernel the user never set.
   */
  public TeacherConfig {
    if (convStem == 0) {
      stemTimeKernel = 0;
    }
  }

  /** Without a convolutional stem (and how a spec.json written before the stem existed reads). */
  public TeacherConfig(int framesPerToken, int tokenStride, int modelDim, int layers, int heads, int ffDim, double dropout) {
    this(framesPerToken, tokenStride, modelDim, layers, heads, ffDim, dropout, 0);
  }

  /** With the 2-D convolutional stem (or none), as spec.json files before the temporal stem read. */
  public TeacherConfig(
      int framesPerToken, int tokenStride, int modelDim, int layers, int heads, int ffDim, double dropout, int convStem) {
    this(framesPerToken, tokenStride, modelDim, layers, heads, ffDim, dropout, convStem, 0);
  }

  /**
   * Sized to train on the 4 s noisy sample in minutes on 2 cores: 10 ms frames, 40 ms tokens, a
   * temporal stem of 48 channels and width 9 (90 ms) under 3 layers of 4 heads. Measured (README,
   * Teacher): on a 96-speaker set made by the sample's recipe it beats the 2-D stem (test 0.89 ±
   * 0.04 against 0.82 over seeds) in half the time; on the sample, with warping, level with the
   * best student.
   */
  public static TeacherConfig defaults() {
    return new TeacherConfig(4, 4, 64, 3, 4, 128, 0.1, 48, 9);
  }

  /** Input tokens (without {@code c1}) for a clip of {@code frames} frames. */
  public int tokenCount(int frames) {
    return 1 + Math.max(0, frames - framesPerToken) / tokenStride;
  }

  /** Every problem, as {@code teacher.field: rule, found value}. */
  public List<String> validate() {
    List<String> p = new ArrayList<>();
    if (framesPerToken < 1 || framesPerToken > 256) {
      p.add("teacher.frames_per_token: must be in 1..256, found " + framesPerToken);
    }
    if (tokenStride < 1 || tokenStride > Math.max(1, framesPerToken)) {
      p.add("teacher.token_stride: must be in 1..frames_per_token (" + framesPerToken + "), found " + tokenStride);
    }
    if (modelDim < 4 || modelDim > 4096) {
      p.add("teacher.model_dim: must be in 4..4096, found " + modelDim);
    }
    if (heads < 1 || (modelDim >= 4 && modelDim % heads != 0)) {
      p.add("teacher.heads: must divide model_dim (" + modelDim + "), found " + heads);
    }
    if (layers < 1 || layers > 48) {
      p.add("teacher.layers: must be in 1..48, found " + layers);
    }
    if (ffDim < 1 || ffDim > 16384) {
      p.add("teacher.ff_dim: must be in 1..16384, found " + ffDim);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      p.add("teacher.dropout: must be in [0, 1), found " + dropout);
    }
    if (convStem < 0 || convStem > 256) {
      p.add("teacher.conv_stem: must be 0 (none) or 1..256 channels, found " + convStem);
    } else if (convStem > 0 && tokenStride != framesPerToken) {
      p.add("teacher.conv_stem: needs token_stride = frames_per_token (" + framesPerToken + "), found " + tokenStride);
    }
    if (stemTimeKernel < 0 || stemTimeKernel > 63 || (stemTimeKernel > 0 && stemTimeKernel % 2 == 0)) {
      p.add("teacher.stem_time_kernel: must be 0 (2-D stem) or an odd width in 1..63, found " + stemTimeKernel);
    }
    return p;
  }
}
